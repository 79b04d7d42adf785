"""report.json: the audit's one result, assembled from ingest, describe, predict and advice.

* :mod:`analytics.report.build`: the base audit of a clean table (``analyse``) and the
  whole report (``build_report``), used alike by the CLI and the bot's workers;
* :mod:`analytics.report.data`: the ``data`` and ``quality`` sections, from ingest.

The bot, the CLI and the exports render this one dict (see :mod:`analytics.render`).
"""
