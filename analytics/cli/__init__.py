"""The command line, ``python -m analytics``: the offline audit and the growth toolkit.

* :mod:`~analytics.cli.main`: the argument parser and the dispatch;
* :mod:`~analytics.cli.audit`: ``audit FILE``, written to files or stdout;
* :mod:`~analytics.cli.drawing`: the forked child that draws the charts and the report;
* :mod:`~analytics.cli.stage_clock`: stage times for ``--timings``;
* :mod:`~analytics.cli.toolkit`: ``toolkit ANSWERS``, the intake brief.
"""
