"""Hostile files through the command line: wall time, peak memory and the line it prints.

Usage (from the repository root)::

    python -m bench.bench_hostile            # every input of tests/fixtures/fuzz
    python -m bench.bench_hostile FILE...    # these files

Each file runs as ``python -m analytics audit FILE --max-mb 20`` (an upload) in a fresh
process; peak memory is the largest of that process and its children (the parser's
sandbox child included). The goal for any upload: under 15 s and 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench.fuzz_ingest import CORPUS, MAX_CHILD_BYTES, MAX_SECONDS, inputs

MEASURED = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"code": done.returncode, "stderr": done.stderr,
                  "seconds": time.perf_counter() - started,
                  "peak": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}))
"""


def measure_audit(path: Path, *args: str) -> dict[str, object]:
    """``python -m analytics audit path *args`` in a fresh process: exit ``code``, its
    ``stderr``, wall ``seconds`` and ``peak`` memory in bytes (children included)."""
    command = [sys.executable, "-m", "analytics", "audit", str(path), *args]
    done = subprocess.run([sys.executable, "-c", MEASURED, *command], check=True,
                          capture_output=True, text=True, timeout=600)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    """Measure each file; exit 1 when one misses the goal."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_hostile", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    missed = 0
    for path in args.files or inputs(CORPUS):
        result = measure_audit(path, "--lang", "en", "--max-mb", "20")
        seconds, peak = float(str(result["seconds"])), int(str(result["peak"]))
        within = seconds <= MAX_SECONDS and peak <= MAX_CHILD_BYTES
        missed += not within
        line = str(result["stderr"]).strip().splitlines()[-1:] or ["(report)"]
        print(f"{path.name:36} exit {result['code']}  {seconds:5.1f} s  "
              f"{peak / 2**20:6.0f} MiB  {'ok' if within else 'MISSED'}  {line[0][:70]}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
