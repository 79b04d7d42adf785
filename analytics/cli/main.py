"""Command line: ``python -m analytics audit FILE`` and ``python -m analytics toolkit ANSWERS``."""

from __future__ import annotations

import argparse
from pathlib import Path

from analytics.locales import LANGUAGES

AMOUNT_SOURCES = ("amount", "quantity_x_price")
"""``analytics.ingest.amounts.SOURCES``, spelt out so that ``--help`` imports no pandas."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for both subcommands."""
    parser = argparse.ArgumentParser(prog="python -m analytics", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    audit = sub.add_parser("audit", help="audit a customer-base export (CSV, XLSX, XLS, ODS)")
    audit.add_argument("file", type=Path)
    audit.add_argument("--out", type=Path, default=None, help="folder for report.json and more")
    audit.add_argument("--lang", choices=LANGUAGES, default="ru")
    audit.add_argument("--json", action="store_true", help="print report.json to stdout")
    audit.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="ROLE=COLUMN",
        help="use COLUMN for ROLE instead of detection (repeatable), e.g. order_date='Дата'; "
        "ROLE=- leaves the role without a column",
    )
    audit.add_argument(
        "--max-mb",
        type=float,
        default=None,
        help="largest accepted file in MB (default: any file within MAX_ROWS rows)",
    )
    audit.add_argument("--timings", action="store_true", help="print stage timings to stderr")
    audit.add_argument(
        "--keep-duplicates",
        action="store_true",
        help="keep rows that repeat an earlier row exactly (real repeat purchases)",
    )
    audit.add_argument(
        "--amount-source",
        choices=AMOUNT_SOURCES,
        default=None,
        help="line money from the amount column or as quantity x price (default: from the data)",
    )
    audit.add_argument(
        "--answers",
        type=Path,
        default=None,
        metavar="ANSWERS",
        help="the toolkit's answers file: with the cost of goods, steps are valued in margin",
    )
    audit.add_argument(
        "--compare",
        type=Path,
        default=None,
        metavar="OLD.json",
        help="report.json of a previous audit: adds what changed since then",
    )

    toolkit = sub.add_parser("toolkit", help="value proposition, unit economics, traction map")
    toolkit.add_argument("answers", type=Path, help="answers file, YAML or JSON")
    toolkit.add_argument("--out", type=Path, default=None, help="folder for the intake brief")
    toolkit.add_argument("--lang", choices=LANGUAGES, default="ru")
    toolkit.add_argument("--json", action="store_true", help="print the computed results")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand and return the process exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "toolkit":
        from analytics.cli.toolkit import run as run_toolkit

        return run_toolkit(args.answers, out=args.out, lang=args.lang, as_json=args.json)
    from analytics.cli.audit import run as run_audit

    return run_audit(
        args.file,
        out=args.out,
        lang=args.lang,
        as_json=args.json,
        mapping=args.map,
        max_mb=args.max_mb,
        timings=args.timings,
        previous=args.compare,
        keep_duplicates=args.keep_duplicates,
        amount_source=args.amount_source,
        answers=args.answers,
    )
