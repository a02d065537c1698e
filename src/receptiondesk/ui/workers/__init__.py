"""Background work for the GUI: long reads that must not freeze the window."""
