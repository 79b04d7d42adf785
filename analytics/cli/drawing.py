"""The offline audit's charts and PDF/HTML report, drawn in a forked child.

The child is forked before ingest: it imports matplotlib and fpdf2 and warms the font
caches while the file is parsed (for a big file, once the parent's own imports are done
and leave a core free). It draws the base audit's charts while the parent computes
clusters, CLV and advice, then the rest and the PDF/HTML report while the parent writes
the customer exports. If the child is gone, the parent draws everything itself.
"""

from __future__ import annotations

import multiprocessing
import sys
from contextlib import suppress
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from analytics.cli.stage_clock import StageClock
from analytics.render import DRAWING_MODULES

WARM_UP = "warm up"


def draw(out: Path, report: dict[str, Any], lang: str) -> dict[str, float]:
    """Write charts/*.png, report.pdf and report.html into ``out``; seconds per stage."""
    from analytics.render.charts import render_charts

    clock = StageClock()
    with clock("charts"):
        charts = render_charts(report, lang)
        _save_charts(out, charts)
    with clock("report"):
        _documents(out, report, charts, lang)
    return clock.stages


def _save_charts(out: Path, charts: dict[str, bytes]) -> None:
    (out / "charts").mkdir(parents=True, exist_ok=True)
    for name, png in charts.items():
        (out / "charts" / f"{name}.png").write_bytes(png)


def _documents(out: Path, report: dict[str, Any], charts: dict[str, bytes], lang: str) -> None:
    from analytics.render.report_pdf import audit_html, audit_pdf

    (out / "report.pdf").write_bytes(audit_pdf(report, charts, lang))
    (out / "report.html").write_text(audit_html(report, charts, lang), encoding="utf-8")


class Drawing:
    """A drawing child for one audit, started at once. Each ``start`` hands it the report
    as it grows: it draws the charts the report has data for and has not drawn yet; the
    report documents come once the report is complete (``start(..., complete=True)`` or
    ``finish``)."""

    def __init__(self, out: Path, lang: str, warm_up_now: bool = True) -> None:
        """``warm_up_now``: import and warm up at once; else on ``warm_up`` or when the
        first report comes (for big files, whose parsing would share the cores with it)."""
        self.out, self.lang = out, lang
        context = multiprocessing.get_context("fork")
        self._pipe, child_end = context.Pipe()
        self._process = context.Process(
            target=_child, args=(child_end, self._pipe, out, lang, warm_up_now), daemon=True
        )
        sys.stdout.flush()  # the child flushes its copy of any buffered output when it ends
        sys.stderr.flush()
        self._process.start()
        child_end.close()
        self._report: dict[str, Any] | None = None
        self._complete = self._finished = False

    def warm_up(self) -> None:
        """Let a child made with ``warm_up_now=False`` warm up now (when the caller leaves
        a core free before the first report)."""
        with suppress(OSError):
            self._pipe.send(WARM_UP)

    def start(self, report: dict[str, Any], complete: bool = False) -> None:
        """Send the child the report as it stands (it draws while the caller works on);
        once ``complete``, the child goes on to the report documents without waiting for
        ``finish``."""
        self._report = report
        with suppress(OSError):  # the child is gone: ``finish`` draws here
            self._pipe.send(report)
            if complete:
                self._pipe.send(None)
                self._complete = True

    def finish(self) -> dict[str, float]:
        """The last report sent is complete: wait for the charts and the report documents;
        seconds per stage (all drawn here if the child failed)."""
        if self._report is None:
            raise RuntimeError("nothing to draw: call start() first")
        try:
            if not self._complete:
                self._pipe.send(None)
            received: object = self._pipe.recv()
        except (EOFError, OSError):  # the child died without a word
            received = None
        self._finished = True
        self.close()
        if self._process.exitcode == 0 and isinstance(received, dict):
            return {str(stage): float(seconds) for stage, seconds in received.items()}
        self.out.mkdir(parents=True, exist_ok=True)
        return draw(self.out, self._report, self.lang)

    def __enter__(self) -> Drawing:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the child: once it has sent its result, a closed pipe ends it; before
        (bad input, an error), it is killed at once rather than waited for."""
        self._pipe.close()
        if self._finished:
            self._process.join(5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def _child(
    pipe: Connection, parent_end: Connection, out: Path, lang: str, warm_up_now: bool
) -> None:
    parent_end.close()  # the fork's copy: else the parent closing its end would not end recv
    try:
        if warm_up_now:
            _warm_up()
        update = pipe.recv()
        if update == WARM_UP:
            if not warm_up_now:
                _warm_up()
            update = pipe.recv()
        from analytics.render.charts import RENDERERS, render_charts

        charts: dict[str, bytes] = {}
        clock = StageClock()
        report: dict[str, Any] | None = None
        while update is not None:
            report = update
            with clock("charts"):
                todo = [name for name in RENDERERS if name not in charts]
                drawn = render_charts(report, lang, names=todo)
                _save_charts(out, drawn)
                charts.update(drawn)
            update = pipe.recv()
    except (EOFError, OSError):  # no report coming (bad input): nothing to draw
        return
    try:
        if report is None:
            raise RuntimeError("no report was sent")
        in_order = {name: charts[name] for name in RENDERERS if name in charts}
        with clock("report"):
            _documents(out, report, in_order, lang)
        pipe.send(clock.stages)
    except BaseException:  # the parent draws again and reports any error itself
        pipe.send(None)
    finally:
        pipe.close()


def _warm_up() -> None:
    """Import the drawing modules and lay out one text, so fonts are cached."""
    import importlib
    import io

    for name in DRAWING_MODULES:
        importlib.import_module(name)
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1))
    figure.add_subplot().set_title("Выручка 1 234 ₽", fontweight="bold")
    figure.savefig(io.BytesIO(), format="png")
