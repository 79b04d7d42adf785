"""Count the cells a workbook really holds, and the dense range a reader would allocate.

python-calamine turns each sheet into a dense rows x columns range spanning every cell
with a value, so one value at BE1048576 costs 60 million cells of memory, and an ODS
repeat attribute turns one stored cell into millions. Both are counted here from the
sheet XML, streamed, before any reader sees it: ``present`` cells (values, repeats
expanded) and the ``dense`` range. Empty cells, styled or repeated, count for neither,
as calamine skips them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO
from xml.parsers import expat

from analytics.ingest.errors import IngestError
from analytics.ingest.limits import Limits

DENSE_FLOOR = 4_000_000
"""A dense range this large is read whatever it holds (about 160 MB of empty cells)."""
SPARSE_RATIO = 4
"""Beyond the floor, a range may be this many times the cells present, no more."""
CELLS_PER_BYTE = 4
"""Real exports store a cell in a byte or more, compressed (a 20 MB XLSX of 3.9 million
cells: 0.2 cells per byte); beyond the floor, more cells per byte are repeats asking to
be expanded."""

_VALUED_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*>\s*<[vif]')
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})$")
_BLOCK = 4 * 1024 * 1024
_CARRY = 256


@dataclass(frozen=True)
class CellCount:
    """One sheet's cells with a value, and the extent (last row, last column) they span."""

    present: int = 0
    rows: int = 0
    columns: int = 0

    @property
    def dense(self) -> int:
        """Cells of the rectangular range a reader allocates for the sheet."""
        return self.rows * self.columns


def check_cells(sheets: Iterable[CellCount], limits: Limits, size: int) -> None:
    """Refuse a workbook of ``size`` bytes whose ranges would not fit the memory bound.

    A sheet whose range is far larger than the values it holds (a stray cell far away,
    repeated empty rows before a value) is an absurd range. Ranges beyond
    ``limits.max_cells`` in all, or beyond ``CELLS_PER_BYTE`` per byte of the file (ODS
    repeats: 746 bytes asking for 59.5 million filled cells), are too many cells.
    """
    dense = 0
    for sheet in sheets:
        if sheet.dense > max(DENSE_FLOOR, SPARSE_RATIO * sheet.present):
            raise IngestError("absurd-range", cells=sheet.dense)
        dense += sheet.dense
    limit = min(limits.max_cells, max(DENSE_FLOOR, CELLS_PER_BYTE * size))
    if dense > limit:
        raise IngestError("too-many-cells", cells=dense, limit=limit)


def column_number(letters: str | bytes) -> int:
    """``A`` -> 1, ``Z`` -> 26, ``AA`` -> 27 (text or ASCII bytes)."""
    number = 0
    for char in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + (char - 64)
    return number


def xlsx_cells(open_member: Callable[[], IO[bytes]]) -> CellCount:
    """Count a worksheet's valued cells from its XML, streamed (``open_member`` opens it).

    Every writer seen (Excel, LibreOffice, openpyxl, XlsxWriter) starts each cell with
    ``<c r="A1"``: one regular-expression pass counts those. Any other spelling (no
    ``r``, a namespace prefix, attributes first) is counted again by an XML parser.
    """
    present = max_row = 0
    letters: set[bytes] = set()
    tags = r_first = 0
    with open_member() as member:
        for block in _cell_blocks(member):
            tags += block.count(b"<c ") + block.count(b"<c>") + block.count(b":c ")
            r_first += block.count(b'<c r="')
            found = _VALUED_CELL.findall(block)
            present += len(found)
            letters.update({col for col, _ in found})
            max_row = max([max_row, *map(int, {row for _, row in found})])
    if tags != r_first:
        with open_member() as member:
            return _xlsx_cells_parsed(member)
    max_col = max((column_number(c) for c in letters), default=0)
    return CellCount(present, max_row, max_col)


def _cell_blocks(member: IO[bytes]) -> Iterator[bytes]:
    """The member in blocks that each end just before a ``<c`` (no cell tag is cut)."""
    carry = b""
    while block := member.read(_BLOCK):
        buffer = carry + block
        cut = buffer.rfind(b"<c")
        if cut <= 0:
            cut = max(0, len(buffer) - _CARRY)
        yield buffer[:cut]
        carry = buffer[cut:]
    if carry:
        yield carry


