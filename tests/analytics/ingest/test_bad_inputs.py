"""Bad and hostile files: each gets its own clear error, and nothing takes the caller down."""

from __future__ import annotations

import io
import zipfile

import pytest

from analytics.ingest import IngestError, Limits, ingest
from analytics.ingest.sandbox import run_isolated
from analytics.ingest.workbook import read_workbook
from tests.analytics.ingest.helpers import GOOD, ODS_HEAD, ODS_TAIL, csv_bytes, xlsx_bytes

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def sheet_xml(cells: str) -> bytes:
    return ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>').encode()


def xlsx_with_sheet(sheet: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    base = io.BytesIO(xlsx_bytes({"Sheet1": [["a", "b"]]}))
    members = {}
    with zipfile.ZipFile(base) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    members["xl/worksheets/sheet1.xml"] = sheet
    members.update(extra or {})
    return zipped(members)


def error_code(data: bytes, name: str, **kwargs: object) -> str:
    with pytest.raises(IngestError) as error:
        ingest(data, name, **kwargs)  # type: ignore[arg-type]
    return error.value.code


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "empty.csv", "empty"),
        (b"  \r\n \n", "blank.csv", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.csv", "not-spreadsheet"),
        (b"%PDF-1.7\n1 0 obj\n", "report.xlsx", "not-spreadsheet"),
        (bytes(range(256)) * 10, "dump.csv", "not-spreadsheet"),
        (b"PK\x03\x04" + b"\x00" * 40, "broken.xlsx", "corrupt-workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "EncryptionInfo".encode("utf-16-le")
         + b"\x00" * 200, "secret.xlsx", "encrypted"),
    ],
)
def test_not_a_usable_spreadsheet(data: bytes, name: str, code: str) -> None:
    assert error_code(data, name) == code


def test_truncated_xlsx_is_corrupt() -> None:
    data = xlsx_bytes({"S": GOOD})
    assert error_code(data[: len(data) // 2], "cut.xlsx") == "corrupt-workbook"


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ([["Email", "Сумма"], ["a@x.ru", "1"]], "no-date-column"),
        ([["Дата", "Email"], ["01.01.2024", "a@x.ru"]], "no-amount-column"),
        ([["Дата", "Сумма"], ["01.01.2024", "100"]], "no-customer-column"),
        ([["Дата", "Email", "Сумма", "Статус"], ["01.01.2024", "a@x.ru", "1", "Отменен"],
          ["02.01.2024", "b@x.ru", "1", "Отменен"]], "no-valid-rows"),
        ([["Дата", "Email", "Сумма"]], "no-rows"),
    ],
)
def test_missing_columns_and_rows(rows: list[list[str]], code: str) -> None:
    assert error_code(csv_bytes(rows), "x.csv", isolate=False) == code


def test_too_big_and_too_many_rows() -> None:
    data = csv_bytes(GOOD + [["03.02.2024", f"c{i}@x.ru", "1", "Оплачен"] for i in range(50)])
    assert error_code(data, "x.csv", limits=Limits(max_bytes=100)) == "too-big"
    assert error_code(data, "x.csv", limits=Limits(max_rows=10), isolate=False) == "too-many-rows"


def test_decompression_bomb_refused_before_expansion() -> None:
    row = b'<row><c t="inlineStr"><is><t>' + b"A" * 1000 + b"</t></is></c></row>"
    bomb = xlsx_with_sheet(sheet_xml("") [:-25] + row * 300_000 + b"</sheetData></worksheet>")
    assert len(bomb) < 2_000_000
    assert error_code(bomb, "bomb.xlsx", limits=Limits(max_unzipped_bytes=200 * 1024 * 1024)) == "zip-bomb"


def test_absurd_cell_range_refused_before_calamine() -> None:
    cells = ('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
             '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row>')
    data = xlsx_with_sheet(sheet_xml(cells))
    assert len(data) < 10_000
    assert error_code(data, "range.xlsx") == "absurd-range"


def test_xml_entity_expansion_refused() -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b"<si><t>&lol2;</t></si></sst>")
    data = xlsx_with_sheet(sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'),
                           {"xl/sharedStrings.xml": laughs})
    assert error_code(data, "lol.xlsx") == "xml-entities"


