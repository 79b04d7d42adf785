"""What changed between two audits of the same business (old and new report.json).

Compared: the total and active base, churn, revenue and average check of the last three
complete months, frequency, repeat rate; each RFM segment's size (report.json holds no
per-customer data, so "migration" is the net change of each segment, not who moved where);
which findings appeared, persist or were resolved; and whether the metric the old report's
top recommendation told the user to watch moved in the right direction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from analytics.advice.facts import Report, num, rows, section, segments
from analytics.advice.watch import WATCH, read

Verdict = Literal["better", "worse", "flat", "unknown"]

FLAT_TOLERANCE = 0.02
"""A relative change under 2 % is reported as flat: rounding and a day's more data move
figures by that much without anything happening in the business."""

COMPARED: tuple[str, ...] = (
    "total_base", "active_base", "churn_rate", "revenue_3m", "aov", "frequency", "repeat_rate")
"""Watch metrics every comparison shows, in this order."""

GOOD_SEGMENTS = frozenset({"champions", "loyal", "potential_loyalist", "new", "promising"})
"""Segments whose growth is good news; growth of the others (sleeping, at risk, lost) is bad."""

FEW_COMMON = 0.05
"""Under 5 % of the smaller base's customers found in the other: another business (a later
export of the same shop shares most of its buyers, even a later period's export the returning
ones)."""

SIZE_RATIO = 3.0
"""Without customer hashes to go by, the signs of another business are bases differing more
than 3 times in size, periods that do not meet, another currency and customers identified
by another column (e-mails against ids); two of them say "another business"."""

REQUIRED_SECTIONS = ("data", "metrics")
"""A file is taken for a Kratno report when it is a JSON object with these sections."""


class CompareError(Exception):
    """The previous report cannot be used: ``code`` names why (``compare-error-<code>``)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def load_report(path: Path) -> dict[str, Any]:
    """Read a previous report.json; :class:`CompareError` when missing, not JSON or not
    a report."""
    if not path.is_file():
        raise CompareError("not-found", path=str(path))
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, OSError):
        raise CompareError("not-json", path=str(path)) from None
    if not isinstance(report, dict) or not all(
        isinstance(report.get(k), dict) for k in REQUIRED_SECTIONS
    ):
        raise CompareError("not-report", path=str(path))
    return report


@dataclass(frozen=True)
class Change:
    """One metric (or segment size) in the old and the new report, and the verdict."""

    code: str
    old: float | None
    new: float | None
    verdict: Verdict

    @property
    def delta(self) -> float | None:
        """``new - old`` when both are known."""
        return None if self.old is None or self.new is None else self.new - self.old

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        delta = self.delta
        return {"code": self.code, "old": self.old, "new": self.new,
                "change": None if delta is None else round(delta, 4), "verdict": self.verdict}


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`."""

    old: dict[str, Any]
    new: dict[str, Any]
    warnings: tuple[str, ...]
    metrics: tuple[Change, ...]
    segments: tuple[Change, ...]
    findings: dict[str, list[str]] = field(default_factory=dict)
    top_recommendation: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``comparison`` section of report.json."""
        return {
            "old": self.old,
            "new": self.new,
            "warnings": list(self.warnings),
            "metrics": [c.to_dict() for c in self.metrics],
            "segments": [c.to_dict() for c in self.segments],
            "findings": self.findings,
            "top_recommendation": self.top_recommendation,
        }


def verdict(old: float | None, new: float | None, direction: int) -> Verdict:
    """``better``/``worse`` by ``direction`` (+1: up is good), ``flat`` within tolerance."""
    if old is None or new is None:
        return "unknown"
    scale = max(abs(old), abs(new))
    if scale == 0 or abs(new - old) <= FLAT_TOLERANCE * scale:
        return "flat"
    return "better" if (new - old) * direction > 0 else "worse"


def _metric(code: str, old: Report, new: Report, evidence: Mapping[str, Any]) -> Change:
    a, b = read(code, old, evidence), read(code, new, evidence)
    return Change(code, _round(a), _round(b), verdict(a, b, WATCH[code].direction))


def _segment_change(code: str, old: float | None, new: float | None) -> Change:
    return Change(code, old, new, verdict(old, new, 1 if code in GOOD_SEGMENTS else -1))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _stamp(report: Report) -> dict[str, Any]:
    data = section(report, "data")
    return {"file": section(section(report, "quality"), "source").get("file_name"),
            "date_from": data.get("date_from"), "date_to": data.get("date_to"),
            "customers": data.get("customers"), "shape": data.get("shape")}


def _business(a: Mapping[str, Any], b: Mapping[str, Any], common: float | None) -> list[str]:
    """A warning when two ``data`` sections look like two businesses: by the share of
    customers in common when known (and keyed alike), else by size, period, currency and
    how customers are identified."""
    keyed_alike = a.get("customer_key") == b.get("customer_key")
    if common is not None and keyed_alike:
        return ["few_common_customers"] if common < FEW_COMMON else []
    sizes = sorted(float(d.get("customers") or 0) for d in (a, b))
    start = [str(d.get("date_from") or "") for d in (a, b)]
    end = [str(d.get("date_to") or "") for d in (a, b)]
    signs = (sizes[0] > 0 and sizes[1] > SIZE_RATIO * sizes[0],
             all(start + end) and (start[0] > end[1] or start[1] > end[0]),
             bool(a.get("currency") and b.get("currency") and a["currency"] != b["currency"]),
             not keyed_alike)
    return ["unlike_business"] if sum(signs) >= 2 else []


def _warnings(old: Report, new: Report, common: float | None = None) -> tuple[str, ...]:
    a, b = section(old, "data"), section(new, "data")
    out = _business(a, b, common)
    if str(a.get("date_to") or "") > str(b.get("date_to") or ""):
        out.append("old_is_newer")
    if a.get("currency") and b.get("currency") and a.get("currency") != b.get("currency"):
        out.append("different_currency")
    if a.get("shape") != b.get("shape"):
        out.append("different_shape")
    return tuple(out)


def _finding_codes(report: Report) -> list[str]:
    return [str(f.get("code")) for f in rows(report.get("findings"))]


def compare(old: Report, new: Report, *, common: float | None = None) -> Comparison:
    """What changed from ``old`` to ``new`` (two report dicts of the same business);
    ``common``: the share of customers they have in common when known
    (:func:`analytics.advice.overlap.common_share`)."""
    metrics = tuple(_metric(code, old, new, {}) for code in COMPARED)
    old_segs, new_segs = segments(old), segments(new)
    seg_changes = tuple(
        _segment_change(code, num(old_segs.get(code), "customers"),
                        num(new_segs.get(code), "customers"))
        for code in list(old_segs) + [c for c in new_segs if c not in old_segs]
    )
    before, after = _finding_codes(old), _finding_codes(new)
    findings = {
        "resolved": [c for c in before if c not in after],
        "persisting": [c for c in before if c in after],
        "new": [c for c in after if c not in before],
    }
    top = None
    recs = rows(old.get("recommendations"))
    if recs and str(recs[0].get("watch")) in WATCH:
        rec = recs[0]
        evidence = rec.get("evidence") if isinstance(rec.get("evidence"), Mapping) else {}
        moved = _metric(str(rec.get("watch")), old, new, evidence or {}).to_dict()
        moved["watch"] = moved.pop("code")
        top = {"code": rec.get("code"), "growth_metric": rec.get("growth_metric"), **moved}
    return Comparison(_stamp(old), _stamp(new), _warnings(old, new, common), metrics, seg_changes,
                      findings, top)
