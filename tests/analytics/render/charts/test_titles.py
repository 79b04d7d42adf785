"""Chart titles state the finding: pure functions on small hand-made rows, both languages."""

from __future__ import annotations

import pytest

from analytics.render.charts import active_base, breakdown, cohorts, revenue, rfm
from analytics.render.charts.style import Title, title_text
from tests.analytics.render.charts.conftest import (
    breakdown_section,
    cohorts_section,
    lifecycle_monthly,
    revenue_monthly,
    segments,
)


def both(title: Title) -> tuple[str, str]:
    """The title in Russian and English, unwrapped."""
    ru, en = (title_text(title, lang).replace("\n", " ") for lang in ("ru", "en"))
    assert "{" not in ru and "{" not in en  # every placeable resolved
    assert ru != en
    return ru, en


def test_active_base_shrinking_while_total_grows() -> None:
    total = [100 + 10 * i for i in range(13)]  # 100 -> 220: 2.2x
    active = [100 - 5 * i for i in range(13)]  # 100 -> 40: -60%
    title = active_base.active_base_title(lifecycle_monthly(total, active))
    assert title.key == "chart-active-title-shrinking"
    ru, en = both(title)
    assert ru == "Активная база за год сократилась на 60\u00a0%, а вся база выросла в 2,2 раза"
    assert en == "Active base fell 60% in a year while the total base grew 2.2x"


def test_active_base_growing_has_another_key_and_plural_months() -> None:
    title = active_base.active_base_title(lifecycle_monthly([10, 20, 30, 40], [5, 10, 15, 20]))
    assert title.key == "chart-active-title-growing"
    assert title.args["months"] == 3
    ru, en = both(title)
    assert "за 3 месяца выросла на 300\u00a0%" in ru
    assert "20 из 40" in ru
    assert "grew 300% in 3 months: 20 of 40" in en


def test_active_base_flat_and_falling_and_short() -> None:
    flat = active_base.active_base_title(lifecycle_monthly([10, 11, 12], [10, 10, 10]))
    assert flat.key == "chart-active-title-flat"
    falling = active_base.active_base_title(lifecycle_monthly([10, 10, 10], [10, 8, 5]))
    assert falling.key == "chart-active-title-falling"  # the total base did not grow
    short = active_base.active_base_title(lifecycle_monthly([10, 12], [3, 4]))
    assert short.key == "chart-active-title-share"
    ru, en = both(short)
    assert "33\u00a0%" in ru and "4 из 12" in ru
    assert "Only 33% of the base is active" in en


def test_active_base_ignores_partial_last_month() -> None:
    rows = lifecycle_monthly([10] * 13 + [10], [10] * 13 + [1])
    rows[-1]["partial"] = True
    assert active_base.active_base_title(rows).key == "chart-active-title-flat"


def test_revenue_trend_and_who_brings_it() -> None:
    up = revenue.revenue_title(revenue_monthly([100.0] * 12 + [150.0] * 12, 0.7))
    assert up.key == "chart-revenue-title-up-returning"
    ru, en = both(up)
    assert ru == "Выручка за год выросла на 50\u00a0%, 70\u00a0% дают повторные покупатели"
    assert en == "Revenue grew 50% in a year; returning customers bring 70%"
    down = revenue.revenue_title(revenue_monthly([200.0] * 12 + [100.0] * 12, 0.2))
    assert down.key == "chart-revenue-title-down-new"
    assert "80" in both(down)[1]
    short = revenue.revenue_title(revenue_monthly([100.0] * 6, 0.4))
    assert short.key == "chart-revenue-title-new"
    assert both(short)[0].startswith("60\u00a0% выручки дают новые клиенты")
    assert revenue.revenue_title([]).key == "chart-revenue-title"


def test_rfm_core_slipping_and_largest() -> None:
    core = rfm.rfm_title(segments())
    assert core.key == "chart-rfm-title-core"
    ru, en = both(core)
    assert ru.startswith("Чемпионы и лояльные: 21\u00a0% клиентов приносят 63\u00a0% выручки")
    slipping = [
        {"code": "at_risk", "customers": 10, "revenue": 500.0},
        {"code": "lost", "customers": 90, "revenue": 500.0},
    ]
    assert rfm.rfm_title(slipping).key == "chart-rfm-title-slipping"
    largest = [
        {"code": "hibernating", "customers": 60, "revenue": 100.0},
        {"code": "lost", "customers": 40, "revenue": 100.0},
    ]
    title = rfm.rfm_title(largest)
    assert title.key == "chart-rfm-title-largest"
    ru, en = both(title)
    assert "«Спящие»" in ru and '"Hibernating"' in en


