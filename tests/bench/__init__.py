"""Tests of the synthetic data generator in bench/."""
