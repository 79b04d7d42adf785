"""The ``clv`` section of report.json: the fitted models, per-segment sums and the holdout.

``clv_section(audit)`` runs :func:`analytics.predict.clv.run_clv` on the audit's customer
table, sums its predictions per RFM segment
(:meth:`analytics.predict.clv.ClvResult.by_segment`, in the order of
:data:`analytics.describe.rfm.SEGMENTS`) and adds
:func:`analytics.predict.clv_holdout.holdout_check` on the audit's prepared orders, so the
owner sees how well the model forecast this very data.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analytics.describe.audit import BaseAudit
from analytics.describe.rfm import SEGMENTS
from analytics.predict.clv import run_clv
from analytics.predict.clv_holdout import holdout_check


def clv_section(audit: BaseAudit, *, holdout: bool = True) -> dict[str, Any]:
    """``clv``: :meth:`ClvResult.to_dict` plus ``segments`` and (unless ``holdout`` is
    false) ``holdout``."""
    result = run_clv(audit.customers)
    labels = pd.Series(
        audit.rfm.segment_labels().to_numpy(), index=audit.customers.frame.index, dtype=object
    )
    section = {**result.to_dict(), "segments": result.by_segment(labels, SEGMENTS)}
    if holdout:
        section["holdout"] = holdout_check(audit.prepared).to_dict()
    return section
