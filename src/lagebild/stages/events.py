"""Event coding stage: PLOVER/CAMEO events with negation, certainty, attribution, date, place,
then the in-document merge (headline and body telling the same event become one event)."""

from __future__ import annotations

from ..coding.coder import EventCoder
from ..coding.common import load_intent_table
from ..coding.merge import merge_events
from ..coding.words import WordLists
from ..config import Config
from ..document import Document
from ..resources import Resources


class EventsStage:
    name = "events"
    requires = ("tokens", "lemmas", "sentences", "actors", "places", "times")
    assigns = ("events",)

    def __init__(self, res: Resources) -> None:
        lex = res.lexicon
        one_sided = set(res.config.extra.get("one_sided_events", ["en"]))
        words = WordLists.load_all(lex)
        intent = load_intent_table()
        self.coders = {lang: EventCoder(lex.get(lang), res.ontology, words.get(lang) or WordLists(lang),
                                        one_sided=lang in one_sided, intent=intent)
                       for lang in ("de", "en")}

    def __call__(self, doc: Document) -> Document:
        coder = self.coders.get(doc.language or "de", self.coders["de"])
        doc.events = merge_events(doc, coder.code(doc))
        return doc


def make_events(config: Config, res: Resources) -> EventsStage:
    return EventsStage(res)
