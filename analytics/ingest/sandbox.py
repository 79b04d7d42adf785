"""Run a parsing job in a child process with a memory cap and a time limit.

python-calamine can abort the whole process on hostile workbooks (no exception to catch),
and any parser can be made to eat memory; in a child only the child dies. The child's
stderr is kept apart: what it printed becomes the crash report's detail, never the
user's terminal.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import resource
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import IO, Any, TypeVar

from analytics.ingest.errors import IngestError

T = TypeVar("T")


def _child(
    conn: Connection,
    memory_bytes: int,
    stderr: int,
    job: Callable[..., Any],
    args: tuple[Any, ...],
) -> None:
    faulthandler.disable()  # a native crash here is expected and reported by the parent
    # The user sees one line from the parent: a parser's own output (a Rust panic or
    # allocation failure, a pandas or numpy warning) goes to the parent's crash report.
    os.dup2(stderr, 2)
    warnings.simplefilter("ignore")
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        conn.send(("ok", job(*args)))
    except IngestError as exc:
        conn.send(("error", (exc.code, exc.params, exc.headers)))
    except MemoryError:
        conn.send(("error", ("out-of-memory", {}, ())))
    except BaseException:  # report, never raise across the process boundary
        conn.send(("crash", traceback.format_exc(limit=5)))
    finally:
        conn.close()


def run_isolated(
    job: Callable[..., T],
    *args: Any,
    memory_bytes: int,
    seconds: float,
    while_waiting: Callable[[], object] | None = None,
) -> T:
    """``job(*args)`` in a forked child; ``IngestError`` on failure, crash, memory or time.

    ``while_waiting`` runs in this process once the child has started (the caller's own
    work, e.g. imports it will need next, on the other core).
    """
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    with tempfile.TemporaryFile() as stderr:
        process = context.Process(
            target=_child, args=(child, memory_bytes, stderr.fileno(), job, args), daemon=True
        )
        started = time.monotonic()
        process.start()
        child.close()
        try:
            if while_waiting is not None:
                while_waiting()
            if not parent.poll(max(0.0, seconds - (time.monotonic() - started))):
                raise IngestError("timeout", seconds=int(seconds))
            status, payload = parent.recv()
        except EOFError as exc:
            process.join(5)
            raise IngestError(
                "parser-crashed", exit_code=process.exitcode, detail=_head(stderr)
            ) from exc
        finally:
            if process.is_alive():
                process.kill()
            process.join(5)
            parent.close()
    if status == "ok":
        result: T = payload
        return result
    if status == "error":
        code, params, headers = payload
        raise IngestError(code, headers=headers, **params)
    raise IngestError("parser-crashed", exit_code=process.exitcode, detail=str(payload)[-300:])


def _head(stderr: IO[bytes]) -> str:
    """The first words the child wrote to stderr (a native crash's only explanation)."""
    stderr.seek(0)
    return stderr.read(300).decode("utf-8", errors="replace")
