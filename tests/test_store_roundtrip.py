"""Property test: any events written to the store come back equal (Document -> DuckDB -> Document)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.document import (
    CERTAINTIES,
    PRECISIONS,
    ActorRef,
    Document,
    Event,
    EventDate,
    EventLocation,
    Evidence,
)
from lagebild.store import PLOVER_CATEGORIES, EventStore

TEXT = "Erster Satz über Moskau. Zweiter Satz über Kiew und Wien. Dritter Satz."
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)
codes = st.sampled_from(["RUS", "UKR", "AUT", "IGO:UN", "NSA:Hamas", None])
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))


@st.composite
def actor_refs(draw: st.DrawFn) -> ActorRef | None:
    if draw(st.booleans()):
        return None
    s = draw(st.integers(0, len(TEXT) - 1))
    e = draw(st.integers(s, len(TEXT)))
    return ActorRef(TEXT[s:e], s, e, draw(st.one_of(st.none(), words)), draw(st.one_of(st.none(), words)),
                    draw(codes), draw(st.sampled_from(["GOV", "MIL", "JRN", None])),
                    draw(st.sampled_from(["person", "state", "organisation", None])))


@st.composite
def evidences(draw: st.DrawFn) -> Evidence:
    s = draw(st.integers(0, len(TEXT) - 1))
    e = draw(st.integers(s, len(TEXT)))
    trig = draw(st.one_of(st.none(), words))
    return Evidence(TEXT[s:e], s, e, trig, draw(st.one_of(st.none(), st.integers(0, 70))),
                    draw(st.one_of(st.none(), st.integers(0, 70))))


@st.composite
def events(draw: st.DrawFn) -> Event:
    start = draw(dates)
    end = draw(st.one_of(st.none(), st.just(start))) if start else None
    loc = None
    if draw(st.booleans()):
        loc = EventLocation(draw(words), draw(codes), draw(st.one_of(st.none(), st.floats(-90, 90))),
                            draw(st.one_of(st.none(), st.floats(-180, 180))), draw(st.one_of(st.none(), words)),
                            None, None)
    return Event(
        id=draw(words), category=draw(st.sampled_from(PLOVER_CATEGORIES)), evidence=draw(evidences()),
        mode=draw(st.one_of(st.none(), st.sampled_from(["visit", "phone", "demo"]))),
        context=draw(st.lists(st.sampled_from(["diplomatic", "military", "economic"]), max_size=3)),
        cameo=draw(st.one_of(st.none(), st.sampled_from(["036", "042", "1123", "190"]))),
        quad_class=draw(st.one_of(st.none(), st.integers(1, 4))),
        goldstein=draw(st.one_of(st.none(), st.floats(-10, 10))),
        source=draw(actor_refs()), target=draw(actor_refs()), negated=draw(st.booleans()),
        certainty=draw(st.sampled_from(CERTAINTIES)), attributed_to=draw(actor_refs()),
        date=EventDate(start, end, draw(st.sampled_from(PRECISIONS)), draw(st.one_of(st.none(), words))),
        location=loc, confidence=draw(st.floats(0, 1)), symmetric=draw(st.booleans()),
        mentions=draw(st.lists(evidences(), max_size=3)),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=st.lists(events(), max_size=5))
def test_events_round_trip(evs: list[Event]) -> None:
    doc = Document(text=TEXT, id="p", language="de", published=dt.date(2024, 1, 22), events=evs)
    with EventStore() as store:
        res = store.ingest_documents([doc])
        assert res.events == len(evs)
        back = store.document("p")
        assert back is not None
        assert [e.to_dict() for e in back.events] == [e.to_dict() for e in evs]
        assert [r.event.to_dict() for r in store.events(order="document")] == [e.to_dict() for e in evs]
