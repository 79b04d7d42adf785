"""Where the table starts: title lines above the header, multi-row headers, column names."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from analytics.ingest.roles import header_scores

SCAN_ROWS = 40
_NUMBER_LIKE = re.compile(r"^[\s\u00a0(+-]*[\d\s\u00a0.,]+\)?\s*(₽|руб\.?|р\.|%|\$|€|£)?\s*$")
_DATE_LIKE = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


@dataclass(frozen=True)
class Header:
    """The header's first row index, how many rows it spans, and the column names."""

    row: int
    rows: int
    names: tuple[str, ...]


def cell_text(value: Any) -> str:
    """A cell as trimmed text (``""`` for empty)."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


def _is_data_value(value: Any) -> bool:
    if isinstance(value, (int, float, datetime, date)) and not isinstance(value, bool):
        return True
    text = cell_text(value)
    return bool(text) and bool(_NUMBER_LIKE.match(text) or _DATE_LIKE.match(text))


def _keyword_hits(cells: list[str]) -> int:
    return sum(
        1 for c in cells if c and len(c) <= 80 and max(header_scores(c).values(), default=0) >= 0.6
    )


def _header_like(row: list[Any]) -> tuple[bool, int, int]:
    """(looks like a header, keyword hits, filled cells)."""
    cells = [cell_text(c) for c in row]
    filled = [c for c, raw in zip(cells, row, strict=True) if c]
    if len(filled) < 2:
        return False, 0, len(filled)
    data_cells = sum(1 for raw in row if _is_data_value(raw))
    hits = _keyword_hits(cells)
    text_share = 1 - data_cells / len(filled)
    return text_share >= 0.7 and max(len(c) for c in filled) <= 200, hits, len(filled)


def find_header(rows: list[list[Any]]) -> Header:
    """Find the header among the first rows: most known column names, then most filled cells.

    A second header row directly beneath (no numbers or dates, known names, and gaps in the
    first row that it fills) is merged into names like ``"Клиент Email"``.
    """
    best: tuple[int, int, int] | None = None
    best_row = 0
    for index, row in enumerate(rows[:SCAN_ROWS]):
        looks, hits, filled = _header_like(row)
        if not looks:
            continue
        data_below = sum(
            1 for below in rows[index + 1 : index + 4] if any(_is_data_value(c) for c in below)
        )
        key = (hits * 3 + min(data_below, 1) * 2, filled, -index)
        if best is None or key > best:
            best, best_row = key, index
    if best is None:
        best_row = next((i for i, r in enumerate(rows) if any(cell_text(c) for c in r)), 0)
    if best_row > 0 and _continues_header(
        [cell_text(c) for c in rows[best_row - 1]], rows[best_row]
    ):
        best_row -= 1  # the best row is the lower half of a two-row header
    top = [cell_text(c) for c in rows[best_row]] if rows else []
    span = 1
    if best_row + 1 < len(rows) and _continues_header(top, rows[best_row + 1]):
        second = [cell_text(c) for c in rows[best_row + 1]]
        top = _merge_rows(top, second)
        span = 2
    return Header(best_row, span, unique_names(top))


def _continues_header(top: list[str], row: list[Any]) -> bool:
    if any(_is_data_value(c) for c in row):
        return False
    second = [cell_text(c) for c in row]
    filled = [c for c in second if c]
    if len(filled) < 2:
        return False
    gaps_filled = sum(1 for a, b in zip(top, second, strict=False) if not a and b)
    top_filled = sum(1 for a in top if a)
    return (
        top_filled >= 2
        and gaps_filled >= 1
        and _keyword_hits(second) >= 1
        and not any(_is_data_value(c) for c in top)
    )


def _merge_rows(top: list[str], second: list[str]) -> list[str]:
    width = max(len(top), len(second))
    top = top + [""] * (width - len(top))
    second = second + [""] * (width - len(second))
    carried, merged = "", []
    for upper, lower in zip(top, second, strict=True):
        carried = upper or (carried if lower else "")
        merged.append(" ".join(p for p in (carried, lower) if p))
    return merged


def unique_names(names: list[str]) -> tuple[str, ...]:
    """Column names made unique and non-empty: ``Примечание``, ``Примечание (2)``, ``column_5``."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for position, raw in enumerate(names, start=1):
        name = re.sub(r"\s+", " ", raw).strip() or f"column_{position}"
        count = seen.get(name, 0) + 1
        seen[name] = count
        out.append(name if count == 1 else f"{name} ({count})")
    return tuple(out)
