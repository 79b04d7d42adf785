"""Playbooks: for each RFM segment, what to offer, through which channel, how often.

Codes only (``offer``, ``channel``, ``cadence``); the sentences are ``advice-offer-<code>``,
``advice-channel-<code>`` and ``advice-cadence-<code>`` in ``locales/<lang>/advice.ftl``.
The table follows DOMAIN.md section 4 ("a personalised campaign per segment, through the
channel that segment answers, with an offer that fits it"): personal contact where each
customer is worth it (Champions, Can't lose), automated mail where the segment is large and
cheap to reach, and no discounts for those who buy anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analytics.advice.facts import Report, num, segments


@dataclass(frozen=True)
class Playbook:
    """What to offer a segment, through which channel, how often (codes)."""

    offer: str
    channel: str
    cadence: str


PLAYBOOKS: dict[str, Playbook] = {
    "champions": Playbook("referral_early_access", "messenger", "monthly"),
    "loyal": Playbook("loyalty_upsell", "email_messenger", "biweekly"),
    "potential_loyalist": Playbook("cross_sell", "email", "biweekly"),
    "new": Playbook("welcome_series", "email", "welcome_30d"),
    "promising": Playbook("second_purchase_bonus", "email", "weekly_month"),
    "need_attention": Playbook("personal_recommendation", "email_messenger", "two_touches"),
    "about_to_sleep": Playbook("reminder_bestsellers", "email_sms", "series_3"),
    "at_risk": Playbook("win_back_offer", "messenger", "two_touches"),
    "cant_lose": Playbook("personal_call", "phone", "once_personal"),
    "hibernating": Playbook("seasonal_sale", "email", "quarterly"),
    "lost": Playbook("last_attempt", "email", "once_then_suppress"),
}
"""The playbook of every RFM segment code."""


def playbooks(report: Report) -> list[dict[str, Any]]:
    """The playbooks of the segments present in the report, in the report's segment order,
    with each segment's size; empty when the report has no RFM."""
    out = []
    for code, segment in segments(report).items():
        book = PLAYBOOKS.get(code)
        if book is None:
            continue
        out.append({"segment": code, "customers": int(num(segment, "customers") or 0),
                    "offer": book.offer, "channel": book.channel, "cadence": book.cadence})
    return out
