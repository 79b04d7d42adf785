"""Kratno analytics: pure computation from uploaded spreadsheets to typed audit results.

pyarrow is installed for ingest's fast CSV reader and Arrow-backed columns, which ingest
asks for explicitly (the clean table's text columns are ``ingest.model.TEXT``). pandas
would otherwise switch every default ``str``/``string`` column of the project to Arrow
storage (whose regex engine differs); columns made elsewhere keep the Python storage they
are written and tested against.
"""

import pandas as pd

pd.set_option("mode.string_storage", "python")
