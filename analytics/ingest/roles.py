"""Column roles from header names (Russian and English), confirmed by the columns' content.

Each role gets the best column, a confidence in 0..1 and the runners-up, so a caller can
ask the user when detection is unsure; an explicit mapping always wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache

import pandas as pd

from analytics.ingest import values as v
from analytics.ingest.errors import IngestError
from analytics.ingest.model import Role, RoleMatch

SYNONYMS: dict[Role, tuple[str, ...]] = {
    Role.CUSTOMER_ID: (
        "id пользователя",
        "id клиента",
        "customer id",
        "customerid",
        "client id",
        "user id",
        "id покупателя",
        "код клиента",
        "ид клиента",
        "номер клиента",
        "id контакта",
        "код контрагента",
        "клиент id",
        "buyer id",
    ),
    Role.EMAIL: (
        "email",
        "e mail",
        "почта",
        "электронная почта",
        "адрес электронной почты",
        "billing email",
        "customer email",
        "личный email",
        "рабочий email",
        "email покупателя",
        "эл почта",
        "емейл",
        "мейл",
        "e mail address",
        "mail",
    ),
    Role.PHONE: (
        "телефон",
        "phone",
        "мобильный телефон",
        "рабочий телефон",
        "номер телефона",
        "billing phone",
        "тел",
        "моб телефон",
        "phone number",
        "contact phone",
        "мобильный",
        "телефон клиента",
        "whatsapp",
    ),
    Role.NAME: (
        "пользователь",
        "клиент",
        "покупатель",
        "фио",
        "имя",
        "name",
        "customer name",
        "first name",
        "billing first name",
        "customer",
        "billing name",
        "основной контакт",
        "контакт",
        "заказчик",
        "имя клиента",
        "full name",
        "полное имя",
        "фамилия имя",
        "получатель",
        "shipping name",
    ),
    Role.COMPANY: (
        "компания",
        "company",
        "организация",
        "контрагент",
        "название компании",
        "юр лицо",
        "юрлицо",
        "billing company",
        "клиент компания",
        "партнер",
    ),
    Role.ORDER_ID: (
        "id заказа",
        "номер заказа",
        "order id",
        "order number",
        "order",
        "заказ",
        "invoiceno",
        "invoice no",
        "invoice",
        "номер",
        "№",
        "name",
        "id",
        "order no",
        "id сделки",
        "номер сделки",
        "регистратор",
        "документ",
        "номер документа",
        "transaction id",
        "payment id",
        "id платежа",
        "номер чека",
        "чек",
        "номер счета",
        "order_number",
        "order_id",
    ),
    Role.ORDER_DATE: (
        "дата заказа",
        "дата создания",
        "дата",
        "created at",
        "order date",
        "created",
        "date",
        "дата покупки",
        "дата продажи",
        "invoicedate",
        "invoice date",
        "created utc",
        "created date utc",
        "дата документа",
        "дата оформления",
        "date created",
        "order created",
        "дата сделки",
        "период",
        "день",
        "timestamp",
        "дата и время",
        "время",
    ),
    Role.PAID_DATE: (
        "дата оплаты",
        "paid at",
        "дата закрытия",
        "payment date",
        "дата платежа",
        "closed at",
        "дата закрытия сделки",
        "completed at",
        "date paid",
        "date completed",
        "оплачен",
    ),
    Role.AMOUNT: (
        "оплачено",
        "сумма оплаты",
        "итого к оплате",
        "итого",
        "сумма заказа",
        "total",
        "order total",
        "сумма",
        "amount",
        "выручка",
        "сумма выручки",
        "сумма выручки с ндс",
        "сумма с ндс",
        "бюджет",
        "revenue",
        "net sales",
        "n revenue",
        "order_total",
        "grand total",
        "сумма продажи",
        "сумма сделки",
        "стоимость",
        "paid",
        "amount paid",
        "payment amount",
        "sales",
        "цена заказа",
        "sum",
        "sales amount",
        "value",
        "dollar value",
        "order value",
    ),
    Role.CURRENCY: ("валюта", "currency", "валюта сделки", "currency code"),
    Role.QUANTITY: (
        "количество",
        "кол во",
        "qty",
        "quantity",
        "lineitem quantity",
        "items sold",
        "шт",
        "количество товаров",
        "кол во товаров",
        "items",
    ),
    Role.UNIT_PRICE: (
        "цена",
        "price",
        "unitprice",
        "unit price",
        "lineitem price",
        "цена за единицу",
        "цена за шт",
        "цена товара",
        "item price",
    ),
    Role.STATUS: (
        "статус",
        "status",
        "статус заказа",
        "этап сделки",
        "стадия сделки",
        "financial status",
        "stage",
        "статус оплаты",
        "payment status",
        "состояние",
        "этап",
        "стадия",
        "order status",
        "статус сделки",
    ),
    Role.PRODUCT: (
        "товар",
        "title",
        "product",
        "товары в заказе",
        "lineitem name",
        "description",
        "наименование",
        "номенклатура",
        "продукт",
        "название",
        "product s",
        "название сделки",
        "предложение",
        "курс",
        "услуга",
        "позиция",
        "item",
        "product name",
        "наименование товара",
        "тариф",
        "товары",
    ),
    Role.CATEGORY: (
        "категория",
        "category",
        "группа товаров",
        "product category",
        "группа",
        "раздел",
        "тип товара",
        "вид номенклатуры",
        "product type",
        "направление",
        "категория товара",
    ),
    Role.CHANNEL: (
        "источник",
        "utm source",
        "канал",
        "source",
        "channel",
        "referrer",
        "канал привлечения",
        "источник трафика",
        "рекламный канал",
        "marketing channel",
        "источник сделки",
        "utm_source",
        "referring site",
        "тип заказа",
    ),
    Role.CITY: (
        "город",
        "city",
        "billing city",
        "регион",
        "region",
        "country",
        "страна",
        "населенный пункт",
        "город доставки",
        "shipping city",
        "область",
    ),
    Role.RATING: (
        "оценка",
        "rating",
        "nps",
        "рейтинг",
        "score",
        "удовлетворенность",
        "оценка nps",
        "nps score",
        "review score",
    ),
    Role.REFUNDED_AMOUNT: (
        "amount refunded",
        "refunded amount",
        "сумма возврата",
        "возвращено",
        "refunded",
    ),
    Role.ORDERS_COUNT: (
        "количество заказов",
        "число заказов",
        "orders count",
        "orders",
        "total orders",
        "количество покупок",
        "кол во покупок",
        "покупок",
        "заказов",
        "number of orders",
        "кол во заказов",
        "orders_count",
    ),
    Role.TOTAL_SPENT: (
        "сумма покупок",
        "сумма заказов",
        "total spent",
        "ltv",
        "потрачено",
        "общая сумма",
        "total spend",
        "lifetime value",
        "сумма оплат",
        "оплачено всего",
        "выручка с клиента",
        "total_spent",
        "amount spent",
    ),
    Role.FIRST_PURCHASE: (
        "первая покупка",
        "дата первой покупки",
        "first order",
        "first purchase",
        "first order date",
        "дата первого заказа",
        "первый заказ",
    ),
    Role.LAST_PURCHASE: (
        "последняя покупка",
        "дата последней покупки",
        "last order",
        "last purchase",
        "last order date",
        "дата последнего заказа",
        "последний заказ",
    ),
    Role.REGISTRATION_DATE: (
        "дата регистрации",
        "создан",
        "registered",
        "registration date",
        "signup date",
        "зарегистрирован",
        "date registered",
        "дата добавления",
        "signed up",
    ),
    Role.LAST_ACTIVITY: (
        "последняя активность",
        "last activity",
        "last seen",
        "last login",
        "был онлайн",
        "последний визит",
        "последний вход",
        "last active",
    ),
}

# Headers with these words are never the role's column (fees, taxes, costs are not revenue).
EXCLUDE: dict[Role, tuple[str, ...]] = {
    Role.AMOUNT: (
        "комисси",
        "налог",
        "скидк",
        "discount",
        "shipping",
        "доставк",
        "tax",
        "refund",
        "возврат",
        "себестоим",
        "cost",
        "остал",
        "заработ",
        "получено",
        "fee",
        "партнер",
        "бонус",
        "бюджет план",
        "предоплат",
        "subtotal",
    ),
    Role.ORDER_DATE: (
        "рожден",
        "birth",
        "изменен",
        "modified",
        "updated",
        "предполагаем",
        "оплаты",
        "paid",
        "закрыт",
        "closed",
        "cancelled",
        "отмен",
        "fulfilled",
    ),
    Role.PAID_DATE: ("предполагаем", "expected", "план"),
    Role.NAME: (
        "товар",
        "product",
        "lineitem",
        "сделк",
        "компан",
        "company",
        "shipping method",
        "менеджер",
        "ответствен",
        "manager",
        "partner",
        "партнер",
        "file",
        "email",
        "телефон",
        "phone",
        "дата",
        "date",
        "сумма",
        "номер",
        "id",
    ),
    Role.ORDER_ID: (
        "клиент",
        "customer",
        "user",
        "пользоват",
        "партнер",
        "partner",
        "stock",
        "товар",
        "product",
        "контакт",
        "телефон",
        "phone",
        "менеджер",
        "utm",
        "lineitem",
        "компани",
        "дата",
        "date",
        "сумма",
        "amount",
        "статус",
        "status",
        "email",
        "время",
        "стоимость",
        "total",
    ),
    Role.CUSTOMER_ID: (
        "partner",
        "партнер",
        "stripe",
        "дата",
        "date",
        "сумма",
        "email",
        "телефон",
        "phone",
        "имя",
        "name",
        "город",
        "city",
    ),
    Role.PHONE: ("рабоч email", "email"),
    Role.CITY: ("phone", "телефон"),
    Role.QUANTITY: ("заказов", "orders", "покупок"),
    Role.STATUS: ("fulfillment", "доставк", "shipping"),
    Role.PRODUCT: ("сделк",),
}

DATE_ROLES = frozenset(
    {
        Role.ORDER_DATE,
        Role.PAID_DATE,
        Role.FIRST_PURCHASE,
        Role.LAST_PURCHASE,
        Role.REGISTRATION_DATE,
        Role.LAST_ACTIVITY,
    }
)
NUMBER_ROLES = frozenset(
    {
        Role.AMOUNT,
        Role.QUANTITY,
        Role.UNIT_PRICE,
        Role.RATING,
        Role.REFUNDED_AMOUNT,
        Role.ORDERS_COUNT,
        Role.TOTAL_SPENT,
    }
)
MULTI_COLUMN_ROLES = frozenset({Role.EMAIL, Role.PHONE})
UNSURE_BELOW = 0.6
NO_COLUMN = "-"
"""An explicit mapping to this leaves the role without a column (``--map status=-``)."""


def normalise_header(text: str) -> str:
    """Lower-case words of a header: ``"Стоимость, RUB"`` -> ``"стоимость rub"``."""
    text = text.lower().replace("ё", "е").replace("_", " ").replace("#", " # ")
    return re.sub(r"\s+", " ", re.sub(r"[^\w#№]+", " ", text)).strip()


def _phrase_index() -> dict[str, list[tuple[Role, float]]]:
    """Every synonym -> the roles it names, with a preference falling with its rank."""
    index: dict[str, list[tuple[Role, float]]] = {}
    for role, synonyms in SYNONYMS.items():
        for rank, synonym in enumerate(synonyms):
            index.setdefault(synonym, []).append((role, max(0.75, 1.0 - rank * 0.01)))
    return index


PHRASES = _phrase_index()


@cache
def header_scores(header: str) -> dict[Role, float]:
    """How well a header names each role: 1.0 exact, less for a phrase inside a longer
    header (more so the less of the header it covers); excluded words give 0."""
    norm = normalise_header(header)
    words = norm.split()
    scores: dict[Role, float] = {}
    for start in range(len(words)):
        for stop in range(start + 1, min(len(words), start + 5) + 1):
            phrase = " ".join(words[start:stop])
            for role, preference in PHRASES.get(phrase, ()):
                if phrase == norm:
                    score = preference
                else:
                    score = (0.7 + 0.2 * len(phrase) / len(norm)) * preference
                if score > scores.get(role, 0.0):
                    scores[role] = score
    for role in list(scores):
        if any(word in norm + " " for word in EXCLUDE.get(role, ())):
            del scores[role]
    return scores


def header_score(role: Role, header: str) -> float:
    """How well ``header`` names ``role`` (see ``header_scores``)."""
    return header_scores(header).get(role, 0.0)


def _sample(column: pd.Series, size: int = 300) -> pd.Series:
    head = column.head(20_000)
    if isinstance(head.dtype, pd.CategoricalDtype):  # the checks read cells, not codes
        cells = head.cat.categories.array.take(head.cat.codes.to_numpy(), allow_fill=True)
        head = pd.Series(cells, index=head.index)  # Arrow-backed text: Arrow's parsers
    return head[~v.is_blank(head)].head(size)


def _ratio(mask: pd.Series) -> float:
    return float(mask.mean()) if len(mask) else 0.0


def _dates_ratio(sample: pd.Series) -> float:
    parsed = v.parse_dates(sample)
    return _ratio(parsed.notna() & parsed.dt.year.between(1970, 2100))


def _numbers_ratio(sample: pd.Series) -> float:
    return _ratio(v.parse_numbers(sample).notna())


def _emails_ratio(sample: pd.Series) -> float:
    return _ratio(sample.astype(str).str.strip().str.match(v.EMAIL_RE))


def _phones_ratio(sample: pd.Series) -> float:
    digits = sample.map(v._phone_text).astype(str).str.replace(r"\D", "", regex=True)
    letters = sample.astype(str).str.contains(r"[A-Za-zА-Яа-я@]|\d[.:/,]\d", regex=True)
    return _ratio(digits.str.len().between(7, 15) & ~letters)


def _names_ratio(sample: pd.Series) -> float:
    text = sample.astype(str)
    return _ratio(text.str.contains(r"[A-Za-zА-Яа-яЁё]", regex=True) & ~text.str.contains("@"))


def _ids_ratio(sample: pd.Series) -> float:
    text = sample.map(v._phone_text).astype(str)
    return _ratio(text.str.contains(r"\d", regex=True) & (text.str.len() <= 64))


def _currency_ratio(sample: pd.Series) -> float:
    text = sample.astype(str).str.strip()
    return _ratio(text.map(lambda s: len(s) <= 30 and v.currency_from_text(s) is not None))


def _text_ratio(sample: pd.Series) -> float:
    return _ratio(sample.map(lambda x: isinstance(x, str)))


CONTENT: dict[Role, Callable[[pd.Series], float]] = {
    **dict.fromkeys(DATE_ROLES, _dates_ratio),
    **dict.fromkeys(NUMBER_ROLES, _numbers_ratio),
    Role.EMAIL: _emails_ratio,
    Role.PHONE: _phones_ratio,
    Role.NAME: _names_ratio,
    Role.COMPANY: _names_ratio,
    Role.ORDER_ID: _ids_ratio,
    Role.CUSTOMER_ID: _ids_ratio,
    Role.CURRENCY: _currency_ratio,
    Role.STATUS: v.status_vocabulary_share,
    Role.PRODUCT: _text_ratio,
    Role.CATEGORY: _text_ratio,
    Role.CHANNEL: _text_ratio,
    Role.CITY: _names_ratio,
}

# Roles whose content alone (with no header hint) can identify a column.
CONTENT_ONLY: dict[Role, float] = {Role.EMAIL: 0.9, Role.PHONE: 0.95}


def _score(
    role: Role, header: str, sample: pd.Series, ratios: dict[tuple[str, str], float]
) -> float:
    named = header_score(role, header)
    need = CONTENT_ONLY.get(role)
    if named == 0.0 and need is None:
        return 0.0
    if not len(sample):
        return named * 0.3
    check = CONTENT[role]
    key = (check.__name__, header)
    if key not in ratios:  # one content check per column and kind, shared by roles
        ratios[key] = check(sample)
    ratio = ratios[key]
    if named == 0.0:
        return 0.55 if need is not None and ratio >= need else 0.0
    if role == Role.STATUS and ratio < 0.3:
        return named * 0.5
    if ratio < 0.3:
        return named * ratio
    return named * (0.5 + 0.5 * min(1.0, ratio / 0.9))


def detect_roles(
    frame: pd.DataFrame, explicit: Mapping[Role, str] | None = None
) -> dict[Role, RoleMatch]:
    """Choose one column per role; every column serves at most one role. An explicit
    ``NO_COLUMN`` leaves its role without a column."""
    explicit = dict(explicit or {})
    excluded = {role for role, column in explicit.items() if column == NO_COLUMN}
    explicit = {role: column for role, column in explicit.items() if role not in excluded}
    columns = [str(c) for c in frame.columns]
    for role, column in explicit.items():
        if column not in columns:
            raise IngestError(
                "unknown-column", role=role.value, column=column, columns=", ".join(columns[:30])
            )
    samples = {c: _sample(frame[c]) for c in columns}
    ratios: dict[tuple[str, str], float] = {}
    scores: dict[Role, list[tuple[float, str]]] = {}
    for role in Role:
        ranked = sorted(
            ((_score(role, c, samples[c], ratios), c) for c in columns),
            key=lambda sc: (-sc[0], columns.index(sc[1])),
        )
        scores[role] = [(s, c) for s, c in ranked if s > 0.05]
    matches: dict[Role, RoleMatch] = {
        role: RoleMatch(role, column, 1.0, explicit=True) for role, column in explicit.items()
    }
    used = set(explicit.values())
    candidates = sorted(
        (
            (s, role, c)
            for role, ranked in scores.items()
            for s, c in ranked
            if role not in explicit and role not in excluded
        ),
        key=lambda t: -t[0],
    )
    for score, role, column in candidates:
        if role in matches or column in used:
            continue
        others = tuple(c for _, c in scores[role] if c != column)[:3]
        runner_up = next((s for s, c in scores[role] if c != column and c not in used), 0.0)
        confidence = score if runner_up < score - 0.1 else score * 0.8
        extra: tuple[str, ...] = ()
        if role in MULTI_COLUMN_ROLES:
            extra = tuple(
                c for s, c in scores[role] if c != column and s >= 0.5 and header_score(role, c) > 0
            )
        matches[role] = RoleMatch(role, column, round(confidence, 3), others, extra=extra)
        used.add(column)
        used.update(extra)
    return matches


def parse_mapping(items: list[str]) -> dict[Role, str]:
    """``["order_date=Дата", ...]`` from the command line as a role -> column mapping
    (``status=-``: no column for the role)."""
    mapping: dict[Role, str] = {}
    for item in items:
        role_name, sep, column = item.partition("=")
        try:
            role = Role(role_name.strip())
        except ValueError as exc:
            raise IngestError(
                "unknown-role", role=role_name.strip(), roles=", ".join(r.value for r in Role)
            ) from exc
        if not sep or not column.strip():
            raise IngestError("bad-mapping", item=item)
        mapping[role] = column.strip()
    return mapping
