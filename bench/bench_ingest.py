"""Ingest benchmark: wall time and peak memory of ingest on generated exports.

Usage (from the repository root)::

    python -m bench.bench_ingest --rows 100000 1000000 --format csv xlsx

On a shared machine compare ``cpu_s`` (user + system seconds) as well as wall time. Each
measurement runs ``python -m analytics.ingest``-equivalent code in a fresh process under
``/usr/bin/time -v`` when available, so peak memory is the whole process's.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate, write

CHILD = """
import resource, sys, time
from pathlib import Path
from analytics.ingest import Limits, ingest_file
def cpu():
    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, who))
start, cpu_start = time.perf_counter(), cpu()
result = ingest_file(Path(sys.argv[1]), limits=Limits(max_bytes=2**31), isolate=sys.argv[2] == "1")
print(f"{time.perf_counter() - start:.2f}", f"{cpu() - cpu_start:.2f}",
      result.quality.rows_read, result.quality.orders)
"""


def measure(path: Path, isolate: bool) -> dict[str, float | str]:
    """Ingest ``path`` in a fresh process; wall seconds, peak RSS in MiB, rows read."""
    command = [sys.executable, "-c", CHILD, str(path), "1" if isolate else "0"]
    timer = shutil.which("time") and Path("/usr/bin/time").exists()
    if timer:
        command = ["/usr/bin/time", "-f", "PEAK_KB=%M", *command]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    seconds, cpu, rows, orders = done.stdout.split()
    peak = next(
        (
            int(line.split("=")[1]) / 1024
            for line in done.stderr.splitlines()
            if line.startswith("PEAK_KB=")
        ),
        float("nan"),
    )
    return {
        "file": path.name,
        "ingest_s": float(seconds),
        "cpu_s": float(cpu),  # user + system of ingest and its sandbox child: steadier when shared
        "process_s": round(wall, 2),
        "peak_mib": round(peak),
        "rows": rows,
        "orders": orders,
    }


def main() -> None:
    """Generate shop exports of the requested sizes and formats and measure ingest."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000])
    parser.add_argument("--format", nargs="+", default=["csv"], choices=["csv", "xlsx"])
    parser.add_argument("--isolate", action="store_true", help="parse in the sandbox child")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.rows:
            dataset = generate("shop", rows, seed=1)
            for fmt in args.format:
                path = Path(folder) / f"shop_{rows}.{fmt}"
                write(dataset.frame, path, fmt)
                print(json.dumps(measure(path, args.isolate)), flush=True)


if __name__ == "__main__":
    main()
