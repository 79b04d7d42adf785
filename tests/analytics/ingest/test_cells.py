"""Counting the cells a workbook holds, whatever way its XML spells them."""

from __future__ import annotations

import io
import zipfile

import pytest

from analytics.ingest import IngestError, Limits, ingest
from analytics.ingest.cells import CellCount, check_cells, xlsx_cells
from tests.analytics.ingest.test_bad_inputs import GOOD, sheet_xml, xlsx_with_sheet


def count(cells: str) -> CellCount:
    data = sheet_xml(cells)
    return xlsx_cells(lambda: io.BytesIO(data))


def inline(ref: str, value: str = "x") -> str:
    attrs = f' r="{ref}"' if ref else ""
    return f'<c{attrs} t="inlineStr"><is><t>{value}</t></is></c>'


def good_rows() -> str:
    return "".join(
        f'<row r="{i + 1}">' + "".join(inline(f"{chr(65 + j)}{i + 1}", v)
                                       for j, v in enumerate(row)) + "</row>"
        for i, row in enumerate(GOOD))


def test_values_and_their_extent_are_counted() -> None:
    assert count(good_rows()) == CellCount(present=12, rows=3, columns=4)


def test_empty_styled_cells_far_away_cost_nothing() -> None:
    """Excel keeps a formatted empty cell where the user once clicked: calamine skips it."""
    far = '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    assert count(good_rows() + far) == CellCount(present=12, rows=3, columns=4)
    result = ingest(xlsx_with_sheet(sheet_xml(good_rows() + far)), "orders.xlsx")
    assert result.quality.revenue == 300


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # cells without r follow the previous one, in the row's own row
        ('<row r="1">' + inline("A1") + '</row><row r="1048576">' + inline("") * 2 + "</row>",
         CellCount(present=3, rows=1048576, columns=2)),
        # a cell's own reference wins over its row's
        ('<row r="1">' + inline("A1") + inline("J100000") + "</row>",
         CellCount(present=2, rows=100000, columns=10)),
        # rows without r follow the previous one
        ("<row>" + inline("") + "</row><row>" + inline("") + inline("") + "</row>",
         CellCount(present=3, rows=2, columns=2)),
    ],
)
def test_unusual_spellings_are_counted_by_the_parser(cells: str, expected: CellCount) -> None:
    assert count(cells) == expected


def test_namespace_prefixes_are_counted() -> None:
    xml = (b'<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
           b'spreadsheetml/2006/main"><x:sheetData><x:row r="7"><x:c r="C7" t="n"><x:v>1</x:v>'
           b"</x:c></x:row></x:sheetData></x:worksheet>")
    assert xlsx_cells(lambda: io.BytesIO(xml)) == CellCount(present=1, rows=7, columns=3)


def test_a_sparse_range_is_absurd_and_a_full_one_too_many() -> None:
    with pytest.raises(IngestError) as sparse:
        check_cells([CellCount(present=10, rows=1048576, columns=5)], Limits(), 10_000)
    assert sparse.value.code == "absurd-range"
    full = CellCount(present=5_000_000, rows=1_000_000, columns=5)
    check_cells([full], Limits(), 100_000_000)
    with pytest.raises(IngestError) as many:
        check_cells([full], Limits(max_cells=4_500_000), 100_000_000)
    assert many.value.code == "too-many-cells"
    with pytest.raises(IngestError) as repeats:  # 5 million cells from 1 MB: repeats
        check_cells([full], Limits(), 1_000_000)
    assert repeats.value.params == {"cells": 5_000_000, "limit": 4_000_000}


def test_a_broken_sheet_is_a_corrupt_workbook() -> None:
    data = xlsx_with_sheet(b"<worksheet><sheetData><row><c><v>1</v></row>")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<c><v>" in archive.read("xl/worksheets/sheet1.xml")
    with pytest.raises(IngestError) as error:
        ingest(data, "broken.xlsx")
    assert error.value.code == "corrupt-workbook"
