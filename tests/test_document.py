"""Document <-> dict round trips and the contract's shape."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.document import (
    ActorMention,
    ActorRef,
    Document,
    Event,
    EventDate,
    EventLocation,
    Evidence,
    PlaceMention,
    TimeExpr,
)
from lagebild.pipeline import Pipeline

CONTRACT_TOP = {"id", "language", "published", "title", "actors", "places", "times", "events"}
CONTRACT_EVENT = {"id", "category", "mode", "context", "cameo", "quad_class", "goldstein", "source", "target",
                  "negated", "certainty", "attributed_to", "date", "location", "evidence", "confidence"}

texts = st.text(min_size=1, max_size=200)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
refs = st.one_of(st.none(), st.builds(ActorRef, text=texts, start=st.integers(0, 100), end=st.integers(0, 100),
                                      actor_id=st.one_of(st.none(), texts), country=st.sampled_from(["RUS", "PRK", None])))


@st.composite
def documents(draw) -> Document:
    text = draw(texts)
    ev = Event(id=draw(texts), category=draw(st.sampled_from(["AGREE", "ASSAULT", "CONSULT"])),
               evidence=Evidence(draw(texts), 0, 5, draw(st.one_of(st.none(), texts))),
               mode=draw(st.one_of(st.none(), texts)), context=draw(st.lists(texts, max_size=2)),
               cameo=draw(st.one_of(st.none(), st.sampled_from(["036", "195"]))), quad_class=draw(st.integers(1, 4)),
               goldstein=draw(st.floats(-10, 10, allow_nan=False)), source=draw(refs), target=draw(refs),
               negated=draw(st.booleans()), certainty=draw(st.sampled_from(["asserted", "alleged"])),
               attributed_to=draw(refs), date=EventDate(draw(dates), draw(dates), "day", draw(st.one_of(st.none(), texts))),
               location=draw(st.one_of(st.none(), st.builds(EventLocation, name=texts))),
               confidence=draw(st.floats(0, 1, allow_nan=False)), symmetric=draw(st.booleans()))
    return Document(text=text, id=draw(texts), title=draw(st.one_of(st.none(), texts)), published=draw(dates),
                    language=draw(st.sampled_from(["de", "en"])),
                    actors=[ActorMention(draw(texts), 0, 3, country="RUS")],
                    places=[PlaceMention(draw(texts), 1, 2, lat=draw(st.one_of(st.none(), st.floats(-90, 90))))],
                    times=[TimeExpr(draw(texts), 0, 1, draw(dates), draw(dates), "month")], events=[ev])


@settings(max_examples=150, deadline=None)
@given(documents())
def test_document_survives_json_round_trip(doc: Document) -> None:
    d = doc.to_dict()
    back = Document.from_dict(json.loads(json.dumps(d)))
    assert back.to_dict() == d


def test_analysed_document_round_trips_with_tokens(nlp: Pipeline, seed_like: str) -> None:
    doc = nlp.analyze(seed_like, published="2024-01-22")
    d = doc.to_dict(tokens=True)
    assert Document.from_dict(json.loads(json.dumps(d))).to_dict(tokens=True) == d


def test_output_has_the_contract_fields(nlp: Pipeline, seed_like: str) -> None:
    d = nlp.analyze(seed_like, published="2024-01-22").to_dict()
    assert CONTRACT_TOP <= set(d)
    ev = Event("e1", "AGREE", Evidence("x", 0, 1)).to_dict()
    assert CONTRACT_EVENT <= set(ev)


def test_seed_offsets_give_back_their_text(nlp: Pipeline, seed_text: str) -> None:
    d = nlp.analyze(seed_text, published="2024-01-22", language="de").to_dict()
    for kind in ("actors", "places", "times"):
        assert d[kind]
        for a in d[kind]:
            assert seed_text[a["start"]:a["end"]] == a["text"]
    assert d["events"]
    for e in d["events"]:
        assert seed_text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
        for side in ("source", "target", "attributed_to"):
            if e[side]:
                assert seed_text[e[side]["start"]:e[side]["end"]] == e[side]["text"]
