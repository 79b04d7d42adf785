"""Ingest failures as codes with parameters; the locale files turn them into sentences."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MISSING_ROLE = {"no-date-column": "order_date", "no-amount-column": "amount",
                "no-customer-column": "customer_id"}
"""Errors of a column detection did not find -> the role a user can point to instead."""


class IngestError(Exception):
    """A file Kratno cannot use, with a code (``ingest-error-<code>`` in the locales);
    ``headers``: the file's columns, when the user could name the missing one among them."""

    def __init__(self, code: str, *, headers: Sequence[str] = (), **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params
        self.headers = tuple(headers)

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.code}({details})" if details else self.code
