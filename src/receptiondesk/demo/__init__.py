"""Realistic demonstration data: a deterministic generator of interchange records, and loading it into a desk."""
