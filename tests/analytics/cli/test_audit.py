"""The offline audit as a user runs it: ``python -m analytics audit FILE``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.ingest import Limits

ROOT = Path(__file__).parents[3]


def audit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analytics", "audit", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", "Это не таблица"), ("en", "This is not a spreadsheet")],
)
def test_bad_input_is_one_clear_line_and_exit_code_2(lang: str, expected: str, tmp_path: Path) -> None:
    photo = tmp_path / "export.csv"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    done = audit(str(photo), "--lang", lang)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and expected in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_missing_file_and_bad_mapping(tmp_path: Path) -> None:
    assert audit(str(tmp_path / "nope.csv")).returncode == 2
    done = audit("samples/shop_orders.csv", "--map", "colour=Сумма", "--lang", "en")
    assert done.returncode == 2 and 'Unknown role "colour"' in done.stderr


def test_sample_audit_writes_every_artefact(tmp_path: Path) -> None:
    done = audit("samples/shop_orders.csv", "--out", str(tmp_path), "--timings")
    assert done.returncode == 0, done.stderr
    assert "Качество данных" in done.stdout and "timings: ingest" in done.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    data = report["data"]
    # The generator's own truth for this sample (samples/README.md).
    assert data["revenue"] == 10_632_096.0 and data["orders"] == 1871
    assert data["rows_used"] + sum(data["rows_dropped"].values()) == data["rows_read"]
    assert {s["code"] for s in report["rfm"]["segments"]} >= {"champions", "lost"}
    assert report["cohorts"]["retention"] and report["lifecycle"]["monthly"]
    clusters = report["clusters"]
    assert clusters["status"] == "ok" and clusters["k"] == len(clusters["clusters"]) >= 2
    assert sum(c["size"] for c in clusters["clusters"]) == data["customers"]
    assert report["clv"]["status"] == "ok"
    # Advice: the shop sample's acquisition peaks and slows down (samples/README.md), so the
    # total base grows while the active base shrinks: the cause is fewer new customers.
    assert report["diagnosis"]["constraint"]["factor"] == "new_customers"
    assert [f["code"] for f in report["findings"][:2]] == [
        "acquisition_falling", "active_base_shrinking"]
    assert report["recommendations"][0]["code"] == "restart_acquisition"
    plan = report["plan"]["steps"]
    assert [r["code"] for r in report["recommendations"][:len(plan)]] == plan
    rest = [r["effect"]["value"] for r in report["recommendations"][len(plan):] if r["effect"]]
    assert len(plan) == 3 and rest == sorted(rest, reverse=True)
    assert {p["segment"] for p in report["playbooks"]} == {
        s["code"] for s in report["rfm"]["segments"]}
    summary = (tmp_path / "summary.txt").read_text(encoding="utf-8")
    assert summary.startswith("Аудит клиентской базы: shop_orders.csv")
    assert summary.index("Главные шаги") < summary.index("Гипотеза:")
    assert summary.index("Гипотеза:") < summary.index("Качество данных")
    assert ("Из того, что её тянуло вниз, 67,1 % (−2 558 159 ₽) — меньше новых клиентов"
            in summary.replace("\xa0", " "))
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == [
        "active_base.png", "breakdown.png", "clusters.png", "cohorts.png", "revenue.png",
        "rfm.png"]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "customers.xlsx").stat().st_size > 0
    customers_csv = (tmp_path / "customers.csv").read_bytes()
    assert customers_csv.startswith(b"\xef\xbb\xbf")
    assert customers_csv.count(b"\n") - 1 == report["data"]["customers"]


def test_charts_and_report_are_drawn_here_when_the_drawing_child_dies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from analytics.cli import audit as audit_cli
    from analytics.cli import drawing as audit_drawing

    def die(*_: object) -> None:
        os._exit(3)  # as a crash would: no result ever arrives

    monkeypatch.setattr(audit_drawing, "_child", die)
    code = audit_cli.run(
        Path("samples/shop_orders.csv"), out=tmp_path, lang="en", as_json=False, mapping=[],
        timings=True,
    )
    assert code == 0
    assert len(list((tmp_path / "charts").glob("*.png"))) == 6
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "</html>" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_a_big_file_s_drawing_child_warms_up_once_the_imports_are_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analytics.cli import audit as audit_cli

    monkeypatch.setattr(audit_cli, "WARM_UP_LATER_BYTES", 0)  # every file counts as big
    code = audit_cli.run(
        Path("samples/shop_orders.csv"), out=tmp_path, lang="ru", as_json=False, mapping=[],
    )
    assert code == 0
    assert len(list((tmp_path / "charts").glob("*.png"))) == 6
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("size", [0, 10**9], ids=["warming-up", "waiting-for-a-report"])
def test_bad_input_stops_the_drawing_child_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    import multiprocessing
    import time

    from analytics.cli import audit as audit_cli

    monkeypatch.setattr(audit_cli, "WARM_UP_LATER_BYTES", size)
    (tmp_path / "empty.csv").write_bytes(b"")
    start = time.perf_counter()
    code = audit_cli.run(tmp_path / "empty.csv", out=tmp_path / "out", lang="en",
                         as_json=False, mapping=[])
    # Not a speed goal: the child used to keep the pipe open and was waited on for 5 s.
    assert time.perf_counter() - start < 4
    assert code == 2
    assert not multiprocessing.active_children()
    assert not (tmp_path / "out").exists()


def test_json_to_stdout_in_english() -> None:
    done = audit("samples/school_orders.xlsx", "--json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["data"]["currency"] == "RUB" and report["data"]["revenue"] == 5_800_213.0


def test_the_upload_limit_is_the_bots_not_the_command_lines() -> None:
    """MAX_UPLOAD_MB (Telegram's 20 MB) does not bind a file on the user's own disk;
    --max-mb still sets a limit when asked for."""
    env = {**os.environ, "MAX_UPLOAD_MB": "0.01"}  # the sample is about 400 KB
    done = subprocess.run([sys.executable, "-m", "analytics", "audit", "samples/shop_orders.csv",
                           "--json", "--lang", "en"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    refused = audit("samples/shop_orders.csv", "--max-mb", "0.01", "--lang", "en")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert Limits.from_env(20).max_bytes == 20 * 1024 * 1024
    assert Limits.from_env().max_bytes >= 1024 ** 3


def test_a_reader_that_stops_early_ends_the_audit_quietly() -> None:
    """``--json | head``: stdout closes early; no BrokenPipeError traceback."""
    process = subprocess.Popen([sys.executable, "-m", "analytics", "audit",
                                "samples/shop_orders.csv", "--json"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().strip() == b"{"
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0
    assert stderr == ""


def test_keep_duplicates_changes_the_numbers_and_says_so(tmp_path: Path) -> None:
    rows = "Дата;Email;Сумма\n" + "01.03.2024;a@x.ru;100\n" * 2 + "05.03.2024;b@x.ru;40\n"
    (tmp_path / "orders.csv").write_text(rows, encoding="utf-8")
    default = audit(str(tmp_path / "orders.csv"), "--json")
    kept = audit(str(tmp_path / "orders.csv"), "--json", "--keep-duplicates")
    assert json.loads(default.stdout)["data"]["revenue"] == 140
    assert json.loads(kept.stdout)["data"]["revenue"] == 240
    told = audit(str(tmp_path / "orders.csv"), "--lang", "en").stdout
    assert "Exact duplicates excluded — rows: 1, worth" in told and "--keep-duplicates" in told
