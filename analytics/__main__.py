"""``python -m analytics``: the offline audit and the growth toolkit."""

import sys

from analytics.cli import main

sys.exit(main())
