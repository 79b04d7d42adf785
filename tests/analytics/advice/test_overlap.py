"""The customers two audits have in common, from salted hashes of hand-made keys, and the
comparison's warning that two audits look like two businesses."""

from __future__ import annotations

from typing import Any

import pytest

from analytics.advice.compare import compare
from analytics.advice.overlap import MIN_COMPARED, SAMPLE, common_share, customer_hashes

SALT = b"salt-of-one-user"


def keys(start: int, stop: int) -> list[str]:
    return [f"+7 900 {i:07d}" for i in range(start, stop)]


def test_small_bases_are_compared_exactly() -> None:
    shop = customer_hashes(keys(0, 100), SALT)
    assert len(shop) == 100 * 8  # every customer kept below the sample size
    assert common_share(shop, customer_hashes(keys(0, 100), SALT)) == 1.0
    assert common_share(shop, customer_hashes(keys(90, 300), SALT)) == pytest.approx(0.1)
    assert common_share(shop, customer_hashes(keys(100, 200), SALT)) == 0.0


def test_a_later_export_contains_the_earlier_base() -> None:
    january = customer_hashes(keys(0, 2_000), SALT)
    year = customer_hashes(keys(0, 60_000), SALT)
    assert len(year) == SAMPLE * 8
    assert common_share(january, year) == 1.0  # every sampled January buyer is in the year


def test_large_bases_are_estimated_from_the_samples() -> None:
    first = customer_hashes(keys(0, 50_000), SALT)
    second = customer_hashes(keys(25_000, 75_000), SALT)
    other = customer_hashes(keys(100_000, 150_000), SALT)
    assert common_share(first, second) == pytest.approx(0.5, abs=0.05)
    assert common_share(first, other) == 0.0


def test_the_salt_decides_and_no_key_is_kept() -> None:
    sample = customer_hashes(keys(0, 500), SALT)
    assert b"+7 900" not in sample and b"900" not in sample
    assert common_share(sample, customer_hashes(keys(0, 500), b"another user's")) == 0.0


def test_too_few_customers_in_common_range_say_nothing() -> None:
    few = customer_hashes(keys(0, MIN_COMPARED - 1), SALT)
    assert common_share(few, customer_hashes(keys(0, 500), SALT)) is None
    tiny = customer_hashes(keys(0, 200), SALT)  # ~13 of its hashes under a 60k sample's top
    assert common_share(tiny, customer_hashes(keys(0, 60_000), SALT)) is None
    assert common_share(b"", customer_hashes(keys(0, 500), SALT)) is None


def report(customers: int, date_from: str, date_to: str, currency: str = "RUB",
           key: str = "phone") -> dict[str, Any]:
    return {"data": {"customers": customers, "date_from": date_from, "date_to": date_to,
                     "currency": currency, "customer_key": key, "shape": "transactions"},
            "metrics": {}}


def warnings(old: dict[str, Any], new: dict[str, Any], common: float | None = None) -> list[str]:
    return list(compare(old, new, common=common).warnings)


def test_few_customers_in_common_warn_of_another_business() -> None:
    old, new = report(400, "2024-01-01", "2024-12-31"), report(420, "2024-01-01", "2025-03-31")
    assert warnings(old, new, common=0.01) == ["few_common_customers"]
    assert warnings(old, new, common=0.6) == []
    # The hashes win over size, period and currency when they are kept ...
    assert warnings(report(40, "2023-01-01", "2023-02-01"), new, common=0.9) == []
    # ... unless the audits keyed customers differently (phones against e-mails).
    assert warnings(old, report(420, "2024-01-01", "2025-03-31", key="email"),
                    common=0.0) == []


def test_without_hashes_size_period_currency_and_keys_judge() -> None:
    old = report(400, "2024-01-01", "2024-06-30")
    assert warnings(old, report(3_000, "2024-07-01", "2024-12-31")) == ["unlike_business"]
    assert warnings(old, report(3_000, "2024-01-01", "2024-12-31")) == []  # the base grew
    assert warnings(old, report(420, "2024-07-01", "2024-12-31")) == []  # the next half-year
    assert warnings(old, report(420, "2024-01-01", "2024-12-31", "USD")) == [
        "different_currency"]
    assert warnings(old, report(420, "2024-07-01", "2024-12-31", "USD")) == [
        "unlike_business", "different_currency"]
    assert warnings(old, report(420, "2024-01-01", "2024-12-31", key="email")) == []
    assert warnings(old, report(1_300, "2024-01-01", "2024-12-31", key="email")) == [
        "unlike_business"]  # a school's ids against a shop's e-mails, 3 times the size
