"""The synthetic data generator: determinism, exact sizes, promised statistics, and its
ground truth checked against a plain pandas recomputation from the written files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bench.generate import (
    STATUS_CLASSES,
    Dataset,
    generate,
    generate_school,
    generate_shop,
    main,
    write_csv,
    write_xlsx,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ROWS = 20_000
SEED = 3


@dataclass
class Recomputed:
    """What a plain pandas reading of a written export says (one row per order)."""

    rows: int
    duplicate_rows: int
    orders: pd.DataFrame  # key, when, status, amount
    totals: tuple[float, float] | None = None  # shop "Итого": quantity, sum


def _money(s: pd.Series) -> pd.Series:
    clean = s.str.replace("\u00a0", "", regex=False).str.replace(",", ".", regex=False)
    return pd.to_numeric(clean.replace("", "0"))


def read_shop(path: Path, encoding: str = "cp1251") -> Recomputed:
    """Shop CSV: title line, header, order lines (order fields on the first line), Итого."""
    raw = pd.read_csv(path, sep=";", encoding=encoding, skiprows=1, dtype=str,
                      keep_default_na=False)
    assert raw.iloc[-1, 0] == "Итого"
    totals = (float(_money(raw[["Количество"]].iloc[-1])["Количество"]),
              float(_money(raw[["Сумма"]].iloc[-1])["Сумма"]))
    body = raw.iloc[:-1]
    dup = int(body.duplicated().sum())
    lines = body.drop_duplicates()
    amount = _money(lines["Сумма"]).groupby(lines["Номер заказа"]).sum()
    heads = lines[lines["Статус"] != ""].set_index("Номер заказа")
    # Customer: the email, else the email another order gives for the same phone.
    phone_email = heads[(heads["Email"] != "") & (heads["Телефон"] != "")].groupby(
        "Телефон")["Email"].first()
    key = heads["Email"].where(heads["Email"] != "",
                               heads["Телефон"].map(phone_email).fillna("tel:" + heads["Телефон"]))
    orders = pd.DataFrame({
        "key": key,
        "when": pd.to_datetime(heads["Дата заказа"], format="%d.%m.%Y %H:%M"),
        "status": heads["Статус"],
        "amount": amount.reindex(heads.index),
    })
    return Recomputed(len(body), dup, orders, totals)


def read_school(path: Path) -> Recomputed:
    """GetCourse CSV: UTF-8 with BOM, one row per order."""
    raw = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    dup = int(raw.duplicated().sum())
    df = raw.drop_duplicates()
    paid = df["Дата оплаты"].where(df["Дата оплаты"] != "", df["Дата создания"])
    orders = pd.DataFrame({
        "key": df["ID пользователя"],
        "when": pd.to_datetime(paid, format="%Y-%m-%d %H:%M:%S"),
        "status": df["Статус"],
        "amount": _money(df["Оплачено"]),
    })
    return Recomputed(len(raw), dup, orders)


def monthly(rec: Recomputed, kind: str) -> pd.DataFrame:
    """Active (a valid paid order in the month) and total base (any order so far)."""
    o = rec.orders
    valid = o[(o["status"].map(STATUS_CLASSES[kind]) == "valid") & (o["amount"] > 0)]  # type: ignore[index]
    active = valid.groupby(valid["when"].dt.to_period("M"))["key"].nunique()
    first = o.groupby("key")["when"].min().dt.to_period("M").value_counts().sort_index()
    frame = pd.DataFrame({"active": active, "new_any": first}).fillna(0).sort_index()
    frame["total_base"] = frame["new_any"].cumsum()
    return frame


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, Recomputed]:
    ds = generate("shop", ROWS, SEED)
    path = tmp_path_factory.mktemp("shop") / "shop.csv"
    write_csv(ds.frame, path)
    return ds, read_shop(path)


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, Recomputed]:
    ds = generate("school", ROWS, SEED)
    path = tmp_path_factory.mktemp("school") / "school.csv"
    write_csv(ds.frame, path)
    return ds, read_school(path)


def both(request: pytest.FixtureRequest, kind: str) -> tuple[Dataset, Recomputed]:
    data: tuple[Dataset, Recomputed] = request.getfixturevalue(kind)
    return data


KINDS = pytest.mark.parametrize("kind", ["shop", "school"])


# ---------------------------------------------------------------------------------------


def test_deterministic_for_a_seed() -> None:
    a, b = generate_shop(2_000, seed=11), generate_shop(2_000, seed=11)
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["truth"] == b.attrs["truth"]
    assert not generate_shop(2_000, seed=12).equals(a)
    pd.testing.assert_frame_equal(generate_school(2_000, seed=11),
                                  generate_school(2_000, seed=11))


@KINDS
@pytest.mark.parametrize("rows", [1, 7, 150, 4_321])
def test_exact_row_count(kind: str, rows: int) -> None:
    ds = generate(kind, rows, seed=rows)  # type: ignore[arg-type]
    assert len(ds.frame) == rows
    assert ds.truth["rows"] == rows


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="rows"):
        generate("shop", 0)
    with pytest.raises(ValueError, match="kind"):
        generate("cafe", 10)  # type: ignore[arg-type]


def test_about_ten_rows_per_customer(shop: tuple[Dataset, Recomputed]) -> None:
    assert 0.08 < shop[0].truth["customers"] / ROWS < 0.12


@KINDS
def test_truth_matches_plain_pandas(kind: str, request: pytest.FixtureRequest) -> None:
    ds, rec = both(request, kind)
    t = ds.truth
    o = rec.orders
    cls = o["status"].map(STATUS_CLASSES[kind])  # type: ignore[index]
    assert rec.rows == t["rows"] == ROWS
    assert rec.duplicate_rows == t["duplicate_rows"] > 0
    assert len(o) == t["orders"]
    assert o["key"].nunique() == t["customers"]
    assert int((cls == "valid").sum()) == t["valid_orders"]
    assert float(o.loc[cls == "valid", "amount"].sum()) == pytest.approx(t["valid_revenue"],
                                                                          abs=0.01)
    for c in ("cancelled", "refunded", "open"):
        assert int((cls == c).sum()) == t[f"{c}_orders"]
    assert o["status"].value_counts().to_dict() == t["status_counts"]
    assert o["when"].min().date().isoformat() == t["date_from"]
    assert o["when"].max().date().isoformat() == t["date_to"]
    m = monthly(rec, kind)
    m.index = m.index.astype(str)
    expected = pd.DataFrame(t["monthly"]).T
    active = m["active"].reindex(expected.index, fill_value=0).astype(int)
    assert active.tolist() == expected["active"].tolist()
    seen = expected.index.isin(m.index)
    assert m.loc[expected.index[seen], "total_base"].astype(int).tolist() == (
        expected.loc[seen, "total_base"].tolist())


@KINDS
def test_shares_of_cancelled_refunded_one_time(kind: str, request: pytest.FixtureRequest) -> None:
    ds, rec = both(request, kind)
    o = rec.orders
    cls = o["status"].map(STATUS_CLASSES[kind])  # type: ignore[index]
    assert 0.05 <= (cls == "cancelled").mean() <= 0.08
    assert 0.02 <= (cls == "refunded").mean() <= 0.04
    bought = o[(cls == "valid") & (o["amount"] > 0)].groupby("key").size()
    one_time = (bought == 1).mean()
    assert 0.3 <= one_time <= 0.6  # many one-time buyers ...
    assert bought.quantile(0.99) >= 10 * bought.median()  # ... and a few heavy ones
    assert ds.truth["one_time_buyers"] == int((bought == 1).sum())


def test_shop_partial_returns_reduce_revenue(shop: tuple[Dataset, Recomputed]) -> None:
    frame = shop[0].frame
    returns = frame[frame["Количество"] < 0]
    assert len(returns) > 0 and (returns["Сумма"] < 0).all()
    assert shop[0].truth["partial_return_lines"] == len(returns.drop_duplicates())


@pytest.mark.parametrize(("kind", "peaks", "low"), [("shop", {11, 12}, (2, 3, 4, 5, 6, 7, 8)),
                                                      ("school", {1, 9}, (5, 6, 7))])
def test_seasonality_peak(kind: str, peaks: set[int], low: tuple[int, ...],
                          request: pytest.FixtureRequest) -> None:
    _, rec = both(request, kind)
    o = rec.orders[rec.orders["status"].map(STATUS_CLASSES[kind]) == "valid"]  # type: ignore[index]
    month = o["when"].dt.to_period("M")
    per_month = o.groupby(month).size()
    cal = pd.Series([p.month for p in per_month.index], index=per_month.index)
    by_cal = per_month.groupby(cal).mean()
    assert by_cal.index[int(np.argmax(by_cal.to_numpy()))] in peaks
    assert by_cal.max() > 1.5 * by_cal.loc[list(low)].mean()


@KINDS
def test_active_base_shrinks_while_total_grows(kind: str, request: pytest.FixtureRequest) -> None:
    ds, rec = both(request, kind)
    m = monthly(rec, kind)
    last = m.iloc[-3:]
    year_before = m.iloc[-15:-12]
    assert last["active"].mean() < 0.85 * year_before["active"].mean()
    assert m["active"].max() > 1.5 * last["active"].mean()
    assert m["total_base"].iloc[-1] > m["total_base"].iloc[-7] > m["total_base"].iloc[-13]
    assert ds.truth["stale_customers"] > 0.2 * ds.truth["customers"]


def test_missing_contacts_and_layout(shop: tuple[Dataset, Recomputed],
                                     school: tuple[Dataset, Recomputed]) -> None:
    for ds in (shop[0], school[0]):
        assert ds.truth["orders_without_email"] > 0
        assert ds.truth["orders_without_phone"] > 0
    f = shop[0].frame
    cont = f["Номер заказа"].duplicated() & ~f.duplicated()
    assert f.loc[cont, ["Клиент", "Email", "Статус"]].isna().all().all()
    assert set(f["Статус"].dropna().unique()) == set(STATUS_CLASSES["shop"])
    phones = f["Телефон"].dropna().astype(str)
    pattern = r"^(\+7 \(9\d\d\) \d{3}-\d\d-\d\d|8 9\d\d \d{3}-\d\d-\d\d|89\d{9})$"
    assert phones.str.match(pattern).all()
    g = school[0].frame
    assert (g.loc[g["Статус"] == "Завершен", "Стоимость, RUB"] == 0).mean() > 0.2
    assert set(g["Статус"].unique()) == set(STATUS_CLASSES["school"])


def test_cp1251_csv_is_readable(tmp_path: Path, shop: tuple[Dataset, Recomputed]) -> None:
    path = tmp_path / "s.csv"
    write_csv(generate_shop(1_000, seed=5), path)
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1251")
    lines = text.split("\r\n")
    assert lines[0].startswith("Отчёт по заказам за период с 01.01.2023")
    assert lines[1].startswith("Номер заказа;Дата заказа;Клиент;Email;Телефон")
    assert lines[-2].startswith("Итого;") and lines[-1] == ""
    rec = read_shop(path)
    assert rec.rows == 1_000
    _, big = shop
    frame = shop[0].frame
    assert big.totals is not None
    assert big.totals[0] == pytest.approx(float(frame["Количество"].sum()))
    assert big.totals[1] == pytest.approx(float(frame["Сумма"].sum()))


def test_utf8_option_and_plain(tmp_path: Path) -> None:
    frame = generate_shop(300, seed=2)
    path = tmp_path / "u.csv"
    write_csv(frame, path, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_shop(path, encoding="utf-8-sig").rows == 300
    write_csv(frame, path, plain=True)
    plain = pd.read_csv(path, sep=";", encoding="cp1251", dtype=str)
    assert len(plain) == 300 and plain.columns[0] == "Номер заказа"


def test_xlsx_has_true_dates_and_numbers(tmp_path: Path) -> None:
    shop_frame = generate_shop(400, seed=9)
    write_xlsx(shop_frame, tmp_path / "shop.xlsx")
    back = pd.read_excel(tmp_path / "shop.xlsx", engine="calamine", header=1)
    assert len(back) == 401 and back.iloc[-1, 0] == "Итого"
    body = back.iloc[:-1]
    assert pd.api.types.is_datetime64_any_dtype(pd.to_datetime(body["Дата заказа"]))
    assert isinstance(body["Дата заказа"].iloc[0], pd.Timestamp)
    assert body["Сумма"].astype(float).sum() == pytest.approx(shop_frame["Сумма"].sum())
    school_frame = generate_school(300, seed=9)
    write_xlsx(school_frame, tmp_path / "school.xlsx")
    sb = pd.read_excel(tmp_path / "school.xlsx", engine="calamine")
    assert list(sb.columns) == list(school_frame.columns) and len(sb) == 300
    assert pd.api.types.is_datetime64_any_dtype(sb["Дата создания"])
    assert pd.api.types.is_numeric_dtype(sb["Оплачено"])
    assert sb["Оплачено"].sum() == pytest.approx(school_frame["Оплачено"].sum())


def test_cli_writes_file_and_truth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, truth = tmp_path / "o" / "school.csv", tmp_path / "t.json"
    code = main(["--kind", "school", "--rows", "500", "--seed", "4", "--out", str(out),
                 "--truth", str(truth), "--start", "2024-01-01", "--months", "12"])
    assert code == 0
    t = json.loads(truth.read_text(encoding="utf-8"))
    assert t["rows"] == 500 and t["kind"] == "school" and len(t["monthly"]) == 12
    assert t["date_from"] >= "2024-01-01" and t["date_to"] <= "2024-12-31"
    assert read_school(out).rows == 500
    assert "written in" in capsys.readouterr().err


def test_shipped_samples_are_reproducible(tmp_path: Path) -> None:
    shop_sample, school_sample = SAMPLES / "shop_orders.csv", SAMPLES / "school_orders.xlsx"
    assert shop_sample.stat().st_size < 1_000_000
    assert school_sample.stat().st_size < 1_000_000
    again = tmp_path / "shop.csv"
    main(["--kind", "shop", "--rows", "5000", "--seed", "42", "--out", str(again)])
    assert again.read_bytes() == shop_sample.read_bytes()
    frame = generate_school(3_000, seed=42)
    back = pd.read_excel(school_sample, engine="calamine")
    assert len(back) == 3_000
    assert back["ID заказа"].tolist() == frame["ID заказа"].tolist()
    assert back["Оплачено"].sum() == pytest.approx(frame["Оплачено"].sum())


def test_custom_window() -> None:
    ds = generate("shop", 3_000, seed=1, start=date(2024, 3, 15), months=6)
    when = ds.frame["Дата заказа"]
    assert when.min() >= pd.Timestamp("2024-03-15")
    assert when.max() < pd.Timestamp("2024-09-15")
    assert np.isfinite(ds.frame["Сумма"]).all()
