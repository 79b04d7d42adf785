"""What the customer paid per line: a line amount, or quantity x unit price.

A file may hold an amount, a quantity and a unit price together. Which one is the money is
decided by the data: an amount that equals quantity x price on most rows (or the sum of
quantity x price over its order, an order total) is the line's money; an "amount" that
equals the unit price on rows of several items is a price under another name, so quantity
x price is used. When neither holds the header's amount is kept and the decision is marked
unsure, so the user is asked (see ``Decision``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.ingest import values as v
from analytics.ingest.errors import IngestError
from analytics.ingest.model import Decision, QualityReport, Role, RoleMatch

AMOUNT = "amount"
QUANTITY_X_PRICE = "quantity_x_price"
UNIT_PRICE = "unit_price"
SOURCES = (AMOUNT, QUANTITY_X_PRICE)
"""The sources a user can choose between (``Choices.amount_source``)."""
AGREE_SHARE = 0.9
"""Share of comparable rows on which two readings must agree for ingest to be sure."""


def line_amounts(
    frame: pd.DataFrame,
    mapping: dict[Role, RoleMatch],
    quality: QualityReport,
    chosen: str | None = None,
) -> tuple[pd.Series, pd.Series]:
    """The amount of every line and which lines had no money at all; the source used
    (and, when there was a choice, the decision) is noted in ``quality``. ``chosen`` is
    the user's source (one of ``SOURCES``), else it is decided from the data."""
    amount = _numbers(frame, mapping, Role.AMOUNT)
    quantity = _numbers(frame, mapping, Role.QUANTITY)
    price = _numbers(frame, mapping, Role.UNIT_PRICE)
    if chosen == QUANTITY_X_PRICE and (quantity is None or price is None):
        raise IngestError("amount-source-unavailable")
    if chosen == AMOUNT and amount is None:
        raise IngestError("amount-source-unavailable")
    if amount is None and price is None:
        raise IngestError("no-amount-column")
    product = quantity * price if quantity is not None and price is not None else None
    source = chosen or (AMOUNT if amount is not None else QUANTITY_X_PRICE)
    if amount is not None and product is not None and price is not None:
        order = frame[mapping[Role.ORDER_ID].column] if Role.ORDER_ID in mapping else None
        check = decide_source(
            amount.to_numpy(np.float64, na_value=np.nan),
            product.to_numpy(np.float64, na_value=np.nan),
            price.to_numpy(np.float64, na_value=np.nan),
            v.distinct(order)[0] if order is not None else None,
        )
        source = chosen or check.source
        quality.decisions.append(
            Decision(
                "amount_source",
                source,
                (QUANTITY_X_PRICE if source == AMOUNT else AMOUNT,),
                sure=chosen is not None or check.sure,
                explicit=chosen is not None,
                evidence={"agree_share": check.agree_share, "basis": check.basis},
            )
        )
    if source == AMOUNT and amount is not None:
        money = amount
        blank = frame[mapping[Role.AMOUNT].column].isna()
        if product is not None:
            money = money.where(~blank | product.isna(), product)  # an empty amount computed
    elif product is not None:
        money, blank = product, frame[mapping[Role.UNIT_PRICE].column].isna()
    else:  # a price with no quantity: one item per line
        assert price is not None
        money, blank = price, frame[mapping[Role.UNIT_PRICE].column].isna()
        source = UNIT_PRICE
    quality.amount_source = source
    refunded = _numbers(frame, mapping, Role.REFUNDED_AMOUNT)
    if refunded is not None:
        money = money - refunded.fillna(0.0).clip(lower=0)
    return money.astype("float64"), blank


class SourceCheck(NamedTuple):
    """What the data says about the money column."""

    source: str
    """``AMOUNT`` or ``QUANTITY_X_PRICE``."""
    sure: bool
    agree_share: float | None
    """Share of rows on which the amount equals quantity x price (per line, or summed over
    the line's order); None when no row has all three."""
    basis: str
    """``agrees``, ``repeats_price``, ``order_total``, ``no_rows`` or ``unsure``."""


def decide_source(
    amount: npt.NDArray[np.float64],
    product: npt.NDArray[np.float64],
    price: npt.NDArray[np.float64],
    order: npt.NDArray[np.intp] | None = None,
) -> SourceCheck:
    """Which column is the money, given the amount, quantity x price and the unit price of
    every line (and the lines' ``order`` codes, -1 for none, when the file has order ids)."""
    both = ~np.isnan(amount) & ~np.isnan(product) & (product != 0)
    if not both.any():
        return SourceCheck(AMOUNT, True, None, "no_rows")
    agree = _close(amount, product)
    if order is not None:
        known = both & (order >= 0)
        totals = np.bincount(
            order[known], weights=product[known], minlength=order.max() + 1
        ).astype(np.float64)
        agree |= known & _close(amount, totals[np.maximum(order, 0)])
    share = round(float(agree[both].mean()), 4)
    if share >= AGREE_SHARE:
        return SourceCheck(AMOUNT, True, share, "agrees")
    several = both & ~_close(product, price)  # lines of more than one item
    if several.any() and _close(amount, price)[several].mean() >= AGREE_SHARE:
        return SourceCheck(QUANTITY_X_PRICE, True, share, "repeats_price")
    if order is not None and _order_level(amount, order):
        return SourceCheck(AMOUNT, True, share, "order_total")  # shipping, tax, discounts
    return SourceCheck(AMOUNT, False, share, "unsure")


def _order_level(amount: npt.NDArray[np.float64], order: npt.NDArray[np.intp]) -> bool:
    """Is the amount one figure per order: on its first line only, or the same on every
    line, in nearly all orders of several lines (Shopify's ``Total``)?"""
    known = order >= 0
    codes, money = order[known], amount[known]
    lines = np.bincount(codes)
    several = lines > 1
    if several.sum() < 2:
        return False
    filled = ~np.isnan(money)
    counted = np.bincount(codes[filled], minlength=len(lines))
    low = np.full(len(lines), np.inf)
    high = np.full(len(lines), -np.inf)
    np.minimum.at(low, codes[filled], money[filled])
    np.maximum.at(high, codes[filled], money[filled])
    single = (counted == 1) | ((counted == lines) & (low == high))
    return bool(single[several].mean() >= AGREE_SHARE)


def _close(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Equal within a cent or half a per cent (rounding of prices and discounts)."""
    with np.errstate(invalid="ignore"):
        return np.abs(a - b) <= np.maximum(0.01, 0.005 * np.abs(b))


def _numbers(frame: pd.DataFrame, mapping: dict[Role, RoleMatch], role: Role) -> pd.Series | None:
    return v.parse_numbers(frame[mapping[role].column]) if role in mapping else None
