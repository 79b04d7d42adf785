from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analytics.audit_cli import analyse
from analytics.ingest import ingest_file

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "shop_orders.csv"


@pytest.fixture(scope="session")
def shop_table() -> pd.DataFrame:
    return analyse(ingest_file(SAMPLE)).customers.frame