def test_segment_names_are_russian() -> None:
    names = [rfm.segment_name(code, "ru") for code in ("champions", "potential_loyalist", "lost")]
    assert names == ["Чемпионы", "Потенциально лояльные", "Потерянные"]
    assert rfm.segment_name("cant_lose", "en") == "Can't lose them"


def test_cohorts_worse_better_and_plain() -> None:
    report = {"cohorts": cohorts_section(12, month1=0.3)}
    rows = cohorts.cohort_rows(report)
    assert cohorts.cohorts_title(rows).key == "chart-cohorts-title-month1"
    worse = [(c, n, [1.0, 0.3 if i < 6 else 0.1]) for i, (c, n, _v) in enumerate(rows)]
    title = cohorts.cohorts_title(worse)
    assert title.key == "chart-cohorts-title-worse"
    ru, en = both(title)
    assert "10\u00a0% против 30\u00a0%" in ru
    assert "10% buy again a month later, down from 30%" in en
    better = [(c, n, [1.0, 0.1 if i < 6 else 0.3]) for i, (c, n, _v) in enumerate(rows)]
    assert cohorts.cohorts_title(better).key == "chart-cohorts-title-better"
    assert cohorts.cohorts_title([]).key == "chart-cohorts-title"


def test_cohorts_drop_partial_last_month() -> None:
    section = cohorts_section(3)
    section["last_month_partial"] = True
    rows = cohorts.cohort_rows({"cohorts": section})
    assert [len(v) for _c, _n, v in rows] == [2, 1, 0]


def test_breakdown_revenue_and_customers_only() -> None:
    groups = breakdown_section()["by"]["city"]["groups"]
    title = breakdown.breakdown_title("city", groups)
    assert title.key == "chart-breakdown-title-revenue-more"
    ru, en = both(title)
    assert ru == "Город «Москва»: 47\u00a0% клиентов приносят 71\u00a0% выручки"
    assert en == 'City "Москва": 47% of customers bring 71% of revenue'
    no_revenue = [{**g, "revenue": 0.0} for g in groups]
    title = breakdown.breakdown_title("channel", no_revenue)
    assert title.key == "chart-breakdown-title-customers"
    assert both(title)[0].startswith("Канал «Москва» — крупнейшая группа")


@pytest.mark.parametrize(
    ("groups", "dimension"),
    [
        ({"city": {"groups": [{"value": "A", "kind": "value", "customers": 1}]}}, None),
        (
            {
                "city": breakdown_section()["by"]["city"],
                "channel": {
                    "groups": [
                        {"value": "vk", "kind": "value", "customers": 3},
                        {"value": "email", "kind": "value", "customers": 2},
                    ]
                },
            },
            "channel",
        ),
    ],
)
def test_breakdown_dimension_choice(groups: dict[str, object], dimension: str | None) -> None:
    picked = breakdown.pick_dimension({"breakdowns": {"by": groups}})
    assert (picked[0] if picked else None) == dimension


@pytest.mark.parametrize(("partial", "month1"), [(True, 0.25), (False, (10 + 4) / 80)])
def test_cohorts_title_month1_leaves_out_the_half_observed_month(
    partial: bool, month1: float
) -> None:
    """January (40: 10 back in February) and February (40: 4 back in March so far). With
    March cut short, February's month 1 is not observed: the title's month 1 is January's
    10 / 40, not (10 + 4) / 80."""
    info = [{"cohort": c, "customers": 40, "young": False, "small": False}
            for c in ("2024-01", "2024-02")]
    report = {"cohorts": {"retention": {"2024-01": [1.0, 0.25, 0.05], "2024-02": [1.0, 0.1]},
                          "cohorts": info, "last_month_partial": partial}}
    title = cohorts.cohorts_title(cohorts.cohort_rows(report))
    assert title.key == "chart-cohorts-title-month1"
    assert title.args["month1_pct"] == pytest.approx(month1)
