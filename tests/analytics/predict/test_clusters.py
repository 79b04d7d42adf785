"""Customer clusters: k choice, reproducibility, degenerate inputs, descriptions."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import pytest
from fluent.syntax import FluentParser, ast
from sklearn.metrics import silhouette_score

from analytics.locales import LOCALES_DIR
from analytics.predict.clusters import Cluster, describe, run_clusters, silhouettes


def groups_table(sizes: tuple[int, ...] = (300, 200, 100), seed: int = 7) -> pd.DataFrame:
    """Well-separated groups: (frequency, avg check, recency days, tenure days) per group."""
    centres = [(20.0, 500.0, 10.0, 900.0), (2.0, 5000.0, 120.0, 400.0), (1.0, 800.0, 600.0, 650.0)]
    rng = np.random.default_rng(seed)
    parts = []
    for size, (freq, check, rec, ten) in zip(sizes, centres, strict=False):
        noise = rng.normal(0.0, 0.05, (size, 4))
        frequency = np.maximum(1, np.round(freq * np.exp(noise[:, 0])))
        avg_check = check * np.exp(noise[:, 1])
        parts.append(
            pd.DataFrame(
                {
                    "frequency": frequency.astype(np.int64),
                    "monetary": frequency * avg_check,
                    "avg_check": avg_check,
                    "recency_days": np.maximum(1, np.round(rec * np.exp(noise[:, 2]))).astype(
                        np.int64
                    ),
                    "tenure_days": np.round(ten * np.exp(noise[:, 3])).astype(np.int64),
                }
            )
        )
    table = pd.concat(parts, ignore_index=True)
    table.insert(0, "customer_key", [f"c{i}" for i in range(len(table))])
    return table


def test_three_separated_groups_give_k3_and_sizes() -> None:
    table = groups_table()
    result = run_clusters(table)
    assert result.status == "ok"
    assert result.chosen_by == "silhouette"
    assert result.k == 3
    assert set(result.silhouette) == set(range(2, 9))
    assert max(result.silhouette, key=lambda k: result.silhouette[k]) == 3
    assert sorted(c.size for c in result.clusters) == [100, 200, 300]
    # labels match the generating groups one to one
    truth = np.repeat([0, 1, 2], [300, 200, 100])
    pairs = set(zip(truth.tolist(), result.labels.tolist(), strict=True))
    assert len(pairs) == 3
    assert sum(c.share for c in result.clusters) == pytest.approx(1.0)
    assert sum(c.revenue_share or 0 for c in result.clusters) == pytest.approx(1.0)
    # ordered by revenue
    revenues = [c.revenue for c in result.clusters]
    assert revenues == sorted(revenues, reverse=True)


def test_centroids_and_levels_in_original_units() -> None:
    result = run_clusters(groups_table())
    frequent = max(result.clusters, key=lambda c: c.centroid["frequency"] or 0)
    assert frequent.centroid["frequency"] == pytest.approx(20, abs=1)
    assert frequent.levels["frequency"] == "high"
    assert frequent.levels["check"] == "low"
    assert frequent.levels["recency"] == "recent"
    assert frequent.months_away == 0
    gone = max(result.clusters, key=lambda c: c.centroid["recency_days"] or 0)
    assert gone.levels["recency"] == "long_gone"
    assert gone.months_away == 20
    assert gone.levels["frequency"] == "low" or gone.levels["frequency"] == "typical"


def test_reproducible_with_seed() -> None:
    table = groups_table(seed=3)
    a = run_clusters(table, seed=5, sample=200)
    b = run_clusters(table, seed=5, sample=200)
    assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())
    assert np.array_equal(a.labels, b.labels)


def test_given_k_is_honoured() -> None:
    result = run_clusters(groups_table(), k=5)
    assert result.chosen_by == "given"
    assert result.k == 5
    assert result.silhouette == {}
    assert len(result.clusters) == 5
    assert sorted(set(result.labels.tolist())) == [0, 1, 2, 3, 4]
    one = run_clusters(groups_table(), k=1)
    assert one.k == 1 and one.chosen_by == "given"
    with pytest.raises(ValueError):
        run_clusters(groups_table(), k=0)


def test_too_few_customers() -> None:
    result = run_clusters(groups_table(sizes=(5, 5, 5)))
    assert result.status == "too_few_customers"
    assert result.k == 1
    assert result.clusters[0].size == 15
    assert (result.labels == 0).all()
    empty = run_clusters(groups_table(sizes=(0, 0, 0)))
    assert empty.status == "too_few_customers" and empty.clusters == ()


def test_no_variation() -> None:
    table = pd.DataFrame(
        {
            "customer_key": [f"c{i}" for i in range(50)],
            "frequency": 2,
            "monetary": 1000.0,
            "avg_check": 500.0,
            "recency_days": 30,
            "tenure_days": 200,
        }
    )
    result = run_clusters(table)
    assert result.status == "no_variation"
    assert result.k == 1
    assert result.clusters[0].size == 50
    assert result.to_dict()["clusters"][0]["revenue_share"] == 1.0


def test_missing_core_values_are_not_clustered() -> None:
    table = groups_table()
    table["recency_days"] = table["recency_days"].astype(float)
    table.loc[[0, 5], "recency_days"] = np.nan
    result = run_clusters(table, k=3)
    assert result.labels[0] == -1 and result.labels[5] == -1
    assert sum(c.size for c in result.clusters) == len(table) - 2


def test_to_dict_and_points() -> None:
    result = run_clusters(groups_table(), sample=250)
    d = result.to_dict()
    json.dumps(d)
    assert d["k"] == 3 and d["chosen_by"] == "silhouette"
    assert len(d["labels"]) == 600
    assert set(d["clusters"][0]) >= {
        "id",
        "size",
        "share",
        "revenue",
        "revenue_share",
        "centroid",
        "levels",
    }
    assert set(d["clusters"][0]["centroid"]) == {
        "recency_days",
        "frequency",
        "monetary",
        "avg_check",
        "tenure_days",
    }
    assert result.points.shape == (250, 2)
    assert len(d["points"]["x"]) == len(d["points"]["cluster"]) == 250
    assert "labels" not in result.to_dict(include_labels=False)


def test_silhouettes_match_sklearn() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(700, 3))
    labs = [rng.integers(0, k, 700).astype(np.int64) for k in (2, 4)]
    labs.append(np.r_[np.zeros(699, dtype=np.int64), 1])  # a singleton cluster
    ours = silhouettes(x, labs, chunk=256)
    theirs = [silhouette_score(x, lab) for lab in labs]
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_real_sample(sample_audit: Any) -> None:
    shop_table = sample_audit.customers.frame
    result = run_clusters(shop_table)
    assert result.status == "ok"
    assert 2 <= result.k <= 8
    assert sum(c.size for c in result.clusters) == len(shop_table)
    for c in result.clusters:
        assert describe(c, "ru") and describe(c, "en")


KNOWN = Cluster(
    id=0,
    size=10,
    share=0.1,
    revenue=1000.0,
    revenue_share=0.2,
    centroid={"recency_days": 122.0, "frequency": 8.0},
    levels={"frequency": "high", "check": "low", "recency": "away", "tenure": "typical"},
    months_away=4,
    tenure_months=20,
)


def test_describe_known_centroid() -> None:
    assert describe(KNOWN, "ru") == "частые покупатели с небольшим чеком, не покупают 4 месяца"
    assert describe(KNOWN, "en") == "frequent buyers with small checks, away for 4 months"
    assert describe(KNOWN.to_dict(), "ru") == describe(KNOWN, "ru")


@pytest.mark.parametrize(
    ("months", "ru"),
    [
        (1, "не покупают 1 месяц"),
        (2, "не покупают 2 месяца"),
        (5, "не покупают 5 месяцев"),
        (21, "не покупают 21 месяц"),
        (11, "не покупают 11 месяцев"),
    ],
)
def test_russian_plurals(months: int, ru: str) -> None:
    d = KNOWN.to_dict() | {"months_away": months}
    assert describe(d, "ru").endswith(ru)


def test_describe_optional_clauses() -> None:
    d = KNOWN.to_dict() | {
        "levels": {
            "frequency": "low",
            "check": "high",
            "recency": "long_gone",
            "tenure": "new",
            "categories": "high",
        },
        "months_away": 14,
        "tenure_months": 3,
    }
    assert describe(d, "ru") == (
        "редкие покупатели с крупным чеком, давно ушли: не покупают 14 месяцев, "
        "пришли 3 месяца назад, покупают из многих категорий"
    )
    assert describe(d, "en") == (
        "rare buyers with large checks, long gone: away for 14 months, "
        "joined 3 months ago, buy across many categories"
    )
    recent = KNOWN.to_dict() | {"levels": {"recency": "recent"}, "months_away": 0}
    assert describe(recent, "ru") == "покупатели с обычным чеком, покупали в последний месяц"


def ftl_keys(lang: str) -> set[str]:
    resource = FluentParser().parse((LOCALES_DIR / lang / "clusters.ftl").read_text("utf-8"))
    junk = [e for e in resource.body if isinstance(e, ast.Junk)]
    assert not junk, f"{lang}/clusters.ftl has syntax errors: {str(junk[0].content)[:80]}"
    return {e.id.name for e in resource.body if isinstance(e, ast.Message)}


def test_locales_same_keys() -> None:
    assert ftl_keys("ru") == ftl_keys("en")


def test_points_for_the_chart_are_a_capped_seeded_sample() -> None:
    from analytics.predict.clusters import MAX_POINTS

    table = groups_table(sizes=(1500, 1000, 500))
    d = run_clusters(table, seed=3).to_dict(include_labels=False)
    points = d["points"]
    assert set(points) == {"x", "y", "cluster"}  # row positions stay out of report.json
    assert len(points["x"]) == len(points["y"]) == len(points["cluster"]) == MAX_POINTS == 1500
    assert points == run_clusters(table, seed=3).to_dict(include_labels=False)["points"]
    # drawn uniformly: each cluster shows roughly in proportion to its size
    shares = np.bincount(points["cluster"]) / MAX_POINTS
    np.testing.assert_allclose(shares, [c["share"] for c in d["clusters"]], atol=0.05)
    assert len(json.dumps(points)) < 40_000
