"""Tests of the text commands: show, export, list."""
