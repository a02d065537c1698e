"""Tests of receptiondesk.services."""
