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
        """Limits for one caller: ``max_mb`` caps the file's size (the bot passes its
        ``MAX_UPLOAD_MB``, the CLI its ``--max-mb``) and a workbook's cells to
        ``UPLOAD_MAX_CELLS``; without it the file is the user's own (the command line)
        and may be as large as ``LOCAL_MAX_BYTES``. ``MAX_ROWS`` comes from the
        environment."""
        rows = int(os.environ.get("MAX_ROWS") or cls.max_rows)
        if max_mb is None:
            return cls(max_bytes=LOCAL_MAX_BYTES, max_rows=rows)
        return cls(max_bytes=int(max_mb * 1024 * 1024), max_rows=rows, max_cells=UPLOAD_MAX_CELLS)


LOCAL_MAX_BYTES = 4 * 1024 * 1024 * 1024
"""The largest local file the command line reads into memory: no upload limit applies to
the user's own disk, and ``MAX_ROWS`` bounds the table itself."""

UPLOAD_MAX_CELLS = 6_000_000
"""The most workbook cells an upload may span: parsed, about 130 bytes each, they stay
under 1 GB (a 20 MB XLSX of 300,000 rows x 13 columns spans 3.9 million)."""