def ods_bytes(content: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()




def test_ods_repeats_asking_for_a_hundred_million_cells_refused() -> None:
    content = (ODS_HEAD + '<table:table-row table:number-rows-repeated="10000">'
               '<table:table-cell table:number-columns-repeated="10000" office:value-type="string">'
               "<text:p>x</text:p></table:table-cell></table:table-row>" + ODS_TAIL)
    data = ods_bytes(content)
    assert len(data) < 2000
    assert error_code(data, "cells.ods") == "too-many-cells"


def test_ordinary_ods_reads() -> None:
    def row(cells: list[str]) -> str:
        return "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
            for c in cells) + '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
    content = ODS_HEAD + "".join(row(r) for r in GOOD) + (
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>'
    ) + ODS_TAIL
    result = ingest(ods_bytes(content), "orders.ods")
    assert result.source.format == "ods" and result.quality.revenue == 300


def test_one_enormous_line_and_millions_of_columns() -> None:
    assert error_code(b"a" * (3 * 1024 * 1024), "line.csv",
                      limits=Limits(max_bytes=50 * 1024 * 1024)) == "line-too-long"
    wide = b";".join([b"x"] * 2_000_000) + b"\n"
    assert error_code(wide, "wide.csv", limits=Limits(max_bytes=50 * 1024 * 1024)) in {
        "line-too-long", "too-many-columns"}
    header = ";".join(f"c{i}" for i in range(5000)).encode() + b"\n1;2\n"
    assert error_code(header, "wide.csv") == "too-many-columns"


def test_a_crashing_parser_kills_only_the_child() -> None:
    """calamine aborts the process on A1 + XFD1048576; bypassing the pre-check proves the
    child process contains it (the parent gets an error, not an abort)."""
    cells = ('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
             '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row>')
    data = xlsx_with_sheet(sheet_xml(cells))
    with pytest.raises(IngestError) as error:
        run_isolated(read_workbook, data, memory_bytes=2 * 1024**3, seconds=60)
    assert error.value.code in {"parser-crashed", "out-of-memory", "corrupt-workbook"}


def test_time_limit_kills_a_slow_parse() -> None:
    with pytest.raises(IngestError) as error:
        run_isolated(_sleep, 30, memory_bytes=2 * 1024**3, seconds=0.5)
    assert error.value.code == "timeout"


def _sleep(seconds: float) -> None:
    import time

    time.sleep(seconds)


def test_the_caller_works_while_the_child_parses_and_the_time_limit_still_holds() -> None:
    calls: list[float] = []
    assert run_isolated(
        _sleep_and_say, 0.3, memory_bytes=2 * 1024**3, seconds=30,
        while_waiting=lambda: calls.append(1.0),
    ) == "done"
    assert calls == [1.0]
    # Time spent in while_waiting counts against the limit: the child gets no extra time.
    with pytest.raises(IngestError) as error:
        run_isolated(_sleep, 30, memory_bytes=2 * 1024**3, seconds=0.5,
                     while_waiting=lambda: _sleep(1.0))
    assert error.value.code == "timeout"


def _sleep_and_say(seconds: float) -> str:
    _sleep(seconds)
    return "done"


def test_an_unexpected_failure_on_a_csv_never_says_save_as_csv(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from analytics.ingest import pipeline

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a reader bug")

    monkeypatch.setattr(pipeline, "build_result", broken)  # the forked child inherits it
    assert error_code(csv_bytes(GOOD), "orders.csv") == "text-parser-crashed"
    assert error_code(xlsx_bytes({"Заказы": GOOD}), "orders.xlsx") == "parser-crashed"


def test_what_a_crashing_child_prints_is_its_report_not_the_users_stderr(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """A parser's panic text (Rust's allocation failure, a backtrace) and library warnings
    end in the crash report's detail; the caller prints one line of its own."""
    with pytest.raises(IngestError) as error:
        run_isolated(_shout_and_abort, memory_bytes=2 * 1024**3, seconds=30)
    assert error.value.code == "parser-crashed"
    assert "memory allocation of 8 bytes failed" in error.value.params["detail"]
    assert capfd.readouterr().err == ""


def _shout_and_abort() -> None:
    import os
    import warnings

    warnings.warn("a library's warning", RuntimeWarning, stacklevel=1)
    os.write(2, b"memory allocation of 8 bytes failed\n")
    os.abort()