def _xlsx_cells_parsed(member: IO[bytes]) -> CellCount:
    """Exact count with an XML parser: rows and cells without ``r`` follow the previous."""
    state = {"row": 0, "col": 0, "cell_row": 0, "valued": 0, "present": 0, "rows": 0, "cols": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition("}")[2]
        if local == "row":
            state["row"] = _number(attrs.get("r")) or state["row"] + 1
            state["col"] = 0
        elif local == "c":
            match = _REF.match(attrs.get("r", ""))
            state["col"] = column_number(match.group(1)) if match else state["col"] + 1
            state["cell_row"] = int(match.group(2)) if match else state["row"]
            state["valued"] = 0
        elif local in ("v", "is"):
            state["valued"] = 1

    def end(name: str) -> None:
        if name.rpartition("}")[2] == "c" and state["valued"]:
            state["present"] += 1
            state["rows"] = max(state["rows"], state["cell_row"])
            state["cols"] = max(state["cols"], state["col"])
            state["valued"] = 0

    _parse(member, start, end)
    return CellCount(state["present"], state["rows"], state["cols"])


def _parse(
    member: IO[bytes],
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
) -> None:
    """Stream ``member`` through expat (no DTD, no entities) with these handlers."""
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse(*_: object) -> None:
        raise IngestError("xml-entities")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        while block := member.read(_BLOCK):
            parser.Parse(block, False)
        parser.Parse(b"", True)
    except (expat.ExpatError, ValueError) as exc:
        raise IngestError("corrupt-workbook") from exc


def ods_cells(member: IO[bytes]) -> list[CellCount]:
    """Each table of an ODS ``content.xml``: values counted with their repeats expanded,
    extent as calamine lays them out (empty repeated rows and columns cost nothing)."""
    tables: list[CellCount] = []
    state = {"row": 0, "col": 0, "row_repeat": 1, "row_values": 0, "row_last": 0,
             "present": 0, "rows": 0, "cols": 0, "span": 1, "depth": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        ns, _, local = name.rpartition("}")
        if ns == _TABLE_NS and local == "table":
            state.update(row=0, present=0, rows=0, cols=0)
        elif ns == _TABLE_NS and local == "table-row":
            state.update(col=0, row_values=0, row_last=0,
                         row_repeat=_count(attrs.get(f"{_TABLE_NS}}}number-rows-repeated")))
        elif ns == _TABLE_NS and local in ("table-cell", "covered-table-cell"):
            span = _count(attrs.get(f"{_TABLE_NS}}}number-columns-repeated"))
            state["col"] += span
            state["span"] = span
            state["depth"] = 1
            if f"{_OFFICE_NS}}}value-type" in attrs:
                _filled(state)
        elif state["depth"] == 1:  # the first child of a cell: text, so a value
            _filled(state)
            state["depth"] = 2

    def end(name: str) -> None:
        ns, _, local = name.rpartition("}")
        if ns != _TABLE_NS:
            return
        if local in ("table-cell", "covered-table-cell"):
            state["depth"] = 0
        elif local == "table-row":
            state["row"] += state["row_repeat"]
            if state["row_values"]:
                state["present"] += state["row_values"] * state["row_repeat"]
                state["rows"] = state["row"]
                state["cols"] = max(state["cols"], state["row_last"])
        elif local == "table":
            tables.append(CellCount(state["present"], state["rows"], state["cols"]))

    _parse(member, start, end)
    return tables


def _filled(state: dict[str, int]) -> None:
    """The current cell holds a value (once per cell, for all its repeats)."""
    if state["depth"] == 1:
        state["row_values"] += state["span"]
        state["row_last"] = state["col"]
        state["depth"] = 2


def _count(value: str | None) -> int:
    """A repeat attribute: a positive whole number (1 when absent)."""
    return _number(value) or 1


def _number(value: str | None) -> int:
    """A row number or repeat count as XML spells it (0 when absent); nonsense is damage."""
    if not value:
        return 0
    if not value.isdigit() or len(value) > 9:
        raise IngestError("corrupt-workbook")
    return int(value)
