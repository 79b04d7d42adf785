"""Typed results of ingest: the clean table contract every later stage relies on.

Transactions files become an *orders* table, one row per order (lines of one order id are
merged), with these columns (missing optional columns are absent, never invented):

==============  ==========================================================================
customer_key    str, the customer's identity (see ``QualityReport.customer_key_source``)
order_id        str, the source's order id, or ``row-N`` when the file has none
order_date      datetime64[ns], naive local time of the order (payment date when present)
amount          float64, what the customer paid; returns and credit notes are negative
status          str: ``valid`` | ``cancelled`` | ``refunded`` | ``open`` | ``lead``
quantity        float64, items in the order (optional)
product         str, the main product of the order (optional)
category        str, the main category of the order (optional)
channel         str, source / channel / UTM source (optional)
city            str (optional)
email           str, normalised (optional)
phone           str, digits only (optional)
name            str (optional)
rating          float64, a rating or NPS answer (optional)
==============  ==========================================================================

Text columns ("str" above) have the dtype ``TEXT`` (pandas ``string`` with Arrow storage):
from the sandbox they arrive as Arrow buffers, with no Python object per value to build.
Only ``status == "valid"`` rows are sales; the others are kept so that the report can count
them. ``lead`` rows are valid orders of zero amount (free lessons, registrations, trial
orders): an online school's or a funnel's leads, never orders or revenue.
Customer-list files become a *customers* table, one row per customer, with
``customer_key`` and whichever of ``email, phone, name, city, channel, orders_count,
total_spent, first_purchase, last_purchase, registration_date, last_activity`` exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa


class Role(StrEnum):
    """A column role that detection looks for."""

    CUSTOMER_ID = "customer_id"
    EMAIL = "email"
    PHONE = "phone"
    NAME = "name"
    COMPANY = "company"
    ORDER_ID = "order_id"
    ORDER_DATE = "order_date"
    PAID_DATE = "paid_date"
    AMOUNT = "amount"
    CURRENCY = "currency"
    QUANTITY = "quantity"
    UNIT_PRICE = "unit_price"
    STATUS = "status"
    PRODUCT = "product"
    CATEGORY = "category"
    CHANNEL = "channel"
    CITY = "city"
    RATING = "rating"
    REFUNDED_AMOUNT = "refunded_amount"
    ORDERS_COUNT = "orders_count"
    TOTAL_SPENT = "total_spent"
    FIRST_PURCHASE = "first_purchase"
    LAST_PURCHASE = "last_purchase"
    REGISTRATION_DATE = "registration_date"
    LAST_ACTIVITY = "last_activity"


Shape = Literal["transactions", "customers"]
TEXT: pd.StringDtype[Any] = pd.StringDtype("pyarrow")
"""The dtype of the clean table's text columns."""
StatusClass = Literal["valid", "cancelled", "refunded", "open"]


@dataclass(frozen=True)
class RoleMatch:
    """The column chosen for a role, how sure detection is (0..1) and the runners-up."""

    role: Role
    column: str
    confidence: float
    alternatives: tuple[str, ...] = ()
    explicit: bool = False
    extra: tuple[str, ...] = ()
    """Further columns of the same role used to fill gaps (e.g. a second phone column)."""


@dataclass(frozen=True)
class SourceInfo:
    """How the file was read: format, encoding, delimiter, sheet and header position."""

    file_name: str
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int = 0
    header_rows: int = 1
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choices:
    """What the user decided where ingest would otherwise follow its default."""

    keep_duplicates: bool = False
    """Keep rows that repeat an earlier row exactly (in a file without order ids they may
    be real repeat purchases on one day); by default they are copy-paste and dropped."""
    amount_source: str | None = None
    """``amount`` (the line amount column) or ``quantity_x_price``; None: decided by the
    data (see ``analytics.ingest.amounts``)."""


@dataclass(frozen=True)
class Decision:
    """A choice ingest made that changes the numbers: what it chose, what else it could
    have been, and whether the data (or the user) made it sure."""

    topic: str
    """``amount_source``, ``duplicates`` or ``status``."""
    chosen: str
    alternatives: tuple[str, ...]
    sure: bool
    explicit: bool = False
    """The user chose (a flag in the CLI, a button in the bot)."""
    evidence: dict[str, float | int | str | None] = field(default_factory=dict)


