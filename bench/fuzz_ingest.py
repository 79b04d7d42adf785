"""Fuzz the ingest entry point of ``python -m analytics audit`` with mutated real exports.

Usage (from the repository root)::

    python -m bench.fuzz_ingest --seconds 3600            # an hour, a random seed
    python -m bench.fuzz_ingest --seed 18 --count 300     # what CI runs (tests/bench)
    python -m bench.fuzz_ingest --corpus                  # the regression corpus only

Each input is a fixture of ``tests/fixtures/exports`` or ``tests/fixtures/fuzz`` changed
by a few mutations (bits flipped, spans deleted or repeated, hostile values inserted,
numbers in the XML of a workbook's members made huge, files cut short or spliced) and
read as the command line reads a file: ``ingest_file`` with the command line's limits for
an upload (``--max-mb 20``), parsed in the sandbox child. The contract checked for
every input (see docs/fuzzing.md): a result or an ``IngestError`` whose message is one
line in both languages, no other exception, nothing written to stderr, no Python
exception inside the parser's child, under 15 s and a child under 1 GB (the largest
child so far is what the system reports, so an input is blamed when it sets a new peak
above 1 GB). Inputs that break it are written to ``--save`` (default ``fuzz-findings/``)
for the corpus.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import resource
import sys
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from analytics.ingest import IngestError, Limits, ingest_file
from analytics.locales import LANGUAGES, t

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = ROOT / "tests" / "fixtures" / "exports"
CORPUS = ROOT / "tests" / "fixtures" / "fuzz"
NOT_INPUTS = {"build.py", "README.md", "expected.json", "__init__.py"}
UPLOAD_MB = 20.0
MAX_SECONDS = 15.0
MAX_CHILD_BYTES = 1024**3
MAX_INPUT_BYTES = 3 * 1024 * 1024
LIMITS = replace(Limits.from_env(UPLOAD_MB), seconds=MAX_SECONDS + 5)
"""The command line's limits for an upload; the child is stopped soon after the contract's
15 s are over (the input is a finding then), not after the usual 180 s."""
HOSTILE = (
    b"1e308", b"-1e308", b"9" * 40, b"NaN", b"inf", b"31.12.9999", b"01.01.0001", b"\x00",
    b'"', b'""', b";", b",", b"\t", b"\r", b"\n", b"\r\n", b"\xff\xfe", b"\xef\xbb\xbf",
    b"\xd0", b"=1+1", b"<", b"&amp;", b"]]>", b"-", b"0", b"4294967296",
)
"""Values that broke, or nearly broke, a reader before."""
_DIGITS = re.compile(rb"\d+")


@dataclass(frozen=True)
class Finding:
    """One input that breaks the contract, and how."""

    name: str
    problem: str
    data: bytes


def inputs(folder: Path) -> list[Path]:
    """The files of ``folder`` that are inputs (not build scripts or notes), sorted."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name not in NOT_INPUTS and not p.name.startswith(".")
    )


def seeds() -> list[Path]:
    """The files mutations start from: the target exports and the regression corpus."""
    return inputs(EXPORTS) + inputs(CORPUS)


# ----------------------------------------------------------------------------- mutations


def _span(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.choice((1, 2, 8, 64, 1024, 65536)))


def flip_bit(rng: random.Random, data: bytes) -> bytes:
    """One bit flipped (what a bad disk or a broken transfer does)."""
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]


def delete_span(rng: random.Random, data: bytes) -> bytes:
    """A span of bytes gone."""
    start, end = _span(rng, data)
    return data[:start] + data[end:]


def repeat_span(rng: random.Random, data: bytes) -> bytes:
    """A span repeated many times (long cells, lines and rows)."""
    start, end = _span(rng, data)
    times = rng.choice((2, 16, 1000, 100_000))
    grown = data[start:end] * times
    return data[:start] + grown[:MAX_INPUT_BYTES] + data[start:]


def insert_hostile(rng: random.Random, data: bytes) -> bytes:
    """A hostile value put in, or over, a few bytes."""
    at = rng.randrange(len(data) + 1)
    value = rng.choice(HOSTILE)
    skip = rng.choice((0, 0, len(value)))
    return data[:at] + value + data[at + skip :]


def huge_number(rng: random.Random, data: bytes) -> bytes:
    """A number in the file made enormous (a row index, a repeat count, an amount)."""
    found = list(_DIGITS.finditer(data[:MAX_INPUT_BYTES]))
    if not found:
        return insert_hostile(rng, data)
    match = rng.choice(found)
    value = rng.choice((b"1048576", b"16384", b"1190000", b"99999999", b"0", b"9" * 20))
    return data[: match.start()] + value + data[match.end() :]


def truncate(rng: random.Random, data: bytes) -> bytes:
    """The file cut short (an interrupted download)."""
    return data[: rng.randrange(len(data) + 1)]


BYTE_MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    flip_bit, flip_bit, delete_span, repeat_span, insert_hostile, huge_number, truncate,
)


