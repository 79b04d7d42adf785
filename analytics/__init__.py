"""Kratno analytics: pure computation from uploaded spreadsheets to typed audit results.

The sub-packages in pipeline order: ``ingest`` (reading), ``describe`` (the base),
``predict`` (clusters, CLV), ``advice`` (findings and steps), ``report`` (report.json),
``render`` (charts, texts, PDF/HTML, exports); ``cli`` runs them from the command line,
``toolkit`` holds the questionnaires' logic and ``locales`` every sentence.

pyarrow is installed for ingest's fast CSV reader and Arrow-backed columns, which ingest
asks for explicitly (the clean table's text columns are ``ingest.model.TEXT``). pandas
would otherwise switch every default ``str``/``string`` column of the project to Arrow
storage (whose regex engine differs); columns made elsewhere keep the Python storage they
are written and tested against.
"""

import pandas as pd

pd.set_option("mode.string_storage", "python")
