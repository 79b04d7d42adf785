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


def _c_reader(body: str) -> list[list[object]]:
    frame = pd.read_csv(
        textio.io.StringIO(body),
        sep=";",
        header=None,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        engine="c",
        names=[0, 1, 2],
        index_col=False,
    )
    return frame.astype(object).values.tolist()


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_arrow_reader_matches_c_reader(body: str, encoding: str) -> None:
    fast = textio._read_coded(body.encode(encoding), ";", 3, encoding)
    assert fast is not None
    assert all(isinstance(dtype, pd.CategoricalDtype) for dtype in fast.dtypes)
    assert fast.astype(object).values.tolist() == _c_reader(body)


def test_single_byte_code_pages_are_transcoded_through_distinct_values() -> None:
    body = "".join(f"{i};Ёлка №{i % 3} €;{'я' * (i % 5)}\n" for i in range(200))
    for encoding in ("cp1251", "koi8-r", "cp866"):
        assert textio.single_byte(encoding)
        fast = textio._read_coded(body.encode(encoding, errors="replace"), ";", 3, encoding)
        assert fast is not None
        expected = body.encode(encoding, errors="replace").decode(encoding)
        assert fast.astype(object).values.tolist() == _c_reader(expected)
    assert not any(map(textio.single_byte, ["utf-8", "utf-16", "shift_jis", "gb18030", "x"]))


def test_bytes_that_are_not_utf8_past_the_head_become_replacement_characters() -> None:
    good = "".join(f"{i};Москва;Пётр\n" for i in range(60_000)).encode("utf-8")
    data = good + "60000;Тула;Анна\n".encode("cp1251")  # one cp1251 row at the end
    assert len(good) > textio.HEAD_BYTES
    head = textio.decode_head(data)
    assert head.encoding == "utf-8"
    frame = textio.read_body(data, head.encoding, ";", 0, 3)
    assert len(frame) == 60_001
    assert frame.iloc[0].tolist() == ["0", "Москва", "Пётр"]
    assert frame.iloc[-1].tolist() == ["60000", "\ufffd" * 4, "\ufffd" * 4]


@pytest.mark.parametrize("body", ["1;a;b;extra\n2;c;d\n", "1;a\n2;b;c\n", "", "\n\n"])
def test_arrow_reader_steps_aside_for_ragged_or_empty_bodies(body: str) -> None:
    assert textio._read_coded(body.encode("utf-8"), ";", 3, "utf-8") is None
    frame = textio.read_body(("h1;h2;h3\n" + body).encode("utf-8"), "utf-8", ";", 1, 3)
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
