"""Jobs for the worker-pool tests (importable by the forkserver's children)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from bot.worker import JobFailed


def echo(progress: Callable[[str], None], value: object) -> object:
    """Report two stages and return ``value``."""
    progress("one")
    progress("two")
    return value


def sleep(progress: Callable[[str], None], seconds: float) -> float:
    """Sleep, then return the seconds."""
    time.sleep(seconds)
    return seconds


def refuse(progress: Callable[[str], None]) -> None:
    """An expected input problem."""
    raise JobFailed("ingest-error-empty", hint="x")


def die(progress: Callable[[str], None]) -> None:
    """A hard crash: the process vanishes without an answer."""
    os._exit(134)
