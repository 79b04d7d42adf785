"""Hostile files through the real command line: exit 2 with one line naming the reason (or
a report), nothing else on stderr, and memory bound by the cells really present."""

from __future__ import annotations

import pytest

from analytics.locales import t
from bench.bench_hostile import measure_audit
from bench.fuzz_ingest import CORPUS

GIB = 1024**3


def audit(name: str, *args: str) -> dict[str, object]:
    """``python -m analytics audit`` on a corpus file, measured."""
    return measure_audit(CORPUS / name, "--lang", "en", *args)


@pytest.mark.parametrize("upload", [True, False], ids=["upload", "local"])
@pytest.mark.parametrize(
    ("name", "key", "params"),
    [
        # 2.5 GB and 13 s before, then read: one value at BE1048576
        ("far_cell_be1048576.xlsx", "absurd-range", {"cells": 57 * 1048576}),
        ("far_cell_z1048576.xlsx", "absurd-range", {"cells": 26 * 1048576}),
        # 5.5 GB and 23 s before, calamine's allocation failure on stderr
        ("repeated_rows_50x1190000.ods", "too-many-cells",
         {"cells": 50 * 1_190_003, "limit": 4_000_000}),
        ("empty_rows_then_value.ods", "absurd-range", {"cells": 4 * 1_190_004}),
    ],
)
def test_a_tiny_workbook_asking_for_millions_of_cells_is_refused_in_little_memory(
    name: str, key: str, params: dict[str, int], upload: bool
) -> None:
    done = audit(name, *(["--max-mb", "20"] if upload else []))
    assert done["code"] == 2
    assert done["stderr"] == t("en", f"ingest-error-{key}", **params) + "\n"
    assert isinstance(done["peak"], int) and done["peak"] < GIB


@pytest.mark.parametrize(
    ("name", "key", "params"),
    [
        ("flipped_bit_zlib.xlsx", "corrupt-workbook", {}),
        ("flipped_bit_negative_seek.ods", "corrupt-workbook", {}),
        ("flipped_bit_zip_version.xlsx", "corrupt-workbook", {}),
        ("row_wider_than_limit.csv", "too-many-columns", {"columns": 100_000, "limit": 500}),
    ],
)
def test_a_damaged_file_is_one_line(name: str, key: str, params: dict[str, int]) -> None:
    done = audit(name, "--max-mb", "20")
    assert done["code"] == 2
    assert done["stderr"] == t("en", f"ingest-error-{key}", **params) + "\n"


@pytest.mark.parametrize("name", ["customers_infinite_totals.csv", "longer_rows.csv"])
def test_text_that_made_numpy_or_pandas_warn_is_read_quietly(name: str) -> None:
    """The mislabelled text files of the corpus are read in-process by its test."""
    done = audit(name, "--max-mb", "20")
    assert done == {**done, "code": 0, "stderr": ""}
