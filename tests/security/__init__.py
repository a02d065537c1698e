"""Tests of receptiondesk.security."""
