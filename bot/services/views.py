"""The audit's views in chat: which exist for a report, and their texts.

Texts come from :mod:`analytics.render.text.sections` (the same renderings the CLI writes to
summary.txt) in Telegram HTML, so the chat and the offline audit say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from analytics.advice.compare import compare
from analytics.render.chat import pack
from analytics.render.text import sections as report_text

TEXT_VIEWS = {
    "summary": "summary",
    "seg": "segments",
    "coh": "cohorts",
    "clu": "clusters",
    "clv": "clv",
    "rec": "recommendations",
}
"""Button code -> section of :data:`analytics.render.text.sections.SECTIONS`."""

FILE_VIEWS = ("xlsx", "pdf")


def available_views(report: Mapping[str, Any], *, has_previous: bool) -> list[str]:
    """The buttons worth showing under this report."""
    views = ["rec", "qual"]
    views += [code for code, key in (("seg", "rfm"), ("coh", "cohorts"), ("clu", "clusters"),
                                     ("clv", "clv")) if report.get(key)]
    views += list(FILE_VIEWS)
    if has_previous:
        views.append("cmp")
    return views


UNLIMITED = 10**9


def render_view(report: Mapping[str, Any], view: str, lang: str) -> list[str]:
    """The view in Telegram HTML: the summary as one message (it is built to fit), longer
    views (all growth steps, every segment) split at blank lines into messages under the
    4096-character limit."""
    if view == "summary":
        return [report_text.summary(report, lang, "html")]
    section = report_text.SECTIONS[TEXT_VIEWS[view]]
    return pack(section(report, lang, "html", UNLIMITED).split("\n\n"))


def render_comparison(old: Mapping[str, Any], new: Mapping[str, Any], lang: str, *,
                      common: float | None = None) -> list[str]:
    """What changed between two audits of the user (``common``: the share of customers in
    common, when their hashes are kept)."""
    report = {**new, "comparison": compare(old, new, common=common).to_dict()}
    return [report_text.render("comparison", report, lang, "html")]


def source_name(report: Mapping[str, Any]) -> str:
    """The name of the audited file ("" when the report does not say)."""
    source = report.get("quality", {}).get("source", {}) if isinstance(report, Mapping) else {}
    return str(source.get("file_name") or "")


def export_name(stem: str, report: Mapping[str, Any], suffix: str) -> str:
    """A document's name after the audited file and its last day of data, e.g.
    ``customers_shop_orders_2025-06-30.xlsx`` (letters, digits, ``-`` and ``_`` only)."""
    base = re.sub(r"[^\w-]+", "_", source_name(report).rsplit(".", 1)[0]).strip("_")[:40]
    day = str(report.get("data", {}).get("date_to") or "")[:10]
    parts = [stem, *(p for p in (base, day) if p)]
    return "_".join(parts) + suffix
