"""A user's trained spaCy pipeline plugs in as a stage (here: a blank pipeline with an entity ruler)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.config import load_config
from lagebild.errors import ConfigError
from lagebild.pipeline import Pipeline

spacy = pytest.importorskip("spacy")

STAGES = ["structure", "tokenize", "sentences", "lemmatize", "separable", "actors", "spacy_ner", "places",
          "times", "events"]


def _model(tmp_path: Path) -> str:
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Hanna Berger"}, {"label": "LOC", "pattern": "Kleinstadt"}])
    out = tmp_path / "model"
    nlp.to_disk(out)
    return str(out)


def test_trained_spacy_entities_become_mentions(tmp_path: Path) -> None:
    cfg = load_config(overrides={"stages": STAGES, "spacy_model": _model(tmp_path)})
    doc = Pipeline.from_config(cfg).analyze("Hanna Berger traf Putin in der Kleinstadt.", language="de",
                                            published="2024-01-22")
    ner = [a for a in doc.actors if a.method == "ner"]
    assert [a.text for a in ner] == ["Hanna Berger"]
    assert any(p.text == "Kleinstadt" for p in doc.places)
    assert any(a.text == "Putin" and a.country == "RUS" for a in doc.actors)  # KB mention kept


def test_spacy_stage_without_a_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="spacy_model"):
        Pipeline.from_config(load_config(overrides={"stages": STAGES}))
