"""The rules of the house, read from the source: who may import whom.

Every import counts, those inside functions too (the project defers heavy imports).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIPELINE = ("ingest", "describe", "predict", "diagnose", "advice", "report", "render", "cli", "toolkit")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules(package: str) -> dict[str, Path]:
    return {module_name(p): p for p in sorted((ROOT / package).rglob("*.py"))}


@cache
def imports(name: str) -> frozenset[str]:
    """Every module ``name`` imports; ``from pkg import sub`` counts as ``pkg.sub`` when
    ``sub`` is a module of the project."""
    path = modules(name.split(".", maxsplit=1)[0])[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            known = modules(base.split(".")[0]) if top(base) in ("analytics", "storage",
                                                                  "bot") else {}
            subs = {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known}
            found.update(subs)
            if len(subs) < len(node.names):
                found.add(base)
    # A module's own enclosing packages are imported before it; they are not its imports.
    return frozenset(i for i in found if not name.startswith(f"{i}."))


def top(module: str) -> str:
    return module.split(".", maxsplit=1)[0]


@pytest.mark.parametrize(("package", "forbidden"), [
    ("analytics", {"bot", "storage", "aiogram", "aiogram_i18n", "aiosqlite", "sqlite3",
                   "asyncio", "aiohttp", "socket", "urllib", "http"}),
    ("storage", {"bot", "aiogram_i18n"}),
])
def test_dependencies_point_one_way(package: str, forbidden: set[str]) -> None:
    wrong = {f"{m} imports {i}" for m in modules(package) for i in imports(m) if top(i) in forbidden}
    assert not wrong, sorted(wrong)


def test_the_rule_sees_imports_inside_functions() -> None:
    # The checker must not be blind to deferred imports: analytics.report.build imports
    # the describe stage only inside its functions.
    assert "analytics.describe.audit" in imports("analytics.report.build")


def test_analytics_has_no_import_cycles() -> None:
    graph = {m: {i for i in imports(m) if i in modules("analytics") and i != m}
             for m in modules("analytics")}
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        if node in path:
            cycle = [*path[path.index(node):], node]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if node in done:
            return
        for nxt in sorted(graph[node]):
            visit(nxt, [*path, node])
        done.add(node)

    for name in sorted(graph):
        visit(name, [])


def test_every_analytics_module_sits_in_a_pipeline_stage() -> None:
    loose = [m for m in modules("analytics") if m.count(".") == 1
             and m.split(".")[1] not in (*PIPELINE, "locales", "__main__")]
    assert loose == [], "modules at analytics/ top level: " + ", ".join(loose)


def test_the_toolkit_stays_pure() -> None:
    """The toolkit computes from answers: it uses the locale texts, the document model, the
    shared number and date formats and the charts' style (the brief's chart is drawn like the
    audit's), never an audit stage, the command line or a file written by itself."""
    allowed = ("analytics.toolkit", "analytics.locales", "analytics.render.document",
               "analytics.render.formatting", "analytics.render.charts.style")
    wrong = {f"{m} imports {i}" for m in modules("analytics") if m.startswith("analytics.toolkit")
             for i in imports(m) if top(i) == "analytics" and i != "analytics"
             and not i.startswith(allowed)}
    assert not wrong, sorted(wrong)
    for name, path in modules("analytics").items():
        if name.startswith("analytics.toolkit"):
            source = path.read_text(encoding="utf-8")
            assert ".write_bytes(" not in source and ".write_text(" not in source, name


def test_stages_import_only_earlier_stages() -> None:
    """Reading comes before describing, describing before predicting and advising, and
    none of them reaches forward; rendering takes report dicts (and the code vocabularies of
    the stages) and never assembles a report or runs the command line."""
    may_not = {
        "ingest": ("describe", "predict", "advice", "report", "render", "cli", "toolkit"),
        "describe": ("predict", "advice", "report", "render", "cli", "toolkit"),
        "predict": ("advice", "report", "render", "cli", "toolkit"),
        "advice": ("report", "render", "cli", "toolkit"),
        "render": ("report", "cli", "toolkit", "ingest.pipeline"),
        "report": ("cli",),
    }
    wrong = set()
    for name in modules("analytics"):
        stage = name.split(".")[1] if name.count(".") else ""
        for target in may_not.get(stage, ()):
            wrong.update(f"{name} imports {i}" for i in imports(name)
                         if i == f"analytics.{target}" or i.startswith(f"analytics.{target}."))
    assert not wrong, sorted(wrong)
