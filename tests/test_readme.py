"""The README's commands and tables are run and checked, so the README cannot rot.

The set-up and test commands are run from a fresh clone by ``.ci/run``, which reads them
from the README; here the offline audit, the toolkit and the bot's command are run as
written (with this interpreter for ``.venv/bin/python``), and the configuration, the CLI's
options, the report's keys and the links are compared with the code.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.cli.main import build_parser
from bot.config import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = sorted((ROOT / "docs").glob("*.md"))


def block(marker: str) -> str:
    """The code block that follows ``<!-- marker -->`` in the README."""
    lines = README.split("\n")
    start = lines.index(f"<!-- {marker} -->")
    assert lines[start + 1].startswith("```"), marker
    end = lines.index("```", start + 2)
    return "\n".join(lines[start + 2 : end])


def run_as_written(command: str, cwd: Path, env: dict[str, str] | None = None,
                   ) -> subprocess.CompletedProcess[str]:
    """``command`` with its ``.venv/bin/python`` taken as this interpreter."""
    argv = [sys.executable if word == ".venv/bin/python" else word
            for word in shlex.split(command)]
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env=env, check=False)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder with the shipped samples, so commands write nothing into the repo."""
    folder = tmp_path_factory.mktemp("readme")
    (folder / "samples").symlink_to(ROOT / "samples")
    return folder


@pytest.fixture(scope="module")
def sample_audit(workdir: Path) -> subprocess.CompletedProcess[str]:
    """The offline audit of the set-up command, the part after the install."""
    return run_as_written(block(".ci/run: setup").split(" && ")[-1], workdir)


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "for name in setup test" in ci and "<!-- .ci/run: $1 -->" in ci
    function = ci[ci.index("readme_command() {"):ci.index("\n}\n") + 3]
    extracted = subprocess.run(
        ["bash", "-c", f"{function}readme_command setup; readme_command test"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\n")
    assert extracted[:2] == [block(".ci/run: setup"), block(".ci/run: test")]
    assert block(".ci/run: test").endswith(".venv/bin/python -m pytest")
    assert block(".ci/run: setup").startswith("python3 -m venv .venv && ")


def test_the_offline_audit_command(sample_audit: subprocess.CompletedProcess[str],
                                   workdir: Path) -> None:
    assert sample_audit.returncode == 0, sample_audit.stderr
    out = workdir / "out"
    written = {p.name for p in out.iterdir()} | {p.name for p in (out / "charts").iterdir()}
    # Every artefact the README promises for --out DIR.
    assert {"report.json", "summary.txt", "customers.csv", "customers.xlsx", "report.pdf",
            "report.html", "revenue.png", "active_base.png", "rfm.png", "cohorts.png",
            "breakdown.png", "clusters.png"} <= written
    summary = (out / "summary.txt").read_text(encoding="utf-8")
    assert summary.strip() == sample_audit.stdout.strip()


def test_report_keys_are_documented(sample_audit: subprocess.CompletedProcess[str],
                                    workdir: Path) -> None:
    report = json.loads((workdir / "out" / "report.json").read_text(encoding="utf-8"))
    table = README.split("## report.json")[1].split("\n## ")[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, flags=re.M)
    assert set(documented) == set(report) | {"comparison"}


def test_the_toolkit_command(workdir: Path) -> None:
    done = run_as_written(block("tested: toolkit"), workdir)
    assert done.returncode == 0, done.stderr
    brief = workdir / "out" / "brief"
    assert {p.name for p in brief.iterdir()} >= {"brief.pdf", "brief.md", "brief.html",
                                                 "results.json"}


def test_the_bot_command_without_a_token_is_one_line(tmp_path: Path) -> None:
    command = block("tested: bot")
    assignment, _, rest = command.partition(" ")
    assert assignment.startswith("BOT_TOKEN=")
    env = {k: v for k, v in os.environ.items() if k != "BOT_TOKEN"}
    done = run_as_written(rest, tmp_path, env)  # no token and no .env: Telegram is never asked
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "BOT_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_the_configuration_table_is_the_settings() -> None:
    table = README.split("## Configuration")[1].split("\n## ")[0]
    documented = set(re.findall(r"`([A-Z_]{3,})`", table))
    settings = {name.upper() for name in Settings.model_fields}
    assert documented == settings | {"MAX_ROWS"}  # MAX_ROWS is read by ingest's limits
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert all(re.search(rf"^#? ?{name}=", example, flags=re.M) for name in settings)


def test_every_audit_option_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    audit = sub.choices["audit"]  # type: ignore[attr-defined]
    usage = next(line for line in README.split("\n")
                 if line.startswith(".venv/bin/python -m analytics audit FILE"))
    options = {o for a in audit._actions for o in a.option_strings if o.startswith("--")}
    assert options - {"--help"} == set(re.findall(r"--[a-z-]+", usage))


@pytest.mark.parametrize("path", [ROOT / "README.md", *DOCS], ids=lambda p: p.name)
def test_links_point_at_files_that_exist(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    links = [link for link in re.findall(r"\]\(([^)#]+)\)", text) if "://" not in link]
    missing = [link for link in links if not (path.parent / link).exists()]
    assert missing == []


@pytest.mark.parametrize("path", [ROOT / "README.md", *DOCS], ids=lambda p: p.name)
def test_no_development_history(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"\bsession \d+|\bissue \d+|\bbefore -> after\b", text, flags=re.I)
    assert found == []
