"""Tests of the interchange format: export, import, idempotence and hostile files."""