def mutate_member(rng: random.Random, data: bytes) -> bytes:
    """A workbook (zip) with one member's inflated content mutated and packed again, so
    the change reaches the XML and the parser, not only the container."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:  # a damaged container: mutate its bytes instead
        return rng.choice(BYTE_MUTATIONS)(rng, data)
    if not members:
        return data
    index = rng.randrange(len(members))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, (info, content) in enumerate(members):
            changed = rng.choice(BYTE_MUTATIONS)(rng, content) if i == index else content
            archive.writestr(info, changed)
    return buffer.getvalue()


def mutate(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    """One to four mutations of ``data`` (or a splice with another seed)."""
    for _ in range(rng.choice((1, 1, 2, 4))):
        if others and rng.random() < 0.05:
            other = rng.choice(others)
            data = data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]
        elif data.startswith(b"PK") and rng.random() < 0.6:
            data = mutate_member(rng, data)
        else:
            data = rng.choice(BYTE_MUTATIONS)(rng, data)
    return data[:MAX_INPUT_BYTES]


# ----------------------------------------------------------------------------- the contract


@contextmanager
def captured_stderr() -> Iterator[Callable[[], bytes]]:
    """Everything written to file descriptor 2 meanwhile (by Python, a library or a child)."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield lambda: (sink.seek(0), sink.read())[1]
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def child_peak_bytes() -> int:
    """The largest peak memory of any finished child process so far."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


def check(data: bytes, name: str, workdir: Path) -> tuple[str, str | None]:
    """Read ``data`` as the command line reads a file named ``name``: the outcome (``ok``
    or the error's code) and what breaks the contract, or ``None``."""
    path = workdir / name
    path.write_bytes(data)
    peak_before = child_peak_bytes()
    started = time.monotonic()
    outcome, problem = "ok", None
    with captured_stderr() as stderr, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # python -m analytics silences them as well
        try:
            ingest_file(path, limits=LIMITS)
        except IngestError as exc:
            outcome, problem = exc.code, _ingest_error_problem(exc)
        except Exception as exc:
            outcome, problem = "exception", f"{type(exc).__name__}: {str(exc)[:200]}"
        written = stderr()
    seconds = time.monotonic() - started
    peak = child_peak_bytes()
    if problem is None and written:
        problem = f"stderr: {written[:200]!r}"
    elif problem is None and seconds > MAX_SECONDS:
        problem = f"took {seconds:.1f} s"
    elif problem is None and peak > max(peak_before, MAX_CHILD_BYTES):  # a new peak: its own
        problem = f"a child used {peak / 2**30:.1f} GiB"
    return outcome, problem


def _ingest_error_problem(exc: IngestError) -> str | None:
    """An error breaks the contract when its message is not one line in each language,
    or it hides a bug: an unexpected exception in the parser's child."""
    for lang in LANGUAGES:
        message = t(lang, f"ingest-error-{exc.code}", **exc.params)
        if message.startswith("ingest-error-") or "\n" in message.strip() or not message:
            return f"message of {exc.code} in {lang}: {message[:100]!r}"
    if exc.code == "text-parser-crashed" or "Traceback" in str(exc.params.get("detail", "")):
        return f"{exc.code}: {str(exc.params.get('detail', ''))[-300:]}"
    return None


# ----------------------------------------------------------------------------- runs


def run_corpus(workdir: Path) -> list[Finding]:
    """Every file of the regression corpus, read once."""
    findings = []
    for path in inputs(CORPUS):
        data = path.read_bytes()
        _, problem = check(data, path.name, workdir)
        if problem is not None:
            findings.append(Finding(path.name, problem, data))
    return findings


def run_mutations(
    seed: int,
    workdir: Path,
    *,
    count: int | None = None,
    seconds: float | None = None,
    report: Callable[[Finding], None] | None = None,
) -> tuple[int, list[Finding]]:
    """Mutated seeds, deterministic for a ``seed``: ``count`` inputs, or as many as
    ``seconds`` allow. Returns how many were read and the findings."""
    rng = random.Random(seed)
    paths = seeds()
    originals = [p.read_bytes() for p in paths]
    findings: list[Finding] = []
    deadline = time.monotonic() + seconds if seconds is not None else None
    done = 0
    while (count is None or done < count) and (deadline is None or time.monotonic() < deadline):
        index = rng.randrange(len(paths))
        data = mutate(rng, originals[index], originals)
        name = f"mutant-{done}{paths[index].suffix}"
        _, problem = check(data, name, workdir)
        done += 1
        if problem is not None:
            finding = Finding(name, problem, data)
            findings.append(finding)
            if report is not None:
                report(finding)
    return done, findings


def main(argv: list[str] | None = None) -> int:
    """Run the corpus, then mutations; exit 1 when an input breaks the contract."""
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz_ingest", description=__doc__)
    parser.add_argument("--seed", type=int, default=None, help="default: a random one")
    parser.add_argument("--count", type=int, default=None, help="inputs to read")
    parser.add_argument("--seconds", type=float, default=60.0, help="time for mutations")
    parser.add_argument("--corpus", action="store_true", help="the regression corpus only")
    parser.add_argument("--save", type=Path, default=Path("fuzz-findings"))
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)

    def save(finding: Finding) -> None:
        args.save.mkdir(parents=True, exist_ok=True)
        (args.save / f"seed{seed}-{finding.name}").write_bytes(finding.data)
        print(f"FOUND {finding.name}: {finding.problem}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        findings = run_corpus(Path(tmp))
        for finding in findings:
            print(f"CORPUS {finding.name}: {finding.problem}", flush=True)
        done = 0
        if not args.corpus:
            seconds = None if args.count is not None else args.seconds
            done, found = run_mutations(
                seed, Path(tmp), count=args.count, seconds=seconds, report=save
            )
            findings += found
    print(f"seed {seed}: {done} mutated inputs, {len(inputs(CORPUS))} corpus files, "
          f"{len(findings)} findings, largest child {child_peak_bytes() / 2**20:.0f} MiB")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
