"""Wall time per stage of the offline audit, for ``--timings``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class StageClock:
    """Seconds per named stage; a stage timed twice adds up."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - start

    def render(self) -> str:
        """One line: each stage's seconds, the total of this process's stages, and the
        stages that ran alongside them in a child ("(parallel)")."""
        serial = {k: v for k, v in self.stages.items() if not k.endswith("(parallel)")}
        side = {k: v for k, v in self.stages.items() if k.endswith("(parallel)")}
        line = "timings: " + ", ".join(f"{k} {v:.2f}s" for k, v in serial.items())
        line += f"; total {sum(serial.values()):.2f}s"
        if side:
            line += "; alongside: " + ", ".join(f"{k} {v:.2f}s" for k, v in side.items())
        return line
