"""Customer clusters: k-means on log-scaled, standardised behaviour features.

Input: the per-customer table (:attr:`analytics.describe.customers.CustomerTable.frame`).

Features (each ``log1p``-scaled, then standardised; a feature with no variation is dropped):
``recency_days``, ``frequency``, ``monetary`` and, where present, ``tenure_days``,
category diversity (``n_categories`` or ``categories``) and ``avg_check``. Rows with a missing
core feature (recency, frequency, monetary) get no cluster (label ``-1``); a missing optional
value is replaced by the median.

Choosing k (2..8, unless given): k-means is fitted on a seeded random sample of at most
``sample`` customers for each candidate k and scored by the silhouette on that same sample,
so the cost of the choice does not grow with the base. The final model is then fitted on all
customers, started from the chosen sample centres (one init), so the whole run is linear.

Clusters are ordered by revenue (largest first) and described by *codes* and numbers relative
to the base: for each feature the cluster median against the base quartiles and median.
Sentences come from ``locales/<lang>/clusters.ftl`` via :func:`describe`.

Degenerate data (fewer than :data:`MIN_CUSTOMERS` customers or no variation in any feature)
returns ``status`` ``too_few_customers`` / ``no_variation`` with ``k = 1``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from threadpoolctl import ThreadpoolController

from analytics.describe.customers import rnd
from analytics.locales import t

if TYPE_CHECKING:  # scikit-learn takes about a second to import; describe() needs none of it
    from sklearn.cluster import KMeans

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: The BLAS and OpenMP pools numpy, scipy and scikit-learn loaded, found once (see
#: :func:`run_clusters` for why they are limited to one thread).
THREADS = ThreadpoolController()

MIN_CUSTOMERS = 20
K_RANGE = (2, 8)
N_INIT = 3
MAX_POINTS = 1500  # 2-D points kept for the chart (report.json stays ~50 KB)
DAYS_PER_MONTH = 30.4375

Status = Literal["ok", "too_few_customers", "no_variation"]

CORE_FEATURES = ("recency_days", "frequency", "monetary")
DIVERSITY_COLUMNS = ("n_categories", "categories", "category_count")
OPTIONAL_FEATURES = ("avg_check", "tenure_days")

# Centroid keys in result order: feature name -> column in the customer table.
CENTROID_KEYS = ("recency_days", "frequency", "monetary", "avg_check", "tenure_days", "categories")


# ---------------------------------------------------------------------------------------------
# results


@dataclass(frozen=True)
class Cluster:
    """One cluster: size, revenue, medians in original units and description codes.

    ``levels`` maps a feature to its code relative to the base: ``frequency``, ``check``,
    ``monetary``, ``categories``: ``high``/``typical``/``low``; ``recency``:
    ``recent``/``away``/``long_gone``; ``tenure``: ``new``/``typical``/``long``.
    ``months_away`` is the median recency in whole months, ``tenure_months`` the median tenure.
    """

    id: int
    size: int
    share: float
    revenue: float
    revenue_share: float | None
    centroid: Mapping[str, float | None]
    levels: Mapping[str, str]
    months_away: int
    tenure_months: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "size": self.size,
            "share": rnd(self.share, 4),
            "revenue": rnd(self.revenue),
            "revenue_share": rnd(self.revenue_share, 4),
            "centroid": {k: rnd(v) for k, v in self.centroid.items()},
            "levels": dict(self.levels),
            "months_away": self.months_away,
            "tenure_months": self.tenure_months,
        }


@dataclass(frozen=True, eq=False)
class ClusterResult:
    """Clusters of a customer base.

    ``labels`` has one entry per row of the input table (``-1``: not clustered, i.e. a core
    feature was missing). ``points`` holds the first two principal components of the
    standardised features for a seeded random sample of at most :data:`MAX_POINTS` customers
    (``point_rows`` are their row positions, ``point_labels`` their clusters) for the scatter
    chart; the sample is drawn uniformly, so each cluster shows in proportion to its size.
    """

    status: Status
    k: int
    chosen_by: Literal["silhouette", "given"]
    seed: int
    features: tuple[str, ...]
    silhouette: Mapping[int, float]
    clusters: tuple[Cluster, ...]
    labels: IntArray
    points: FloatArray = field(default_factory=lambda: np.zeros((0, 2)))
    point_rows: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def point_labels(self) -> IntArray:
        return self.labels[self.point_rows]

    def to_dict(self, include_labels: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "k": self.k,
            "chosen_by": self.chosen_by,
            "seed": self.seed,
            "features": list(self.features),
            "silhouette": {str(k): rnd(v, 4) for k, v in self.silhouette.items()},
            "clusters": [c.to_dict() for c in self.clusters],
            "points": {
                "x": [rnd(v, 3) for v in self.points[:, 0]] if len(self.points) else [],
                "y": [rnd(v, 3) for v in self.points[:, 1]] if len(self.points) else [],
                "cluster": self.point_labels.tolist(),
            },
        }
        if include_labels:
            out["labels"] = self.labels.tolist()
        return out


# ---------------------------------------------------------------------------------------------
# features


def _column(table: pd.DataFrame, name: str) -> FloatArray | None:
    if name not in table.columns:
        return None
    values = pd.to_numeric(table[name], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    return values if np.isfinite(values).any() else None


def _raw_features(table: pd.DataFrame) -> tuple[dict[str, FloatArray], npt.NDArray[np.bool_]]:
    """Feature columns in original units and the mask of rows that can be clustered."""
    n = len(table)
    raw: dict[str, FloatArray] = {}
    ok = np.ones(n, dtype=bool)
    for name in CORE_FEATURES:
        col = _column(table, name)
        if col is None:
            return {}, np.zeros(n, dtype=bool)
        raw[name] = col
        ok &= np.isfinite(col)
    for name in OPTIONAL_FEATURES:
        col = _column(table, name)
        if col is not None:
            raw[name] = col
    for name in DIVERSITY_COLUMNS:
        col = _column(table, name)
        if col is not None:
            raw["categories"] = col
            break
    return raw, ok


def _standardise(
    raw: Mapping[str, FloatArray], ok: npt.NDArray[np.bool_]
) -> tuple[FloatArray, tuple[str, ...]]:
    """log1p-scaled, standardised matrix of the clusterable rows; constant features dropped."""
    cols: list[FloatArray] = []
    names: list[str] = []
    for name, values in raw.items():
        v = values[ok]
        finite = np.isfinite(v)
        if not finite.all():
            v = np.where(finite, v, np.median(v[finite]) if finite.any() else 0.0)
        x = np.log1p(np.clip(v, 0.0, None))
        sd = float(x.std())
        if sd < 1e-9:
            continue
        cols.append((x - x.mean()) / sd)
        names.append(name)
    if not cols:
        return np.zeros((int(ok.sum()), 0)), ()
    return np.ascontiguousarray(np.column_stack(cols)), tuple(names)


# ---------------------------------------------------------------------------------------------
# description codes


def _level(value: float, q: tuple[float, float, float], codes: tuple[str, str, str]) -> str:
    """``codes[0]`` at or above the base's upper quartile (and above its median),
    ``codes[2]`` at or below the lower quartile (and below the median), else ``codes[1]``."""
    lo, mid, hi = q
    if value >= hi and value > mid:
        return codes[0]
    if value <= lo and value < mid:
        return codes[2]
    return codes[1]


def _months(days: float) -> int:
    return max(0, round(days / DAYS_PER_MONTH))


def _describe_cluster(
    cid: int,
    members: npt.NDArray[np.bool_],
    *,
    raw: Mapping[str, FloatArray],
    base_q: Mapping[str, tuple[float, float, float]],
    n_total: int,
    revenue_total: float,
) -> Cluster:
    medians: dict[str, float | None] = {}
    for key in CENTROID_KEYS:
        if key in raw:
            v = raw[key][members]
            v = v[np.isfinite(v)]
            medians[key] = float(np.median(v)) if len(v) else None
    levels: dict[str, str] = {}
    hl = ("high", "typical", "low")
    for key, code in (
        ("frequency", "frequency"),
        ("avg_check", "check"),
        ("monetary", "monetary"),
        ("categories", "categories"),
    ):
        m = medians.get(key)
        if m is not None and key in base_q:
            levels[code] = _level(m, base_q[key], hl)
    recency = medians["recency_days"] or 0.0
    levels["recency"] = _level(recency, base_q["recency_days"], ("long_gone", "away", "recent"))
    tenure = medians.get("tenure_days")
    if tenure is not None and "tenure_days" in base_q:
        levels["tenure"] = _level(tenure, base_q["tenure_days"], ("long", "typical", "new"))
    size = int(members.sum())
    revenue = float(np.nansum(raw["monetary"][members]))
    return Cluster(
        id=cid,
        size=size,
        share=size / n_total if n_total else 0.0,
        revenue=revenue,
        revenue_share=revenue / revenue_total if revenue_total > 0 else None,
        centroid=medians,
        levels=levels,
        months_away=_months(recency),
        tenure_months=None if tenure is None else _months(tenure),
    )


def _base_quartiles(
    raw: Mapping[str, FloatArray], ok: npt.NDArray[np.bool_]
) -> dict[str, tuple[float, float, float]]:
    out: dict[str, tuple[float, float, float]] = {}
    for key, values in raw.items():
        v = values[ok]
        v = v[np.isfinite(v)]
        if len(v):
            q1, q2, q3 = np.quantile(v, [0.25, 0.5, 0.75])
            out[key] = (float(q1), float(q2), float(q3))
    return out


# ---------------------------------------------------------------------------------------------
# clustering


def _fit(x: FloatArray, k: int, seed: int, init: FloatArray | None = None) -> KMeans:
    from sklearn.cluster import KMeans

    if init is not None:
        return KMeans(n_clusters=k, init=init, n_init=1, random_state=seed).fit(x)
    model = KMeans(n_clusters=k, n_init=N_INIT, random_state=seed)
    model.fit(x)
    return model


def silhouettes(x: FloatArray, label_sets: Sequence[IntArray], chunk: int = 1000) -> list[float]:
    """Mean silhouette (Euclidean) of ``x`` for each labelling in ``label_sets``.

    The same definition as :func:`sklearn.metrics.silhouette_score` (a point alone in its
    cluster scores 0), but each block of pairwise distances is computed once and shared by
    every candidate k: ``O(n^2 d + n^2 k)`` per sample instead of ``O(n^2 d)`` per k.
    """
    n = len(x)
    sq = np.einsum("ij,ij->i", x, x)
    counts = []
    for lab in label_sets:
        counts.append(np.bincount(lab, minlength=int(lab.max()) + 1).astype(np.float64))
    # one GEMM per block for every labelling: the one-hot columns of all k side by side
    offsets = np.cumsum([0, *(len(c) for c in counts)])
    onehot = np.zeros((n, int(offsets[-1])))
    for j, lab in enumerate(label_sets):
        onehot[np.arange(n), offsets[j] + lab] = 1.0
    totals = [0.0] * len(label_sets)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        d2 = sq[start:stop, None] + sq[None, :] - 2.0 * (x[start:stop] @ x.T)
        np.maximum(d2, 0.0, out=d2)
        d = np.sqrt(d2, out=d2)
        d[np.arange(stop - start), np.arange(start, stop)] = 0.0
        rows = np.arange(stop - start)
        all_sums = d @ onehot
        for j, lab in enumerate(label_sets):
            sums = all_sums[:, offsets[j] : offsets[j + 1]]
            own = lab[start:stop]
            cnt = counts[j]
            own_cnt = cnt[own]
            a = sums[rows, own] / np.maximum(own_cnt - 1.0, 1.0)
            means = sums / np.maximum(cnt, 1.0)
            means[:, cnt == 0] = np.inf
            means[rows, own] = np.inf
            b = means.min(axis=1)
            denom = np.maximum(a, b)
            s = np.where(denom > 0, (b - a) / np.where(denom > 0, denom, 1.0), 0.0)
            s[own_cnt <= 1] = 0.0
            totals[j] += float(s.sum())
    return [tot / n for tot in totals]


def _pca2(x: FloatArray) -> FloatArray:
    """First two principal components (sign fixed: largest loading positive)."""
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    comps = vt[:2]
    signs = np.sign(comps[np.arange(len(comps)), np.abs(comps).argmax(axis=1)])
    comps = comps * signs[:, None]
    proj = centred @ comps.T
    if proj.shape[1] < 2:
        proj = np.column_stack([proj, np.zeros(len(proj))])
    return np.asarray(proj, dtype=np.float64)


def run_clusters(
    table: pd.DataFrame, k: int | None = None, seed: int = 0, sample: int = 5000
) -> ClusterResult:
    """Cluster the customers of ``table``; ``k`` is chosen by silhouette when not given.

    BLAS and OpenMP run on one thread: audits run in a process pool, and on a busy 2-core
    machine the spin-waiting threads of k-means cost seconds (a 469-customer sample took
    4-5 s with two threads against other processes, 0.1 s with one).
    """
    with THREADS.limit(limits=1):
        return _run_clusters(table, k, seed, sample)


def _run_clusters(table: pd.DataFrame, k: int | None, seed: int, sample: int) -> ClusterResult:
    if k is not None and k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if sample < 2:
        raise ValueError(f"sample must be at least 2, got {sample}")
    n_rows = len(table)
    raw, ok = _raw_features(table)
    rows = np.flatnonzero(ok)
    n = len(rows)
    chosen_by: Literal["silhouette", "given"] = "silhouette" if k is None else "given"
    labels = np.full(n_rows, -1, dtype=np.int64)

    def single(status: Status, x: FloatArray | None = None) -> ClusterResult:
        labels[rows] = 0
        clusters: tuple[Cluster, ...] = ()
        if n:
            base_q = _base_quartiles(raw, ok)
            revenue_total = float(np.nansum(raw["monetary"][ok]))
            clusters = (
                _describe_cluster(
                    0, ok, raw=raw, base_q=base_q, n_total=n, revenue_total=revenue_total
                ),
            )
        return ClusterResult(
            status=status,
            k=1,
            chosen_by=chosen_by,
            seed=seed,
            features=(),
            silhouette={},
            clusters=clusters,
            labels=labels,
        )

    if n < MIN_CUSTOMERS:
        return single("too_few_customers")
    x, names = _standardise(raw, ok)
    if not names:
        return single("no_variation")
    rng = np.random.default_rng(seed)
    pick = np.sort(rng.choice(n, size=min(n, sample), replace=False))
    xs = x[pick]
    n_distinct = len(np.unique(np.round(xs, 9), axis=0))
    if n_distinct < 2:
        return single("no_variation")
    silhouette: dict[int, float] = {}
    if k is None:
        k_hi = min(K_RANGE[1], n_distinct - 1, len(pick) - 1)
        fits: list[tuple[int, IntArray, FloatArray]] = []
        for kk in range(K_RANGE[0], k_hi + 1):
            model = _fit(xs, kk, seed)
            lab = np.asarray(model.labels_, dtype=np.int64)
            if len(np.unique(lab)) >= 2:
                fits.append((kk, lab, np.asarray(model.cluster_centers_, dtype=np.float64)))
        if not fits:
            return single("no_variation")
        scores = silhouettes(xs, [lab for _, lab, _ in fits])
        silhouette = {kk: sc for (kk, _, _), sc in zip(fits, scores, strict=True)}
        # The best score wins; ties (within 1e-9) go to the smaller k.
        best = max(range(len(fits)), key=lambda i: (round(scores[i], 9), -fits[i][0]))
        k_final, init = fits[best][0], fits[best][2]
    else:
        k_final = min(k, n_distinct)
        if k_final == 1:
            return single("ok")
        init = np.asarray(_fit(xs, k_final, seed).cluster_centers_, dtype=np.float64)
    final = _fit(x, k_final, seed, init)
    raw_labels = np.asarray(final.labels_, dtype=np.int64)

    # Order clusters by revenue (largest first), then size, so ids are stable and meaningful.
    monetary = np.nan_to_num(raw["monetary"][ok])
    revenue = np.bincount(raw_labels, weights=monetary, minlength=k_final)
    sizes = np.bincount(raw_labels, minlength=k_final)
    order = sorted(range(k_final), key=lambda c: (-revenue[c], -sizes[c], c))
    order = [c for c in order if sizes[c] > 0]
    remap = np.full(k_final, -1, dtype=np.int64)
    remap[order] = np.arange(len(order))
    cl = remap[raw_labels]
    labels[rows] = cl

    base_q = _base_quartiles(raw, ok)
    revenue_total = float(monetary.sum())
    clusters = tuple(
        _describe_cluster(
            i, labels == i, raw=raw, base_q=base_q, n_total=n, revenue_total=revenue_total
        )
        for i in range(len(order))
    )
    pts_pick = (
        pick[:MAX_POINTS]
        if len(pick) <= MAX_POINTS
        else np.sort(rng.choice(pick, size=MAX_POINTS, replace=False))
    )
    return ClusterResult(
        status="ok",
        k=len(order),
        chosen_by=chosen_by,
        seed=seed,
        features=names,
        silhouette=silhouette,
        clusters=clusters,
        labels=labels,
        points=_pca2(x[pts_pick]),
        point_rows=rows[pts_pick],
    )


# ---------------------------------------------------------------------------------------------
# texts


def describe(cluster: Cluster | Mapping[str, Any], lang: str) -> str:
    """A one-line business description of ``cluster`` (a :class:`Cluster` or its dict).

    E.g. ``"частые покупатели с небольшим чеком, не покупают 4 месяца"``.
    """
    data = cluster.to_dict() if isinstance(cluster, Cluster) else cluster
    levels: Mapping[str, str] = data.get("levels", {})
    months = int(data.get("months_away") or 0)
    who = t(lang, f"cluster-frequency-{levels.get('frequency', 'typical')}")
    check = t(lang, f"cluster-check-{levels.get('check', 'typical')}")
    parts: list[str] = [t(lang, "cluster-who", who=who, check=check)]
    parts.append(t(lang, f"cluster-recency-{levels.get('recency', 'away')}", months=months))
    extras: Sequence[tuple[str, str]] = (("tenure", "typical"), ("categories", "typical"))
    for key, neutral in extras:
        level = levels.get(key)
        if level and level != neutral:
            args: dict[str, Any] = {}
            if key == "tenure":
                args["months"] = int(data.get("tenure_months") or 0)
            parts.append(t(lang, f"cluster-{key}-{level}", **args))
    return ", ".join(parts)
