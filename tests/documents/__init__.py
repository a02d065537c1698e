"""Tests of the PDF documents: each one rendered, then read back with pypdf and poppler."""
