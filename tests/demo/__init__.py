"""Tests of the demonstration data generator and the `generate` command."""
