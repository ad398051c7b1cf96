"""Places: gazetteer places, capitals and countries named as locations ("in Moskau",
"im ostrussischen Wostotschny"), geocoded from the knowledge base."""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document, PlaceMention
from ..kb.matcher import Matcher
from ..kb.model import KnowledgeBase
from ..resources import Resources

_LOCATIVE = re.compile(
    r"\b(?:in|im|nach|aus|bei|vor|über|nahe|von|zwischen|und|from|to|at|near|between|and)"
    r"(?:\s+(?:der|dem|den|die|das|the))?(?:\s+[a-zäöüß][\w-]*)?\s+$", re.I)


class PlacesStage:
    name = "places"
    requires = ("tokens",)
    assigns = ("places",)

    def __init__(self, kb: KnowledgeBase, matcher: Matcher) -> None:
        self.kb = kb
        self.matcher = matcher

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        out: list[PlaceMention] = []
        for m in self.matcher.find(text, doc.language or "de"):
            if m.modifier:
                continue
            place = m.first("place")
            left = text[max(0, m.start - 40):m.start]
            if place is not None and place.entity_id in self.kb.places:
                p = self.kb.places[place.entity_id]
                name = p.name_de if (doc.language or "de") == "de" else p.name_en
                out.append(PlaceMention(text[m.start:m.end], m.start, m.end, name, p.country, p.lat, p.lon,
                                        p.id, p.kind))
                continue
            f = m.first("capital", "country")
            if f is None or not _LOCATIVE.search(left) or f.code not in self.kb.countries:
                continue
            c = self.kb.countries[f.code]
            if f.kind == "country":
                out.append(PlaceMention(text[m.start:m.end], m.start, m.end, c.name_de, c.code, c.lat, c.lon,
                                        f"country:{c.code}", "country"))
            else:
                out.append(PlaceMention(text[m.start:m.end], m.start, m.end, c.capital_de or text[m.start:m.end],
                                        c.code, None, None, f"capital:{c.code}", "capital"))
        # places added by an earlier stage (a user's NER) are kept where the gazetteer found nothing
        kept = [p for p in doc.places if not any(p.start < q.end and q.start < p.end for q in out)]
        doc.places = sorted(out + kept, key=lambda p: p.start)
        return doc


def make_places(config: Config, res: Resources) -> PlacesStage:
    return PlacesStage(res.kb, res.matcher)
