"""Per-group reductions over integer group codes, in numpy: what ingest needs to merge the
lines of one order (first value, earliest date, sum, the line with the largest amount)
without pandas' groupby machinery, which costs several times more on a million lines
(sums excepted: pandas' compensated summation is kept for them).

Groups are numbered in order of first appearance, as ``groupby(sort=False)`` numbers them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.ingest.values import take_rows

Codes = npt.NDArray[np.integer[Any]]


class Groups:
    """The groups of ``codes`` (one integer per row, every code >= 0)."""

    def __init__(self, codes: Codes) -> None:
        count = int(codes.max()) + 1 if len(codes) else 0
        earliest = np.full(count, len(codes), dtype=np.intp)
        np.minimum.at(earliest, codes, np.arange(len(codes)))
        first = np.zeros(len(codes), dtype=bool)
        first[earliest[earliest < len(codes)]] = True
        self.first_rows = np.flatnonzero(first)
        """The first row of each group, in order of appearance."""
        rank = np.full(count, -1, dtype=np.intp)
        rank[codes[self.first_rows]] = np.arange(len(self.first_rows))
        self.of_row = rank[codes]
        """Each row's group number."""
        self.size = len(self.first_rows)

    def first(self, column: pd.Series) -> pd.api.extensions.ExtensionArray:
        """The first present value of each group (missing if the group has none), like
        ``GroupBy.first``."""
        missing = column.isna().to_numpy()
        rows = self.first_rows
        if missing[rows].any():  # some group starts with a gap: its first filled row
            rows = self._first_where(~missing)
        return take_rows(column, rows)

    def min(self, values: npt.NDArray[np.datetime64]) -> npt.NDArray[np.datetime64]:
        """The earliest datetime of each group (NaT rows skipped; NaT if all are)."""
        ticks = values.view(np.int64)
        present = ~np.isnat(values)
        low = np.full(self.size, np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(low, self.of_row[present], ticks[present])
        low[low == np.iinfo(np.int64).max] = np.iinfo(np.int64).min  # NaT
        return low.view(values.dtype)

    def sum(self, values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The sum of each group's present values; NaN when none is present
        (``sum(min_count=1)``). pandas adds with compensated summation, so that
        0.1 + 0.2 + 0.3 is 0.6 as written, not 0.6000000000000001: its groupby does this
        one, on the group numbers."""
        totals = pd.Series(values).groupby(self.of_row, sort=True).sum(min_count=1)
        return np.asarray(totals, dtype=np.float64)

    def single_valued(self, values: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """Does each group hold one value only, NaN counting as a value
        (``nunique(dropna=False) == 1``)?"""
        present = ~np.isnan(values)
        groups = self.of_row[present]
        low = np.full(self.size, np.inf)
        high = np.full(self.size, -np.inf)
        np.minimum.at(low, groups, values[present])
        np.maximum.at(high, groups, values[present])
        gaps = np.bincount(self.of_row[~present], minlength=self.size)
        rows = np.bincount(self.of_row, minlength=self.size)
        single: npt.NDArray[np.bool_] = np.where(gaps == 0, low == high, gaps == rows)
        return single

    def row_of_max(self, values: npt.NDArray[np.float64]) -> npt.NDArray[np.intp]:
        """Each group's row with the largest value, the first on ties; NaN counts as
        minus infinity (so an all-NaN group gives its first row)."""
        filled = np.where(np.isnan(values), -np.inf, values)
        high = np.full(self.size, -np.inf)
        np.maximum.at(high, self.of_row, filled)
        return self._first_where(filled == high[self.of_row])

    def _first_where(self, mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.intp]:
        """Each group's first row where ``mask`` holds; -1 where none does."""
        rows = np.flatnonzero(mask)
        first = np.full(self.size, len(mask), dtype=np.intp)
        np.minimum.at(first, self.of_row[rows], rows)
        first[first == len(mask)] = -1
        return first
