"""``python -m analytics``: the offline audit and the growth toolkit."""

import os
import sys
import warnings

from analytics.cli.main import main

if not sys.warnoptions:  # -W or PYTHONWARNINGS asked for them: show them
    # The contract of the command line is one human line on stderr: library warnings
    # (pandas, numpy) about data they were handed are not for the user.
    warnings.simplefilter("ignore")

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:
    code = 0  # stdout's reader stopped early (``--json | head``): everything else is done
sys.stderr.flush()
# Everything is written and flushed: leave without freeing a large heap object by object
# (about half a second after a 1,000,000-row audit).
os._exit(code)
