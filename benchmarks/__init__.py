"""Benchmarks of ReceptionDesk: figures beside raw baselines measured in the same run (`python -m benchmarks`)."""
