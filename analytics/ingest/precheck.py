"""Cheap checks before any parser touches a file: size, zip directory, XML, cell range.

python-calamine expands whatever a workbook asks for and aborts the whole process on
absurd ranges, so workbooks are measured here first (and parsed in a child process).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from defusedxml import ElementTree as SafeET

from analytics.ingest.errors import IngestError
from analytics.ingest.limits import Limits
from analytics.ingest.sniff import Kind

_CHUNK = 4 * 1024 * 1024
_WIDE_CELL = re.compile(rb'<c r="([A-Z]{2,3})(\d+)"')
_CELL_ROW = re.compile(rb'<c r="[A-Z]{1,3}(\d+)"')
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def check_size(data: bytes, limits: Limits) -> None:
    """Refuse files larger than the upload limit."""
    if len(data) > limits.max_bytes:
        raise IngestError(
            "too-big",
            size_mb=round(len(data) / 1024 / 1024, 1),
            limit_mb=round(limits.max_bytes / 1024 / 1024, 1),
        )


def check_workbook(data: bytes, kind: Kind, limits: Limits) -> None:
    """Refuse zip bombs, XML entity tricks and absurd cell ranges before parsing."""
    if kind not in ("xlsx", "ods"):
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise IngestError("corrupt-workbook") from exc
    with archive:
        infos = archive.infolist()
        _check_directory(infos, len(data), limits)
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _check_no_doctype(archive, info)
        if kind == "xlsx":
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    _check_xlsx_range(archive, info, limits)
        else:
            _check_ods_range(archive, limits)


def _check_directory(infos: list[zipfile.ZipInfo], size: int, limits: Limits) -> None:
    if len(infos) > limits.max_zip_entries:
        raise IngestError("zip-bomb")
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise IngestError("zip-bomb")
    if total > 10 * 1024 * 1024 and total > limits.max_zip_ratio * max(compressed, size, 1):
        raise IngestError("zip-bomb")


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """Chunks of one member, overlapping slightly so no tag is cut in two unseen."""
    try:
        with archive.open(info) as member:
            tail = b""
            while chunk := member.read(_CHUNK):
                yield tail + chunk
                tail = chunk[-64:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise IngestError("corrupt-workbook") from exc


def _check_no_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    try:
        with archive.open(info) as member:
            head = member.read(65536)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise IngestError("corrupt-workbook") from exc
    if _DOCTYPE.search(head):
        raise IngestError("xml-entities")


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + (char - 64)
    return number


def _check_xlsx_range(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> None:
    """Bound rows x columns of the dense range calamine would allocate."""
    max_col, max_row = 26, 0
    wide_rows = 0
    for chunk in _stream(archive, info):
        for match in _WIDE_CELL.finditer(chunk):
            max_col = max(max_col, _column_number(match.group(1)))
            wide_rows = max(wide_rows, int(match.group(2)))
    max_row = wide_rows
    if max_col * 1_048_576 > limits.max_cells:
        # Wide sheets need the true row bound; narrow ones cannot exceed the cap.
        for chunk in _stream(archive, info):
            rows = _CELL_ROW.findall(chunk)
            if rows:
                max_row = max(max_row, *(int(r) for r in rows))
        if max_row * max_col > limits.max_cells:
            raise IngestError("absurd-range", cells=max_row * max_col)


def _check_ods_range(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Walk content.xml counting repeated rows and cells, as calamine would expand them."""
    try:
        member = archive.open("content.xml")
    except KeyError as exc:
        raise IngestError("corrupt-workbook") from exc
    row_tag = f"{{{_TABLE_NS}}}table-row"
    cell_tags = {f"{{{_TABLE_NS}}}table-cell", f"{{{_TABLE_NS}}}covered-table-cell"}
    table_tag = f"{{{_TABLE_NS}}}table"
    rows_rep = f"{{{_TABLE_NS}}}number-rows-repeated"
    cols_rep = f"{{{_TABLE_NS}}}number-columns-repeated"
    value_type = f"{{{_OFFICE_NS}}}value-type"
    row_pos = max_row = max_col = 0
    try:
        with member:
            for event, elem in SafeET.iterparse(member, events=("start", "end")):
                if event == "start" and elem.tag == table_tag:
                    row_pos = 0
                if event != "end" or elem.tag != row_tag:
                    continue
                repeat = int(elem.get(rows_rep, "1"))
                col_pos = last_filled = 0
                for cell in elem:
                    if cell.tag not in cell_tags:
                        continue
                    span = int(cell.get(cols_rep, "1"))
                    col_pos += span
                    if cell.get(value_type) is not None or len(cell):
                        last_filled = col_pos
                row_pos += repeat
                if last_filled:
                    max_row = max(max_row, row_pos)
                    max_col = max(max_col, last_filled)
                    if max_row * max_col > limits.max_cells:
                        raise IngestError("absurd-range", cells=max_row * max_col)
                elem.clear()
    except IngestError:
        raise
    except Exception as exc:  # defusedxml refusals, broken XML, bad numbers
        if "Entit" in type(exc).__name__ or "DTD" in type(exc).__name__:
            raise IngestError("xml-entities") from exc
        raise IngestError("corrupt-workbook") from exc
