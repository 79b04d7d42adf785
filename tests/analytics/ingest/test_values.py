"""Value parsers: money, dates, statuses and contacts as real exports write them."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.ingest import values as v


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,50 ₽", 1234.5),
        ("1\u00a0234,50", 1234.5),
        ("12 500 руб.", 12500.0),
        ("12 500 р.", 12500.0),
        ("(120,00)", -120.0),
        ("-5,5", -5.5),
        ("'750", 750.0),
    ],
)
def test_russian_money(text: str, expected: float) -> None:
    assert v.parse_numbers(pd.Series([text, "1 000,25"])).iloc[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,234.50", 1234.5), ("$12.00", 12.0), ("(3.50)", -3.5), ("USD 1,000,000", 1_000_000.0)],
)
def test_english_money(text: str, expected: float) -> None:
    assert v.parse_numbers(pd.Series([text, "2.25"])).iloc[0] == expected


def test_thousands_commas_without_decimals_are_thousands() -> None:
    assert v.parse_numbers(pd.Series(["1,234", "12,500,000"])).tolist() == [1234.0, 12_500_000.0]


def test_native_numbers_pass_and_junk_becomes_missing() -> None:
    parsed = v.parse_numbers(pd.Series([1.5, 2, "abc", "", None, "3,5"], dtype=object))
    assert parsed.iloc[:2].tolist() == [1.5, 2.0]
    assert parsed.iloc[2:5].isna().all()
    assert parsed.iloc[5] == 3.5


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))
@settings(max_examples=200, deadline=None)
def test_russian_format_round_trips(value: object) -> None:
    number = float(str(value))
    text = f"{number:,.2f}".replace(",", "\u00a0").replace(".", ",") + " ₽"
    assert v.parse_numbers(pd.Series([text, "1,50"])).iloc[0] == pytest.approx(number)


@given(st.lists(st.one_of(st.text(max_size=30), st.floats(allow_nan=True), st.integers(),
                          st.none()), max_size=30))
@settings(max_examples=300, deadline=None)
def test_number_parser_never_raises(cells: list[object]) -> None:
    parsed = v.parse_numbers(pd.Series(cells, dtype=object))
    assert len(parsed) == len(cells)


@given(st.lists(st.one_of(st.text(max_size=30), st.floats(allow_nan=True),
                          st.datetimes(), st.none()), max_size=30))
@settings(max_examples=300, deadline=None)
def test_date_parser_never_raises(cells: list[object]) -> None:
    parsed = v.parse_dates(pd.Series(cells, dtype=object))
    assert len(parsed) == len(cells)


def test_day_first_decided_by_content() -> None:
    dotted = v.parse_dates(pd.Series(["05.02.2024 12:34:56", "31.12.2023"]))
    assert dotted.tolist() == [datetime(2024, 2, 5, 12, 34, 56), datetime(2023, 12, 31)]
    us = v.parse_dates(pd.Series(["5/31/2016 0:37", "6/1/2016 12:00"]))
    assert us.tolist() == [datetime(2016, 5, 31, 0, 37), datetime(2016, 6, 1, 12, 0)]
    european_slash = v.parse_dates(pd.Series(["13/01/2024", "02/03/2024"]))
    assert european_slash.tolist() == [datetime(2024, 1, 13), datetime(2024, 3, 2)]


def test_day_month_order_of_dates_in_other_digits_is_ambiguous() -> None:
    # Arabic-Indic digits look like dates to the pattern but are not numbers to compare.
    assert v.date_style(pd.Series(["٠٥.٠٣.٢٠٢٤"])) == v.DateStyle(day_first=True, ambiguous=True)


@pytest.mark.parametrize("cell", ["45000Z", "45000 UTC", "45000+03:00", "45000", " 45000.5 "])
def test_excel_serials_as_text_read_alike_through_arrow_and_python(cell: str) -> None:
    from analytics.ingest.text import ARROW_STR

    python = v.parse_dates(pd.Series([cell], dtype=object))
    arrow = v.parse_dates(pd.Series([cell], dtype=ARROW_STR))
    assert python.equals(arrow), (python.tolist(), arrow.tolist())


def test_ambiguous_slash_dates_are_flagged() -> None:
    style = v.date_style(pd.Series(["01/02/2024", "03/04/2024"]))
    assert style.ambiguous and not style.day_first


def test_two_digit_years_iso_timezones_and_excel_serials() -> None:
    parsed = v.parse_dates(pd.Series(["05.02.24", "2024-05-01 10:00:00 +0000", "45000", 45000.5,
                                      datetime(2024, 1, 2)], dtype=object))
    assert parsed.tolist() == [
        datetime(2024, 2, 5), datetime(2024, 5, 1, 10), datetime(2023, 3, 15),
        datetime(2023, 3, 15, 12), datetime(2024, 1, 2),
    ]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("Завершен", "valid"), ("Оплачен", "valid"), ("Выполнен", "valid"), ("paid", "valid"),
        ("completed", "valid"), ("Успешно реализовано", "valid"), ("Сделка успешна", "valid"),
        ("won", "valid"), ("partially_refunded", "valid"),
        ("Отменен", "cancelled"), ("Отменён", "cancelled"), ("cancelled", "cancelled"),
        ("voided", "cancelled"), ("failed", "cancelled"), ("Закрыто и не реализовано", "cancelled"),
        ("Сделка провалена", "cancelled"), ("Ложный", "cancelled"), ("lost", "cancelled"),
        ("Возврат", "refunded"), ("refunded", "refunded"), ("Ожидаем возврата", "refunded"),
        ("Новый", "open"), ("В работе", "open"), ("Ожидаем оплаты", "open"), ("pending", "open"),
        ("on-hold", "open"), ("Частично оплачен", "open"), ("authorized", "open"),
    ],
)
def test_status_classes(status: str, expected: str) -> None:
    assert v.status_class(status) == expected


def test_unknown_statuses_are_open_and_reported() -> None:
    classes, unknown = v.classify_statuses(pd.Series(["Завершен", "Квест пройден", "Квест пройден"]))
    assert classes.tolist() == ["valid", "open", "open"]
    assert unknown == {"Квест пройден": 2}


def test_phones_normalised_to_digits() -> None:
    phones, invalid = v.normalise_phones(
        pd.Series(["'+7 (999) 123-45-67", "8 999 123 45 67", "9991234567", "123", None, 79991234567.0],
                  dtype=object))
    assert phones.tolist()[:3] == ["79991234567"] * 3
    assert pd.isna(phones.iloc[3]) and pd.isna(phones.iloc[4])
    assert phones.iloc[5] == "79991234567"
    assert invalid.tolist() == [False, False, False, True, False, False]


def test_emails_trimmed_lowercased_and_validated() -> None:
    emails, invalid = v.normalise_emails(pd.Series([" Ivan@Mail.RU ", "not-an-email", None, ""]))
    assert emails.iloc[0] == "ivan@mail.ru"
    assert emails.iloc[1:].isna().all()
    assert invalid.tolist() == [False, True, False, False]


def test_ids_from_floats_lose_the_decimal_tail() -> None:
    assert v.normalise_ids(pd.Series([17850.0, "17850.0", " A-1 ", None], dtype=object)).tolist()[:3] == [
        "17850", "17850", "A-1"]


def test_currency_marks() -> None:
    assert v.currency_from_text("Стоимость, RUB") == "RUB"
    assert v.currency_from_text("12 500 руб.") == "RUB"
    assert v.currency_from_text("$12") == "USD"
    assert v.currency_from_text("gbp") == "GBP"
    assert v.currency_from_text("Сумма") is None


def test_coalesce_of_categoricals_fills_only_the_gaps_and_stays_categorical() -> None:
    from analytics.ingest.text import ARROW_STR

    ids = pd.Series(pd.Categorical(["a", None, "b", None, None]))
    phones = pd.Series(["x", "y", None, "a", "b"], dtype=ARROW_STR).astype("category")
    merged = v.coalesce(ids, phones)
    assert isinstance(merged.dtype, pd.CategoricalDtype)
    assert merged.astype(object).where(merged.notna(), None).tolist() == ["a", "y", "b", "a", "b"]
    # A value present in both columns keeps one category (it is one customer key).
    assert list(merged.cat.categories).count("a") == 1
    plain = v.coalesce(pd.Series(["a", None], dtype="string"), pd.Series(["z", "y"], dtype="string"))
    assert plain.tolist() == ["a", "y"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet="aбZ 1", max_size=3)), max_size=30))
def test_a_categorical_built_without_the_uniqueness_check_is_the_ordinary_one(
    cells: list[str | None],
) -> None:
    from analytics.ingest.text import ARROW_STR

    text = pd.Series(cells, dtype=ARROW_STR)
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    built = v.categorical(codes, pd.Index(uniques))
    ordinary = pd.Categorical.from_codes(codes, categories=pd.Index(uniques))
    assert built.equals(ordinary)
    assert built.categories.is_unique
    assert pd.Series(built).value_counts().to_dict() == text.value_counts().to_dict()


def test_text_parsers_on_categoricals_merge_equal_results() -> None:
    cells = pd.Series(pd.Categorical([" 17850.0", "17850", None, "  ", "A-1 "]))
    ids = v.normalise_ids(cells)
    assert ids.astype(object).where(ids.notna(), None).tolist() == ["17850", "17850", None, None, "A-1"]
    assert ids.cat.codes[0] == ids.cat.codes[1]  # one distinct id, not two


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet="0123456789 ,.-()₽$€руб\u00a0eE+", max_size=12), max_size=20))
def test_numbers_read_through_arrow_equal_numbers_read_in_python(cells: list[str]) -> None:
    from analytics.ingest.text import ARROW_STR

    plain = pd.Series(cells, dtype=object)
    coded = pd.Series(cells, dtype=ARROW_STR).astype("category")
    style = v.number_style(plain)
    expected = v.parse_numbers(plain, style)
    assert v.parse_numbers(coded, style).tolist() == pytest.approx(expected.tolist(), nan_ok=True)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds(
                lambda d, fmt: d.strftime(fmt),
                st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 12, 31)),
                st.sampled_from(["%d.%m.%Y %H:%M", "%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d %H:%M:%S",
                                 "%d/%m/%Y", "%d.%m.%Y %H:%M:%S", "%-d.%-m.%Y"]),
            ),
            st.sampled_from(["31.02.2023", "00.01.2023", "12.13.2023", "45123", "abc", "",
                             "01.02.23 10:61", "1.1.1"]),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_dates_read_through_arrow_equal_dates_read_in_python(cells: list[str]) -> None:
    from analytics.ingest.text import ARROW_STR

    plain = pd.Series(cells, dtype=object)
    coded = pd.Series(cells, dtype=ARROW_STR).astype("category")
    style = v.date_style(plain)
    expected = v.parse_dates(plain, style)
    assert v.parse_dates(coded, style).tolist() == expected.tolist()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet="aBЯё@._-+ 8979()\u00a0\t\x1c<>'\"", max_size=16), max_size=20))
def test_contacts_and_ids_read_through_arrow_equal_those_read_in_python(cells: list[str]) -> None:
    from analytics.ingest.text import ARROW_STR

    plain = pd.Series(cells, dtype=object)
    coded = pd.Series(cells, dtype=ARROW_STR).astype("category")

    def listed(series: pd.Series) -> list[object]:
        return series.astype(object).where(series.notna(), None).tolist()

    for normalise in (v.normalise_emails, v.normalise_phones):
        (a, bad_a), (b, bad_b) = normalise(plain), normalise(coded)
        assert listed(a) == listed(b) and bad_a.tolist() == bad_b.tolist()
    for collapse in (False, True):
        assert listed(v.normalise_ids(plain, collapse)) == listed(v.normalise_ids(coded, collapse))
