"""The plan: the top steps aimed at different customers, and what they make together.

Two steps aimed at the same customers cannot be added up (a win-back and a reactivation
campaign reach the same lapsed people). Each recommendation reaches some parts of the base
(:data:`AUDIENCES`); :func:`choose` walks the ranked list and takes up to :data:`TOP_STEPS`
valued steps that share no part, so their figures add up; a step left out names the chosen
steps it overlaps. The ``plan`` section gives the chosen steps' codes and their sum with its
range, on the money terms of :mod:`analytics.advice.money`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from analytics.advice.money import HORIZON_MONTHS, Terms
from analytics.advice.recommendations import Recommendation

TOP_STEPS = 3

AUDIENCES: dict[str, frozenset[str]] = {
    "restart_acquisition": frozenset({"prospects"}),
    "double_down": frozenset({"prospects"}),
    "onboarding": frozenset({"arrivals"}),
    "reactivate_churned": frozenset({"lapsed"}),
    "win_back": frozenset({"lapsed"}),
    "call_key_accounts": frozenset({"lapsed"}),
    "protect_core": frozenset({"core"}),
    "second_purchase": frozenset({"one_time"}),
    "raise_frequency": frozenset({"core", "active", "one_time"}),
    "raise_check": frozenset({"core", "active", "one_time", "arrivals"}),
    "prepare_peak": frozenset({"core", "active", "one_time", "arrivals", "lapsed", "prospects"}),
}
"""Parts of the base each valued step reaches: prospects (customers not yet won), arrivals
(next year's new customers), core (Champions, Loyal), active (other active customers),
one_time (recent one-time buyers), lapsed (customers past their window)."""


def choose(ranked: list[Recommendation]) -> list[Recommendation]:
    """``ranked`` reordered: the plan's steps first (up to :data:`TOP_STEPS` valued steps
    aimed at different customers, in rank order), then the rest in rank order, each valued
    one left out naming the chosen steps it overlaps."""
    chosen: list[Recommendation] = []
    for rec in ranked:
        if rec.effect is not None and len(chosen) < TOP_STEPS and not _shared(rec, chosen):
            chosen.append(rec)
    rest = [dataclasses.replace(rec, overlaps=_shared(rec, chosen)) if rec.effect else rec
            for rec in ranked if rec not in chosen]
    return chosen + rest


def _shared(rec: Recommendation, chosen: list[Recommendation]) -> tuple[str, ...]:
    """The codes of the ``chosen`` steps that reach a part of the base ``rec`` reaches."""
    parts = AUDIENCES.get(rec.code, frozenset())
    return tuple(c.code for c in chosen if parts & AUDIENCES.get(c.code, frozenset()))


def plan_section(ordered: list[Recommendation], terms: Terms) -> dict[str, Any]:
    """The ``plan`` section: the chosen steps (valued, without overlaps, first in
    ``ordered``) and their sum, low and high ends summed alike."""
    steps = [r for r in ordered[:TOP_STEPS] if r.effect is not None and not r.overlaps]
    effects = [r.effect for r in steps if r.effect is not None]
    return {
        "steps": [r.code for r in steps],
        "value": round(sum(e.value for e in effects), 2),
        "low": round(sum(e.low for e in effects), 2),
        "high": round(sum(e.high for e in effects), 2),
        "horizon_months": HORIZON_MONTHS,
        "basis": terms.basis,
        "left_out": [{"code": r.code, "overlaps": list(r.overlaps)}
                     for r in ordered if r.overlaps],
    }
