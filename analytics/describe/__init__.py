"""Describing the customer base: what happened, computed on ingest's clean table.

* :mod:`~analytics.describe.customers`: the per-customer table shared by everything below;
* :mod:`~analytics.describe.metrics`: growth metrics, whole period and monthly;
* :mod:`~analytics.describe.lifecycle`: the active base next to the total base, churn;
* :mod:`~analytics.describe.rfm`: RFM scores and the eleven segments;
* :mod:`~analytics.describe.cohorts`: retention and revenue by month of first purchase;
* :mod:`~analytics.describe.breakdowns`: the base by city, channel, category, segment; NPS;
* :mod:`~analytics.describe.audit`: all of them in one call (the base audit).
"""
