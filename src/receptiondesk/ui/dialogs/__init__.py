"""Dialogs of the desk, one per module."""
