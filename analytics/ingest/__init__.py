"""Ingest: any real export (CSV, XLSX, XLS, ODS, HTML-as-XLS) in, one clean table out."""

from analytics.ingest.errors import MISSING_ROLE, IngestError
from analytics.ingest.limits import Limits
from analytics.ingest.model import (
    Choices,
    Decision,
    IngestResult,
    QualityReport,
    Role,
    RoleMatch,
    SourceInfo,
)
from analytics.ingest.pipeline import ingest, ingest_file
from analytics.ingest.roles import NO_COLUMN, parse_mapping

__all__ = [
    "MISSING_ROLE",
    "NO_COLUMN",
    "Choices",
    "Decision",
    "IngestError",
    "IngestResult",
    "Limits",
    "QualityReport",
    "Role",
    "RoleMatch",
    "SourceInfo",
    "ingest",
    "ingest_file",
    "parse_mapping",
]
