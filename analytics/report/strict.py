"""Strict JSON values: report.json must parse everywhere (no NaN, no Infinity)."""

from __future__ import annotations

import math
from typing import Any


def finite(value: Any) -> Any:
    """A copy of ``value`` in which non-finite floats are ``None`` (containers keep their
    types, so a value without such floats comes back equal)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    if isinstance(value, tuple):
        return tuple(finite(v) for v in value)
    return value
