"""``python -m analytics toolkit ANSWERS [--out DIR] [--lang ru|en] [--json]``.

- ``--json``: print the computed results (``ToolkitResult.to_dict()``) to stdout;
- ``--out DIR``: write DIR/brief.pdf, DIR/brief.md (charts beside it in DIR/brief_files/),
  DIR/brief.html (self-contained) and DIR/results.json;
- neither: print the brief as Markdown (without charts) to stdout.

Bad input (missing file, bad YAML, unknown keys, implausible numbers): exit code 2 and one
line on stderr in the chosen language, never a traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from analytics.locales import t
from analytics.render.document import Image, render_html, render_markdown, render_pdf
from analytics.render.formatting import typed_number
from analytics.report.strict import finite
from analytics.toolkit.answers import AnswersError, load_file, parse_answers
from analytics.toolkit.brief import build_brief
from analytics.toolkit.report import ToolkitResult, run_toolkit
from analytics.toolkit.unit_economics import InputError

EXIT_OK = 0
EXIT_WRITE_FAILED = 1
EXIT_BAD_INPUT = 2


def input_error_line(error: InputError, lang: str) -> str:
    """All unit-economics problems as one localised line."""
    parts = [
        t(lang, f"tk-ue-err-{p.code.replace('_', '-')}", field=p.field, value=p.value,
          hint=typed_number(p.hint, lang))
        for p in error.problems
    ]
    return t(lang, "tk-err-unit-economics", problems="; ".join(parts))


def results_json(result: ToolkitResult) -> str:
    """The results as pretty JSON (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(finite(result.to_dict()), ensure_ascii=False, indent=2, allow_nan=False)


def run(answers: Path, *, out: Path | None, lang: str, as_json: bool,
        today: date | None = None) -> int:
    """Run the toolkit on an answers file; return the process exit code. ``today`` is the
    date the brief is dated (default: the day it runs)."""
    try:
        data = load_file(answers)
        parsed = parse_answers(data, base_dir=answers.parent)
        result = run_toolkit(parsed)
        charts = [(path.stem, path.read_bytes()) for path in parsed.audit.charts] \
            if parsed.audit else []
    except AnswersError as exc:
        print(t(lang, f"tk-err-{exc.code}", **exc.args_), file=sys.stderr)
        return EXIT_BAD_INPUT
    except InputError as exc:
        print(input_error_line(exc, lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(t(lang, "tk-err-file-unreadable", path=str(answers), reason=type(exc).__name__),
              file=sys.stderr)
        return EXIT_BAD_INPUT

    if as_json:
        print(results_json(result))
    if out is None:
        if not as_json:
            doc = build_brief(result, lang, with_chart=False, today=today)
            print(render_markdown(doc), end="")
        return EXIT_OK
    try:
        written = write_brief(result, out, lang, charts, today)
    except OSError as exc:
        print(t(lang, "tk-err-write", path=str(out), reason=str(exc)), file=sys.stderr)
        return EXIT_WRITE_FAILED
    if not as_json:
        print(t(lang, "tk-cli-written", count=len(written), files=", ".join(written)))
    return EXIT_OK


def write_brief(result: ToolkitResult, out: Path, lang: str,
                audit_charts: list[tuple[str, bytes]] | None = None,
                today: date | None = None) -> list[str]:
    """Write brief.pdf, brief.md (+ brief_files/), brief.html and results.json to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    doc = build_brief(result, lang, audit_charts=audit_charts or [], today=today)
    images_dir = out / "brief_files"
    written: list[str] = []

    def link(index: int, image: Image) -> str:
        images_dir.mkdir(exist_ok=True)
        name = f"{index:02d}-{image.name}.png"
        (images_dir / name).write_bytes(image.png)
        return f"brief_files/{name}"

    (out / "brief.pdf").write_bytes(render_pdf(doc))
    written.append(str(out / "brief.pdf"))
    (out / "brief.md").write_text(render_markdown(doc, link), encoding="utf-8")
    written.append(str(out / "brief.md"))
    (out / "brief.html").write_text(render_html(doc), encoding="utf-8")
    written.append(str(out / "brief.html"))
    (out / "results.json").write_text(results_json(result) + "\n", encoding="utf-8")
    written.append(str(out / "results.json"))
    return written
