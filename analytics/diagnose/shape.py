"""The shape of the business, from the data (DIAGNOSIS.md 8): B2B, courses and
subscriptions, or retail. Steps and their wording follow it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analytics.describe.customers import PreparedOrders, rnd

LEGAL_FORM = re.compile(
    r"(?:^|[\s\"«(])(?:ооо|оао|зао|пао|ао|ип|нко|ано|гбу|мбу|llc|ltd|inc|gmbh|corp|plc)"
    r"(?:[\s\"».,)]|$)",
    re.IGNORECASE,
)
COURSE_WORDS = re.compile(
    r"курс|программ|обучен|тариф|подписк|абонемент|интенсив|марафон|вебинар|наставничеств"
    r"|course|program|subscription|membership|coaching|bootcamp|workshop",
    re.IGNORECASE,
)
B2B_NAMES = 0.30
"""Share of customers named with a legal form (ООО, ИП, LLC...) that makes a base B2B."""
FIXED_PRICES = 0.60
"""Share of orders at the 5 most common amounts that makes prices fixed (a price list of
programmes or plans)."""
COURSE_PRODUCTS = 0.30
"""With fixed prices, this share of orders read as programmes or plans makes it courses."""
MOSTLY_COURSES = 0.50
"""Without fixed prices, half the orders read as programmes or plans make it courses."""


@dataclass(frozen=True)
class Shape:
    """``b2b``, ``courses`` or ``retail``, with the evidence."""

    kind: str
    legal_names: float
    """Share of customers whose name or key carries a legal form."""
    fixed_prices: float
    """Share of orders at the 5 most common amounts."""
    course_products: float | None
    """Share of orders whose product reads as a programme or a plan (None: no product)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"kind": self.kind, "legal_names": rnd(self.legal_names, 4),
                "fixed_prices": rnd(self.fixed_prices, 4),
                "course_products": rnd(self.course_products, 4)}


def _share_matching(values: np.ndarray, pattern: re.Pattern[str]) -> float:
    """Share of ``values`` matching ``pattern``, tested once per distinct value."""
    if not len(values):
        return 0.0
    codes, uniques = pd.factorize(values)
    hits = np.array([bool(pattern.search(str(u))) for u in uniques] + [False])
    return float(hits[codes].mean())


def business_shape(prepared: PreparedOrders, key_source: str | None = None) -> Shape:
    """The shape of the business of ``prepared``'s sales; ``key_source`` is the column the
    customer key came from (``company`` means B2B)."""
    frame = prepared.customers.frame
    text = frame["name"].fillna(frame["customer_key"]) if "name" in frame else frame["customer_key"]
    legal = _share_matching(text.to_numpy(dtype=object), LEGAL_FORM)
    amounts = prepared.amount[prepared.is_purchase]
    _, counts = np.unique(np.round(amounts, 2), return_counts=True)
    fixed = float(np.sort(counts)[-5:].sum() / len(amounts)) if len(amounts) else 0.0
    courses = None
    coded = prepared.column_codes("product")
    if coded is not None:
        codes, uniques = coded
        hits = np.array([bool(COURSE_WORDS.search(str(u))) for u in uniques] + [False])
        courses = float(hits[codes[prepared.is_purchase]].mean()) if len(amounts) else 0.0
    if key_source == "company" or legal >= B2B_NAMES:
        kind = "b2b"
    elif (fixed >= FIXED_PRICES and (courses is None or courses >= COURSE_PRODUCTS)) or (
            courses is not None and courses >= MOSTLY_COURSES):
        kind = "courses"
    else:
        kind = "retail"
    return Shape(kind, legal, fixed, courses)
