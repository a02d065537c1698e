"""Tests of receptiondesk.sync: keys, packages, acknowledgements."""
