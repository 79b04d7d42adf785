"""The answers file (YAML or JSON) of ``python -m analytics toolkit``, and the audit data it
may point to. The format is documented with a full example in ``docs/toolkit.md``.

Problems are raised as :class:`AnswersError` with a code (locale ``tk-err-<code>``) and
arguments, never as sentences.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analytics.toolkit.history import audit_period, lever_history
from analytics.toolkit.traction import ANSWERS, GROWTH_QUESTIONS, STEPS, growth_answer, step_answer
from analytics.toolkit.unit_economics import DOWN_LEVERS, LEVERS, MAX_UP_CHANGE
from analytics.toolkit.value_prop import FIELDS, PropositionAnswers, parse_yes_no

TOP_LEVEL_KEYS: tuple[str, ...] = (
    "business", "value_propositions", "unit_economics", "audit", "traction", "growth_metric",
)
BUSINESS_KEYS: tuple[str, ...] = (
    "name", "description", "industry", "city", "currency", "sales",
)
SALES: tuple[str, ...] = ("b2b", "b2c")
"""How the business sells: to companies with direct sales (the traction map applies), or not."""
FROM_HISTORY = "history"
UNKNOWN_WORDS = frozenset({"unknown", "не знаю", "?", ""})
PROPOSITION_KEYS: tuple[str, ...] = (*FIELDS, "name", "stop_check")
STOP_CHECK_KEYS: tuple[str, ...] = ("benefit", "clients_asked", "clients_confirm")
AUDIT_KEYS: tuple[str, ...] = ("aov", "apc", "buyers_per_month", "report", "charts")
GROWTH_KEYS: tuple[str, ...] = (
    "metric", "factor", "age", "growth", "unit_profit", "market_room", "owner_payout",
)
MAX_FILE_BYTES = 1_000_000


class AnswersError(ValueError):
    """An answers file that cannot be used: ``code`` is the locale key suffix."""

    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(f"{code}: {args}")
        self.code = code
        self.args_ = args


@dataclass(frozen=True)
class Business:
    """Who the brief is about."""

    name: str = ""
    description: str = ""
    industry: str = ""
    city: str = ""
    currency: str = "RUB"
    sales: str = ""

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"name": self.name, "description": self.description,
                "industry": self.industry, "city": self.city, "currency": self.currency,
                "sales": self.sales}


@dataclass(frozen=True)
class AuditInput:
    """What an earlier audit says: the prefill mapping, headline facts and chart files.

    ``prefill`` is ``{aov, apc, buyers_per_month}`` (given directly, or derived from the
    audit's report.json); ``facts`` are report.json ``data`` figures; ``findings`` the
    report's finding codes with evidence; ``charts`` paths of PNG files; ``period`` the
    audit's comparable period (:class:`~analytics.toolkit.history.AuditPeriod` as a dict),
    ``levers`` each lever's history, ``rates`` the history's observed rates, ``shape`` the
    business shape the audit saw, ``constraint`` the diagnosis's constraint.
    """

    prefill: dict[str, float] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    findings: tuple[dict[str, Any], ...] = ()
    charts: tuple[Path, ...] = ()
    period: dict[str, Any] | None = None
    levers: dict[str, dict[str, Any]] = field(default_factory=dict)
    rates: dict[str, Any] = field(default_factory=dict)
    shape: str = ""
    constraint: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"prefill": dict(self.prefill), "facts": dict(self.facts),
                "findings": list(self.findings), "charts": [str(p) for p in self.charts],
                "period": self.period, "levers": dict(self.levers), "rates": dict(self.rates),
                "shape": self.shape, "constraint": self.constraint}


@dataclass(frozen=True)
class Answers:
    """A parsed answers file (sections absent from the file are None or empty).

    ``realistic_change`` maps a lever to its realistic change (a share) or to ``history``
    (take the audit's own history); levers the owner cannot estimate are absent."""

    business: Business
    propositions: tuple[tuple[str, PropositionAnswers], ...]
    unit_economics: dict[str, Any] | None
    realistic_change: dict[str, float | str]
    audit: AuditInput | None
    traction: dict[str, Any] | None
    growth: dict[str, Any] | None


def load_file(path: Path) -> Any:
    """Read YAML or JSON (JSON is YAML, but a .json file gets JSON's error messages)."""
    if not path.is_file():
        raise AnswersError("file-missing", path=str(path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise AnswersError("file-too-big", path=str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError("file-unreadable", path=str(path), reason=type(exc).__name__) from exc
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text)
        return yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise AnswersError("bad-syntax", path=str(path), line=exc.lineno) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise AnswersError("bad-syntax", path=str(path), line=line) from exc


def _mapping(value: Any, section: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise AnswersError("not-mapping", section=section)
    return {str(k): v for k, v in value.items()}


def _check_keys(data: Mapping[str, Any], allowed: tuple[str, ...], section: str) -> None:
    unknown = [k for k in data if k not in allowed]
    if unknown:
        raise AnswersError("unknown-key", section=section, name=unknown[0],
                           allowed=", ".join(allowed))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, Mapping):
        raise AnswersError("not-text", value=str(value)[:40])
    return str(value).strip()


def parse_answers(data: Any, base_dir: Path | None = None) -> Answers:
    """Validate the structure of a loaded answers file (numbers are checked later)."""
    if not isinstance(data, Mapping):
        raise AnswersError("not-mapping", section="/")
    root = _mapping(data, "/")
    _check_keys(root, TOP_LEVEL_KEYS, "/")
    if not any(root.get(k) for k in TOP_LEVEL_KEYS if k != "business"):
        raise AnswersError("nothing-to-do")
    business_raw = _mapping(root.get("business"), "business")
    _check_keys(business_raw, BUSINESS_KEYS, "business")
    business = Business(**{k: _text(v) for k, v in business_raw.items()})
    if not business.currency:
        business = dataclasses.replace(business, currency="RUB")
    if business.sales and business.sales.lower() not in SALES:
        raise AnswersError("bad-choice", section="business", name="sales", value=business.sales,
                           allowed=" | ".join(SALES))
    business = dataclasses.replace(business, sales=business.sales.lower())

    propositions: list[tuple[str, PropositionAnswers]] = []
    raw_props = root.get("value_propositions") or []
    if isinstance(raw_props, Mapping):
        raw_props = [raw_props]
    if not isinstance(raw_props, list):
        raise AnswersError("not-list", section="value_propositions")
    for number, item in enumerate(raw_props, start=1):
        section = f"value_propositions[{number}]"
        prop = _mapping(item, section)
        _check_keys(prop, PROPOSITION_KEYS, section)
        check = _mapping(prop.get("stop_check"), section + ".stop_check")
        _check_keys(check, STOP_CHECK_KEYS, section + ".stop_check")
        for name in ("clients_asked", "clients_confirm"):
            if check.get(name) is not None and parse_yes_no(check.get(name)) == "unknown" \
                    and _text(check.get(name)).lower() not in ("unknown", "не знаю"):
                raise AnswersError("bad-choice", section=section + ".stop_check", name=name,
                                   value=_text(check.get(name)), allowed="yes | no | unknown")
        answers = PropositionAnswers(
            **{f: _text(prop.get(f)) for f in FIELDS},
            benefit=_text(check.get("benefit")),
            clients_asked=_text(check.get("clients_asked")) or "unknown",
            clients_confirm=_text(check.get("clients_confirm")) or "unknown",
        )
        propositions.append((_text(prop.get("name")), answers))

    ue: dict[str, Any] | None = None
    realistic: dict[str, float | str] = {}
    if root.get("unit_economics") is not None:
        ue = _mapping(root.get("unit_economics"), "unit_economics")
        changes = _mapping(ue.pop("realistic_change", None), "unit_economics.realistic_change")
        _check_keys(changes, LEVERS, "unit_economics.realistic_change")
        for lever, value in changes.items():
            change = realistic_change(lever, value)
            if change is not None:
                realistic[lever] = change

    audit = None
    if root.get("audit") is not None:
        audit = parse_audit(_mapping(root.get("audit"), "audit"), base_dir or Path("."))

    traction = _mapping(root.get("traction"), "traction") if root.get("traction") else None
    if traction is not None:
        _check_keys(traction, STEPS, "traction")
        for step, value in traction.items():
            if step_answer(value) is None:
                raise AnswersError("bad-choice", section="traction", name=step,
                                   value=str(value), allowed=" | ".join(ANSWERS))
    growth = (_mapping(root.get("growth_metric"), "growth_metric")
              if root.get("growth_metric") else None)
    if growth is not None:
        _check_keys(growth, GROWTH_KEYS, "growth_metric")
        for question, value in growth.items():
            if question in GROWTH_QUESTIONS and growth_answer(question, value) is None:
                raise AnswersError("bad-choice", section="growth_metric", name=question,
                                   value=str(value),
                                   allowed=" | ".join(GROWTH_QUESTIONS[question]))
    return Answers(business, tuple(propositions), ue, realistic, audit, traction, growth)


def realistic_change(lever: str, value: Any) -> float | str | None:
    """A lever's realistic change: a share (percent given: 15 is 0.15), ``history`` (the
    audit's own history), or None when unknown. Rises up to :data:`MAX_UP_CHANGE` %, falls
    (COGS, CPA) below 100 %; anything else raises ``bad-change``."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in UNKNOWN_WORDS:
            return None
        if text in {FROM_HISTORY, "история", "audit", "аудит"}:
            return FROM_HISTORY
    change = None if isinstance(value, str) else _number(value)
    if value is None:
        return None
    down = lever in DOWN_LEVERS
    top = 100.0 if down else MAX_UP_CHANGE
    if change is None or change <= 0 or change > top or (down and change == top):
        raise AnswersError("bad-change", lever=lever, value=str(value), top=f"{top:g}")
    return change / 100


def parse_audit(raw: dict[str, Any], base_dir: Path) -> AuditInput:
    """The audit section: direct prefill numbers, and optionally the audit's report.json
    (its documented ``data``, ``lifecycle.monthly`` and ``findings`` keys) and PNG charts.

    From report.json see :func:`audit_from_report`; numbers given directly win.
    """
    _check_keys(raw, AUDIT_KEYS, "audit")
    base = AuditInput()
    report_path = raw.get("report")
    if report_path:
        path = (base_dir / str(report_path)).resolve()
        report = load_file(path)
        if not isinstance(report, Mapping):
            raise AnswersError("bad-report", path=str(path))
        base = audit_from_report(report)
    prefill = dict(base.prefill)
    for key in ("aov", "apc", "buyers_per_month"):
        if raw.get(key) is not None:
            number = _number(raw.get(key))
            if number is None or number <= 0:
                raise AnswersError("bad-audit-number", name=key, value=str(raw.get(key)))
            prefill[key] = number
    charts_raw = raw.get("charts") or []
    if not isinstance(charts_raw, list):
        charts_raw = [charts_raw]
    charts = tuple((base_dir / str(p)).resolve() for p in charts_raw)
    for chart in charts:
        if not chart.is_file():
            raise AnswersError("file-missing", path=str(chart))
    return dataclasses.replace(base, prefill=prefill, charts=charts)


def audit_from_report(report: Mapping[str, Any]) -> AuditInput:
    """Prefill numbers, headline facts, findings, the comparable period and the levers'
    history from an audit's report.json content.

    From the later comparable period (:func:`~analytics.toolkit.history.audit_period`):
    buyers_per_month = its new customers per month, aov = its revenue per order, apc =
    orders per customer over the file. A report without a diagnosis gives the file's
    revenue per order, orders per customer and mean *new* customers per month.
    """
    prefill: dict[str, float] = {}
    facts: dict[str, Any] = {}
    findings: tuple[dict[str, Any], ...] = ()
    data = report.get("data")
    if isinstance(data, Mapping):
        facts = {k: data[k] for k in ("customers", "orders", "revenue", "currency",
                                      "date_from", "date_to") if k in data}
        revenue, orders, customers = (_number(data.get(k))
                                      for k in ("revenue", "orders", "customers"))
        if revenue and orders:
            prefill["aov"] = revenue / orders
        if orders and customers:
            prefill["apc"] = orders / customers
    lifecycle = report.get("lifecycle")
    monthly = lifecycle.get("monthly") if isinstance(lifecycle, Mapping) else None
    if isinstance(monthly, list):
        new = [_number(m.get("new")) for m in monthly
               if isinstance(m, Mapping) and not m.get("partial")]
        values = [n for n in new if n is not None]
        if values:
            prefill["buyers_per_month"] = sum(values) / len(values)
    period = audit_period(report)
    if period is not None:
        prefill.update(aov=period.aov, apc=period.apc,
                       buyers_per_month=period.buyers_per_month)
    raw_findings = report.get("findings")
    if isinstance(raw_findings, list):
        findings = tuple(dict(f) for f in raw_findings if isinstance(f, Mapping))[:8]
    history = report.get("history")
    rates = history.get("rates") if isinstance(history, Mapping) else None
    diagnosis = report.get("diagnosis")
    diagnosis = diagnosis if isinstance(diagnosis, Mapping) else {}
    shape = diagnosis.get("shape")
    constraint = diagnosis.get("constraint")
    return AuditInput(
        prefill, facts, findings, (),
        period.to_dict() if period is not None else None,
        {k: v.to_dict() for k, v in lever_history(report).items()},
        dict(rates) if isinstance(rates, Mapping) else {},
        str(shape.get("kind", "")) if isinstance(shape, Mapping) else "",
        dict(constraint) if isinstance(constraint, Mapping) else None,
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
