"""The Arrow CSV reader returns what pandas' C reader returns, or steps aside."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.ingest import text as textio

CASES = {
    "plain": "1;a;b\r\n2;c;d\r\n",
    "quoted multiline": '1;"line one\nline two";x\n2;"say ""hi""";y\n',
    "empty and blank cells": "1;;  \n;;\n\n3;x;\u00a0\n",
    "quote inside a field": '1;ab"c;d\n2;e;f\n',
    "delimiter in quotes": '1;"a;b";c\n',
    "cyrillic": "1;Иванов Пётр;москва\n",
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_arrow_reader_matches_c_reader(body: str) -> None:
    fast = textio._read_arrow(body.encode("utf-8"), ";", 3)
    assert fast is not None
    assert isinstance(fast.dtypes.iloc[0], pd.StringDtype) and fast.dtypes.iloc[0].storage == "pyarrow"
    slow = pd.read_csv(
        textio.io.BytesIO(body.encode("utf-8")),
        sep=";",
        header=None,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        engine="c",
        names=[0, 1, 2],
        index_col=False,
    )
    assert fast.astype(object).values.tolist() == slow.astype(object).values.tolist()


@pytest.mark.parametrize("body", ["1;a;b;extra\n2;c;d\n", "1;a\n2;b;c\n", "", "\n\n"])
def test_arrow_reader_steps_aside_for_ragged_or_empty_bodies(body: str) -> None:
    assert textio._read_arrow(body.encode("utf-8"), ";", 3) is None
    frame = textio.read_body("h1;h2;h3\n" + body, ";", 1, 3)
    assert frame.shape[1] >= 3


def test_ingest_result_pickles_text_columns_compactly() -> None:
    import pickle

    import numpy as np

    from analytics.ingest.model import IngestResult, QualityReport, SourceInfo

    table = pd.DataFrame(
        {
            "customer_key": pd.array(["a", None, "b", "a"], dtype="string"),
            "amount": [1.0, np.nan, 3.0, 4.0],
            "status": pd.Series(["valid", "open", None, "valid"], dtype=textio.ARROW_STR),
            "raw": pd.Series(["x", 1, None, "x"], dtype=object),
        },
        index=[3, 5, 7, 9],
    )
    result = IngestResult("transactions", table, {}, QualityReport(), SourceInfo("f.csv", "csv"))
    back = pickle.loads(pickle.dumps(result))
    pd.testing.assert_frame_equal(back.table, table)
    assert back.quality == result.quality and back.source == result.source
