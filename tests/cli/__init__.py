"""Tests of the command line: commands, output, exit codes and the entry point."""
