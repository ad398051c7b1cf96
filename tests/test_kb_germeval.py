"""GermEval 2014 (dev): the PER/LOC/ORG names the actors and places stages claim are right at >= 0.85.

Mapping and scoring rule: see tools/germeval_eval.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "germeval_eval.py"


def _tool() -> object:
    spec = importlib.util.spec_from_file_location("germeval_eval", TOOL)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["germeval_eval"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_bio_and_head_rules() -> None:
    ge = _tool()
    spans = ge.bio_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "B-LOCderiv"])  # type: ignore[attr-defined]
    assert spans == [("PER", 0, 2), ("LOC", 3, 4), ("LOC", 4, 5), ("ORG", 5, 6)]
    toks = ["Bank", "of", "America", "Wladimir", "Putin"]
    assert ge.head_token(toks, 0, 3) == 0  # type: ignore[attr-defined]
    assert ge.head_token(toks, 3, 5) == 4  # type: ignore[attr-defined]


@pytest.mark.shared
@pytest.mark.slow
def test_germeval_precision(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = shared / "eval" / "germeval2014.dev.tsv"
    if not path.exists():
        pytest.skip("germeval2014.dev.tsv absent")
    ge = _tool()
    sc = ge.evaluate(path)  # type: ignore[attr-defined]
    p, r, f = sc.prf()
    with capsys.disabled():
        print(f"\nGermEval 2014 dev: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
        ge.report(sc, errors=0)  # type: ignore[attr-defined]
    assert sum(sc.pred.values()) > 100
    assert p >= 0.85, f"precision {p:.3f} < 0.85; run tools/germeval_eval.py for the wrong predictions"
