"""Optional stage: a trained spaCy pipeline's named entities as extra actor and place mentions.

No German NER model ships offline, so this stage is off by default. A user with a trained model
(a package name or a directory) sets ``spacy_model`` in the config and adds the stage after
"actors" (``stages = [..., "actors", "spacy_ner", "places", ...]``). Entities the knowledge base
already resolved are left alone; new PER/ORG entities become actor mentions (method "ner",
state unknown unless a country name stands inside them), LOC/GPE entities become places.
"""

from __future__ import annotations

from typing import Any

from ..config import Config
from ..document import ActorMention, Document, PlaceMention
from ..errors import ConfigError
from ..resources import Resources

_PERSON = frozenset({"PER", "PERSON"})
_ORG = frozenset({"ORG", "NORP"})
_PLACE = frozenset({"LOC", "GPE", "FAC"})


class SpacyNerStage:
    name = "spacy_ner"
    requires = ("actors",)
    assigns = ("ner_mentions",)

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, doc: Document) -> Document:
        sp = self.nlp(doc.text)
        taken = [(a.start, a.end) for a in doc.actors] + [(p.start, p.end) for p in doc.places]
        for ent in sp.ents:
            s, e = ent.start_char, ent.end_char
            if any(s < te and ts < e for ts, te in taken):
                continue
            if ent.label_ in _PERSON or ent.label_ in _ORG:
                doc.actors.append(ActorMention(ent.text, s, e, None, ent.text,
                                               "person" if ent.label_ in _PERSON else "organisation",
                                               None, None, None, "ner", confidence=0.5))
            elif ent.label_ in _PLACE:
                doc.places.append(PlaceMention(ent.text, s, e, ent.text, None, None, None, None, "ner"))
            taken.append((s, e))
        doc.actors.sort(key=lambda a: a.start)
        doc.places.sort(key=lambda p: p.start)
        return doc


def make_spacy_ner(config: Config, res: Resources) -> SpacyNerStage:
    if not config.spacy_model:
        raise ConfigError("the spacy_ner stage needs spacy_model (a package name or a directory) in the config")
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ConfigError("the spacy_ner stage needs spaCy: pip install 'lagebild[spacy]'") from exc
    try:
        nlp = spacy.load(config.spacy_model)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot load spaCy pipeline {config.spacy_model!r}: {exc}") from exc
    return SpacyNerStage(nlp)
