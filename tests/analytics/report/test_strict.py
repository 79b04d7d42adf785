"""report.json stays strict JSON."""

from __future__ import annotations

import json
import math

from analytics.report.strict import finite


def test_non_finite_numbers_become_null_everywhere() -> None:
    value = {"a": math.nan, "b": [1.5, math.inf, {"c": -math.inf}], 3: (2, "x")}
    cleaned = finite(value)
    assert cleaned == {"a": None, "b": [1.5, None, {"c": None}], 3: (2, "x")}
    json.dumps(cleaned, allow_nan=False)  # would raise on NaN or Infinity
