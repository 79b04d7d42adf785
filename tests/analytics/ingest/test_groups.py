"""The numpy group reductions of ingest against pandas' groupby on random groups."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.ingest.groups import Groups

values = st.one_of(st.none(), st.sampled_from([0.0, -0.0, 1.5, 2.0, -3.25, 1e9]))
lines = st.lists(st.tuples(st.integers(0, 6), values, st.sampled_from(["a", "b", None])),
                 min_size=1, max_size=40)


def _frame(rows: list[tuple[int, float | None, str | None]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["group", "amount", "text"])
    frame["amount"] = frame["amount"].astype("float64")
    frame["text"] = frame["text"].astype("category")
    frame["date"] = pd.to_datetime("2024-01-01") + pd.to_timedelta(frame["amount"], unit="s")
    return frame


@settings(max_examples=150, deadline=None)
@given(lines)
def test_group_reductions_equal_pandas_groupby(rows: list[tuple[int, float | None, str | None]]) -> None:
    frame = _frame(rows)
    codes = frame["group"].to_numpy()
    group = Groups(codes)
    by = frame.groupby("group", sort=False)
    assert group.size == by.ngroups
    assert list(codes[group.first_rows]) == list(by.size().index)  # order of appearance
    amounts = frame["amount"].to_numpy()
    np.testing.assert_array_equal(group.sum(amounts), by["amount"].sum(min_count=1).to_numpy())
    np.testing.assert_array_equal(group.min(frame["date"].to_numpy()), by["date"].min().to_numpy())
    np.testing.assert_array_equal(
        group.single_valued(amounts), (by["amount"].nunique(dropna=False) == 1).to_numpy()
    )
    expected_top = frame["amount"].fillna(-np.inf).groupby(frame["group"], sort=False).idxmax()
    assert list(group.row_of_max(amounts)) == list(expected_top)
    for column in ("amount", "text"):
        first = pd.Series(group.first(frame[column]))
        pd.testing.assert_series_equal(
            first, by[column].first().reset_index(drop=True), check_names=False
        )


def test_a_group_whose_first_line_is_blank_takes_its_first_filled_value() -> None:
    frame = _frame([(3, None, None), (1, 2.0, "a"), (3, 1.5, "b"), (3, None, "a")])
    group = Groups(frame["group"].to_numpy())
    assert list(pd.Series(group.first(frame["text"]))) == ["b", "a"]
    assert list(group.sum(frame["amount"].to_numpy())) == [1.5, 2.0]


def test_sums_are_compensated_as_pandas_adds_them() -> None:
    group = Groups(np.array([0, 0, 0, 1]))
    totals = group.sum(np.array([0.1, 0.2, 0.3, -0.0]))
    assert totals[0] == 0.6  # plain addition in order gives 0.6000000000000001
    assert np.signbit(totals[1])  # -0.0 stays -0.0, as pandas keeps it
