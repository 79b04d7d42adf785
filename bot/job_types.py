"""What the bot's worker jobs take and return: plain data, light to import (the jobs
themselves, in :mod:`bot.jobs`, import the analytics stack only in the workers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AuditRequest:
    """What to audit: the stored file, confirmed columns (role -> column), the language of
    the charts, the upload limit, whether to stop and ask about unsure columns and
    choices, the choices the user made (topic -> option, see ``ColumnQuestion``) and the
    gross margin's share from the user's unit-economics answers (steps valued in margin)."""

    path: str
    mapping: dict[str, str]
    lang: str
    max_mb: float
    ask_unsure: bool = True
    choices: dict[str, str] = field(default_factory=dict)
    margin: float | None = None


@dataclass(frozen=True)
class ColumnQuestion:
    """A column role detection was unsure of (the guess and the other candidates), or,
    with ``kind == "choice"``, an ingest decision the data left unsure: ``role`` is its
    topic (``amount_source``, ``duplicates``, ``status``), the options its codes, and
    ``detail`` what the question quotes (the column, the rows)."""

    role: str
    chosen: str
    options: tuple[str, ...]
    kind: str = "column"
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NeedsColumns:
    """The file was read, but some roles need the user's confirmation first."""

    questions: tuple[ColumnQuestion, ...]


@dataclass(frozen=True)
class AuditOutcome:
    """Everything the bot shows and stores after an audit."""

    report: dict[str, Any]
    charts: dict[str, bytes]
    customers: bytes
    """One JSON array ``[key, segment, data]`` per line: bytes cross the process boundary
    without the long, GIL-holding unpickling a list of 100,000 dicts would cost the bot's
    event loop; the bot decodes them line by line in a thread."""
    mapping: dict[str, str]
    rows: int
    columns: int
