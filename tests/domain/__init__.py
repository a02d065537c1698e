"""Tests of receptiondesk.domain."""
