"""Kratno analytics: pure computation from uploaded spreadsheets to typed audit results.

pyarrow is installed for ingest's fast CSV reader and Arrow-backed columns, which ingest
asks for explicitly. pandas would otherwise switch every default ``str``/``string`` column
of the project to Arrow storage (whose regex engine differs); the project keeps the
Python storage it is written and tested against.
"""

import pandas as pd

pd.set_option("mode.string_storage", "python")
