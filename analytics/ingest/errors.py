"""Ingest failures as codes with parameters; the locale files turn them into sentences."""

from __future__ import annotations

from typing import Any


class IngestError(Exception):
    """A file Kratno cannot use, with a code (``ingest-error-<code>`` in the locales)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.code}({details})" if details else self.code
