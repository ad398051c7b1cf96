"""Robustness on real news: no stage may fail on the German corpus, with or without a date."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from lagebild.pipeline import Pipeline


@pytest.mark.parametrize("published", [None, "2016-05-01"])
def test_no_stage_fails_on_real_german_news(nlp: Pipeline, shared: Path, published: str | None) -> None:
    path = shared / "corpora" / "gnad-de.jsonl"
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in itertools.islice(fh, 1000)]
    for r in records:
        r["published"] = published
    docs = list(nlp.pipe(records, error_policy="report"))
    failed = [(d.id, d.error) for d in docs if d.error]
    assert not failed, failed[:5]
    for d in docs:
        for e in d.events:
            assert d.text[e.evidence.start:e.evidence.end] == e.evidence.text
