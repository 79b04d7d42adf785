"""Renderings of an audit: report.json sections, the readable summary, files."""
