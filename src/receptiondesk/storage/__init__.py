"""Storage: the SQLite file, its migrations, record writes, lists and full-text search."""
