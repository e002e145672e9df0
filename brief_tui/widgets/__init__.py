"""The reader's widgets, one a module."""
