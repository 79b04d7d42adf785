"""The offline audit's charts and PDF/HTML report, drawn in a forked child.

The child is forked before ingest: it imports matplotlib and fpdf2 and warms the font
caches while the file is parsed, then draws whatever report it is sent while the parent
writes the customer exports. If the child is gone, the parent draws them itself.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

DRAWING_MODULES = ("analytics.charts", "analytics.export.report_pdf")


def draw(out: Path, report: dict[str, Any], lang: str) -> dict[str, float]:
    """Write charts/*.png, report.pdf and report.html into ``out``; seconds per stage."""
    from analytics.charts import render_charts
    from analytics.export.report_pdf import audit_html, audit_pdf

    stages: dict[str, float] = {}
    with _timed(stages, "charts"):
        charts = render_charts(report, lang)
        (out / "charts").mkdir(exist_ok=True)
        for name, png in charts.items():
            (out / "charts" / f"{name}.png").write_bytes(png)
    with _timed(stages, "report"):
        (out / "report.pdf").write_bytes(audit_pdf(report, charts, lang))
        (out / "report.html").write_text(audit_html(report, charts, lang), encoding="utf-8")
    return stages


class Drawing:
    """A drawing child, started at once; ``start`` hands it a report, ``finish`` waits."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._pipe, child_end = context.Pipe()
        self._process = context.Process(target=_child, args=(child_end,), daemon=True)
        sys.stdout.flush()  # the child flushes its copy of any buffered output when it ends
        sys.stderr.flush()
        self._process.start()
        child_end.close()
        self._job: tuple[Path, dict[str, Any], str] | None = None

    def start(self, out: Path, report: dict[str, Any], lang: str) -> None:
        """Send the child what to draw (it draws while the caller works on)."""
        self._job = (out, report, lang)
        with suppress(OSError):  # the child is gone: ``finish`` draws here
            self._pipe.send(self._job)

    def finish(self) -> dict[str, float]:
        """Wait for the child's drawing; seconds per stage (drawn here if it failed)."""
        if self._job is None:
            raise RuntimeError("nothing to draw: call start() first")
        try:
            received: object = self._pipe.recv()
        except (EOFError, OSError):  # the child died without a word
            received = None
        self.close()
        if self._process.exitcode == 0 and isinstance(received, dict):
            return {str(stage): float(seconds) for stage, seconds in received.items()}
        return draw(*self._job)

    def close(self) -> None:
        """Stop the child (a closed pipe ends it; it is killed if it lingers)."""
        self._pipe.close()
        self._process.join(5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def _child(pipe: Connection) -> None:
    try:
        _warm_up()
        job = pipe.recv()
    except (EOFError, OSError):  # no report coming (bad input): nothing to draw
        return
    try:
        pipe.send(draw(*job))
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


@contextmanager
def _timed(stages: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        stages[stage] = time.perf_counter() - start
