"""Tests of receptiondesk.ui."""
