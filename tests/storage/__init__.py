"""Tests of receptiondesk.storage."""
