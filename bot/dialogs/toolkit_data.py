"""Stored questionnaire answers -> the growth toolkit's input, and its results as chat text."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from analytics.locales import t
from analytics.toolkit import (
    Answers,
    AnswersError,
    InputError,
    ToolkitResult,
    parse_answers,
    run_toolkit,
)
from analytics.toolkit.answers import AuditInput, audit_from_report
from analytics.toolkit.traction import GROWTH_QUESTIONS
from storage import AnswerSection

GROWTH_PREFIX = "gm_"


def answers_data(stored: Mapping[AnswerSection, Mapping[str, Any]]) -> dict[str, Any]:
    """The answers-file structure (docs/toolkit.md) from the stored sections."""
    data: dict[str, Any] = {}
    business = stored.get(AnswerSection.BUSINESS) or {}
    if business:
        data["business"] = {k: business[k] for k in ("name", "description") if business.get(k)}
    props = stored.get(AnswerSection.VALUE_PROPOSITION) or {}
    if props:
        data["value_propositions"] = [props[k] for k in sorted(props, key=_number_first)]
    ue = stored.get(AnswerSection.UNIT_ECONOMICS) or {}
    if ue:
        data["unit_economics"] = dict(ue)
    traction = stored.get(AnswerSection.TRACTION) or {}
    steps = {k: v for k, v in traction.items() if not k.startswith(GROWTH_PREFIX)}
    growth = {k.removeprefix(GROWTH_PREFIX): v for k, v in traction.items()
              if k.startswith(GROWTH_PREFIX) and k.removeprefix(GROWTH_PREFIX) in GROWTH_QUESTIONS}
    if steps:
        data["traction"] = steps
    if growth:
        data["growth_metric"] = growth
    return data


def _number_first(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (10**9, key)


def toolkit_answers(data: Mapping[str, Any], report: Mapping[str, Any] | None,
                    audit: AuditInput | None = None) -> Answers:
    """Parsed answers, with the latest audit (its report, or what a questionnaire kept of
    it: prefill numbers and the levers' history) when given."""
    answers = parse_answers(dict(data))
    if report is not None:
        audit = audit_from_report(report)
    if audit is not None:
        answers = dataclasses.replace(answers, audit=audit)
    return answers


def audit_extras(extras: Mapping[str, Any]) -> AuditInput | None:
    """The audit a questionnaire started with (``prefill`` and ``levers`` in its extras)."""
    if not extras.get("prefill") and not extras.get("levers"):
        return None
    return AuditInput(prefill=dict(extras.get("prefill") or {}),
                      levers=dict(extras.get("levers") or {}))


def toolkit_result(data: Mapping[str, Any], lang: str,
                   report: Mapping[str, Any] | None = None,
                   audit: AuditInput | None = None) -> ToolkitResult | str:
    """The toolkit's results for ``data``, or one line (in ``lang``) saying what is wrong."""
    from analytics.cli.toolkit import input_error_line

    try:
        return run_toolkit(toolkit_answers(data, report, audit))
    except AnswersError as exc:
        return t(lang, f"tk-err-{exc.code}", **exc.args_)
    except InputError as exc:
        return input_error_line(exc, lang)


def toolkit_messages(data: Mapping[str, Any], lang: str,
                     report: Mapping[str, Any] | None = None, *, whole: bool = True,
                     audit: AuditInput | None = None) -> list[str]:
    """The toolkit's results for ``data`` as chat messages (or one line saying what is wrong).

    Imports the brief (matplotlib, fpdf2) on first use: the bot's own process starts
    without them and loads them in a worker thread the first time a questionnaire ends."""
    from analytics.render.chat import render_chat
    from analytics.render.document import Heading
    from analytics.toolkit.brief import build_brief

    result = toolkit_result(data, lang, report, audit)
    if isinstance(result, str):
        return [result]
    doc = build_brief(result, lang, with_chart=False)
    if not whole:  # a questionnaire's result: its own sections, not the business summary
        sections = [i for i, b in enumerate(doc.blocks)
                    if isinstance(b, Heading) and b.level == 1]
        if len(sections) > 1:
            doc.blocks = doc.blocks[sections[1]:]
    return render_chat(doc, title=whole)
