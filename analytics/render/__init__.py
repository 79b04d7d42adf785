"""Renderings of report.json, each in the user's language (texts from :mod:`analytics.locales`).

* ``charts/``: the audit's charts as phone-readable PNGs;
* ``text/``: the text sections (CLI summary, chat messages), the advice sentences and the
  data-quality summary;
* :mod:`~analytics.render.report_pdf`: the one-file report, PDF and HTML;
* :mod:`~analytics.render.document`: the small document model behind every PDF, Markdown
  and HTML file, and :mod:`~analytics.render.chat` for the same document as chat messages;
* :mod:`~analytics.render.customers_export`: the customers table, CSV and XLSX;
* :mod:`~analytics.render.formatting`: numbers, money, shares and dates per locale.
"""

DRAWING_MODULES = ("analytics.render.charts", "analytics.render.report_pdf")
"""The modules that draw (matplotlib, fpdf2): imported ahead by processes that will draw."""
