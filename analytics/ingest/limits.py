"""Limits that protect ingest (and its caller) from huge or hostile files."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Every bound ingest enforces; the defaults suit a 2-core, 24 GiB machine."""

    max_bytes: int = 20 * 1024 * 1024
    max_rows: int = 1_500_000
    max_columns: int = 500
    max_line_bytes: int = 1024 * 1024
    max_unzipped_bytes: int = 1024 * 1024 * 1024
    max_zip_ratio: float = 200.0
    max_zip_entries: int = 10_000
    max_cells: int = 60_000_000
    memory_bytes: int = 6 * 1024 * 1024 * 1024
    seconds: float = 180.0

    @classmethod
    def from_env(cls, max_mb: float | None = None) -> Limits:
        """Limits with ``MAX_UPLOAD_MB`` and ``MAX_ROWS`` from the environment (or arguments)."""
        mb = max_mb if max_mb is not None else float(os.environ.get("MAX_UPLOAD_MB") or 20)
        rows = int(os.environ.get("MAX_ROWS") or cls.max_rows)
        return cls(max_bytes=int(mb * 1024 * 1024), max_rows=rows)
