"""The ingest fuzz harness as CI runs it: every input of the regression corpus reaches its
expected outcome within the contract, and a fixed-seed run of mutated exports (about a
minute; no random seed, so a red run is a real regression) finds nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.fuzz_ingest import CORPUS, check, inputs, run_mutations

EXPECTED: dict[str, dict[str, str]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8"))
CI_SEED = 18
CI_COUNT = 300
"""Mutated inputs CI reads: about a minute on the 2-core CI machine."""


def test_every_corpus_input_has_an_expected_outcome() -> None:
    assert sorted(p.name for p in inputs(CORPUS)) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_input(name: str, tmp_path: Path) -> None:
    outcome, problem = check((CORPUS / name).read_bytes(), name, tmp_path)
    assert problem is None
    assert outcome == EXPECTED[name]["outcome"]


@pytest.mark.slow
def test_fixed_seed_mutations_keep_the_contract(tmp_path: Path) -> None:
    done, findings = run_mutations(CI_SEED, tmp_path, count=CI_COUNT)
    assert done == CI_COUNT
    assert [f"{f.name}: {f.problem}" for f in findings] == []
