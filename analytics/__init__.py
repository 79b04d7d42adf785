"""Kratno analytics: pure computation from uploaded spreadsheets to typed audit results."""