@dataclass
class QualityReport:
    """An honest account of what ingest read, used, dropped and doubted."""

    rows_read: int = 0
    rows_used: int = 0
    rows_dropped: dict[str, int] = field(default_factory=dict)
    duplicate_rows: int = 0
    duplicate_amount: float = 0.0
    duplicates_kept: bool = False
    totals_rows: int = 0
    customers: int = 0
    """Customers with a paid order (the total base)."""
    leads: int = 0
    """People with only zero-amount orders (leads who never paid), beside the base."""
    lead_rows: int = 0
    orders: int = 0
    revenue: float = 0.0
    currency: str | None = None
    currencies: dict[str, int] = field(default_factory=dict)
    date_from: str | None = None
    date_to: str | None = None
    customer_key_source: str | None = None
    status_counts: dict[str, int] = field(default_factory=dict)
    status_column_present: bool = False
    invalid_emails: int = 0
    invalid_phones: int = 0
    missing_contacts: int = 0
    stale_customers: int = 0
    stale_share: float = 0.0
    stale_months: int = 12
    duplicate_customers: int = 0
    orders_without_customer: int = 0
    revenue_without_customer: float = 0.0
    amount_source: str | None = None
    """``amount``, ``quantity_x_price`` or ``unit_price`` (a price alone: one item a line)."""
    decisions: list[Decision] = field(default_factory=list)
    day_first: bool | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestResult:
    """One clean table plus everything needed to trust it."""

    shape: Shape
    table: pd.DataFrame
    mapping: dict[Role, RoleMatch]
    quality: QualityReport
    source: SourceInfo
    unsure_roles: tuple[Role, ...] = ()

    def plain(self) -> IngestResult:
        """This result with categorical text columns as plain ``TEXT`` columns."""
        self.table = as_plain_text(self.table)
        return self

    def __getstate__(self) -> dict[str, Any]:
        """Text columns travel as codes and distinct values (ingest's sandbox pickles the
        result: several times faster and smaller than one string object per cell)."""
        state = dict(self.__dict__)
        state["table"] = _PackedTable.pack(self.table)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        table = state["table"]
        self.__dict__.update(
            state, table=table.unpack() if isinstance(table, _PackedTable) else table
        )


def as_plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Categorical text columns as ``TEXT`` columns (the clean table's contract)."""
    coded = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    if not coded:
        return frame
    frame = frame.copy(deep=False)
    for column in coded:
        cat = frame[column].cat
        frame[column] = _text_column(
            _portable(cat.categories), cat.codes.to_numpy(), frame.index
        )
    return frame


def _portable(uniques: pd.Index) -> pa.Array | npt.NDArray[Any]:
    """Distinct texts as one Arrow array when Arrow-backed (no object per value), else as
    an object array."""
    kind = uniques.dtype
    if isinstance(kind, pd.StringDtype) and kind.storage == "pyarrow":
        return pa.array(uniques.array)
    return np.asarray(uniques, dtype=object)


def _text_column(
    texts: pa.Array | npt.NDArray[Any],
    codes: npt.NDArray[np.integer[Any]],
    index: pd.Index,
    dtype: pd.StringDtype[Any] | None = None,
) -> pd.Series:
    """A plain text column from distinct texts and each row's code into them (-1: missing)."""
    return pd.Series(
        pd.array(texts, dtype=dtype or TEXT).take(codes, allow_fill=True), index=index
    )


@dataclass
class _PackedTable:
    """A frame whose text columns are stored as (codes, distinct values); categorical text
    unpacks as plain ``TEXT`` columns."""

    frame: pd.DataFrame
    text: dict[str, tuple[pd.StringDtype[Any], npt.NDArray[np.int32], pa.Array | npt.NDArray[Any]]]
    order: list[str]

    @classmethod
    def pack(cls, frame: pd.DataFrame) -> _PackedTable:
        """Codes and distinct values of the text columns of ``frame`` (unique names only);
        Arrow-backed distinct values travel as one Arrow array (pickled as buffers)."""
        text: dict[
            str, tuple[pd.StringDtype[Any], npt.NDArray[np.int32], pa.Array | npt.NDArray[Any]]
        ] = {}
        if frame.columns.is_unique:
            for name, column in frame.items():
                dtype = column.dtype
                if isinstance(dtype, pd.CategoricalDtype):
                    codes, uniques = column.cat.codes.to_numpy(), column.cat.categories
                    dtype = TEXT
                elif isinstance(dtype, pd.StringDtype):
                    codes, uniques = pd.factorize(column, use_na_sentinel=True)
                else:
                    continue
                text[str(name)] = (dtype, codes.astype(np.int32), _portable(uniques))
        return cls(frame.drop(columns=list(text)), text, [str(c) for c in frame.columns])

    def unpack(self) -> pd.DataFrame:
        """The original frame: same columns, order and values (categorical text as plain)."""
        columns = {
            name: _text_column(uniques, codes, self.frame.index, dtype)
            for name, (dtype, codes, uniques) in self.text.items()
        }
        if not columns:
            return self.frame
        return pd.concat([self.frame, pd.DataFrame(columns, index=self.frame.index)], axis=1)[
            self.order
        ]
