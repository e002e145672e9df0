"""Text rendering shared by widgets and by show/export."""
