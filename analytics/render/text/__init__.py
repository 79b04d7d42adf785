"""The audit as text, shared by the CLI (summary.txt) and the bot (chat messages).

* :mod:`~analytics.render.text.sections`: the report's text sections;
* :mod:`~analytics.render.text.advice`: sentences for findings, steps and the comparison;
* :mod:`~analytics.render.text.quality`: the data-quality summary;
* :mod:`~analytics.render.text.kit`: localised formatting and size-limited output.
"""
