"""Cheap checks before any parser touches a file: size, zip directory, XML, cells.

python-calamine expands whatever a workbook asks for and aborts the whole process on
absurd ranges, so workbooks are measured here first (see ``cells``) and parsed in a
child process.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import partial

from analytics.ingest.cells import check_cells, ods_cells, xlsx_cells
from analytics.ingest.damaged import workbook_container
from analytics.ingest.errors import IngestError
from analytics.ingest.limits import Limits
from analytics.ingest.sniff import Kind

_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_size(data: bytes, limits: Limits) -> None:
    """Refuse files larger than the upload limit."""
    if len(data) > limits.max_bytes:
        raise IngestError(
            "too-big",
            size_mb=round(len(data) / 1024 / 1024, 1),
            limit_mb=round(limits.max_bytes / 1024 / 1024, 1),
        )


def check_workbook(data: bytes, kind: Kind, limits: Limits) -> None:
    """Refuse zip bombs, XML entity tricks, too many cells and absurd ranges before parsing;
    a damaged container is ``corrupt-workbook``, whatever breaks inside ``zipfile``."""
    if kind not in ("xlsx", "ods"):
        return
    with workbook_container(), zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        _check_directory(infos, len(data), limits)
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _check_no_doctype(archive, info)
        if kind == "xlsx":
            sheets = [
                xlsx_cells(partial(archive.open, info))
                for info in infos
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            ]
        else:
            with archive.open("content.xml") as member:
                sheets = ods_cells(member)
    check_cells(sheets, limits, len(data))


def _check_directory(infos: list[zipfile.ZipInfo], size: int, limits: Limits) -> None:
    if len(infos) > limits.max_zip_entries:
        raise IngestError("zip-bomb")
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise IngestError("zip-bomb")
    if total > 10 * 1024 * 1024 and total > limits.max_zip_ratio * max(compressed, size, 1):
        raise IngestError("zip-bomb")


def _check_no_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    with archive.open(info) as member:
        head = member.read(65536)
    if _DOCTYPE.search(head):
        raise IngestError("xml-entities")
