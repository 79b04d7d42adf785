"""``python -m analytics``: the offline audit and the growth toolkit."""

import os
import sys

from analytics.cli.main import main

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:
    code = 0  # stdout's reader stopped early (``--json | head``): everything else is done
sys.stderr.flush()
# Everything is written and flushed: leave without freeing a large heap object by object
# (about half a second after a 1,000,000-row audit).
os._exit(code)
