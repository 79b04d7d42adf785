"""The CLV forecast in words, always with how well the same model did on the holdout:
the summary, the chat's CLV view and the PDF/HTML say the same sentences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.advice.facts import num, section
from analytics.render.text.diagnosis import signed_share
from analytics.render.text.kit import Tx


def forecast_lines(report: Mapping[str, Any], tx: Tx) -> list[str]:
    """The 12-month forecast (purchases, revenue, how many repeat buyers are still alive)
    and the holdout sentence; empty when no forecast was made."""
    clv = section(report, "clv")
    if clv.get("status") != "ok":
        return []
    purchases = num(section(clv, "total_purchases"), "365") or 0.0
    value = num(section(clv, "total_value"), "365")
    lines = [tx("forecast-year", purchases=tx.number(purchases, 0), purchases_n=round(purchases),
                value=tx.money(value), discount=tx.share(num(clv, "discount_monthly") or 0, 0),
                alive=tx.share(num(clv, "p_alive_mean_repeat")))]
    margin = num(section(report, "money"), "margin_share")
    if margin is not None and value is not None:  # the owner gave his cost of goods
        lines.append(tx("forecast-margin", share=tx.share(margin), value=tx.money(value * margin)))
    holdout = holdout_line(clv, tx)
    return lines + ([holdout] if holdout else [])


def holdout_line(clv: Mapping[str, Any], tx: Tx) -> str | None:
    """How far the model, refitted on the earlier data, missed the later period."""
    holdout = section(clv, "holdout")
    if holdout.get("status") != "ok":
        return None
    return tx("forecast-holdout", purchases=signed_share(tx, num(holdout, "error")),
              value=signed_share(tx, num(holdout, "value_error")),
              months=round((num(holdout, "holdout_days") or 0) / 30.4375))
