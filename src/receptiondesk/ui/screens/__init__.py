"""The desk's screens, one per module, each shown in the main window's navigation."""
