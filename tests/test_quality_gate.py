"""Quality gate: the development gold is scored on every test run; floors (tests/golden) may only rise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.evaluation import evaluate
from lagebild.pipeline import Pipeline

FLOORS = json.loads((Path(__file__).parent / "golden" / "quality_floors.json").read_text(encoding="utf-8"))


def _check(summary: dict, floors: dict) -> None:
    for key, floor in floors.items():
        if key.endswith("_max"):
            assert summary[key[:-4]] <= floor, f"{key[:-4]} = {summary[key[:-4]]} > {floor}"
        else:
            assert summary[key] is not None and summary[key] >= floor, f"{key} = {summary[key]} < floor {floor}"


@pytest.mark.parametrize("name, rel, kind", [
    ("seed", "eval/seed.gold.json", "articles"),
    ("de-dev", "eval/de-dev", "articles"),
    ("plover", "eval/plover-gsr.dev.jsonl", "plover"),
    ("cameo", "eval/cameo-manual.dev.jsonl", "cameo"),
])
def test_development_gold_stays_above_its_floors(nlp: Pipeline, shared: Path, name: str, rel: str,
                                                 kind: str) -> None:
    score = evaluate(nlp, [shared / rel], kind)
    print(name, json.dumps(score.summary))
    _check(score.summary, FLOORS[name])
