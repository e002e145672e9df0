"""brief: a terminal reader for negotiation briefings."""

__version__ = "0.1.0"
