"""Benchmarks and the synthetic data generator they use (not part of the installed package)."""
