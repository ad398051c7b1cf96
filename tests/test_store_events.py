"""The event store with hand-built events: writing, every query, filters, round trips, schema."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from lagebild.document import ActorRef, Document, Event, EventDate, Evidence
from lagebild.errors import StoreError
from lagebild.store import EventFilter, EventStore
from lagebild.store.migrations import LATEST
from test_store_helpers import SEED_LIKE, seed_document


@pytest.fixture()
def store() -> EventStore:
    st = EventStore()
    res = st.ingest_documents([seed_document()])
    assert (res.new, res.events) == (1, 2)
    st.refresh_aggregates()
    return st


def test_events_round_trip_the_contract_shape(store: EventStore) -> None:
    doc = seed_document()
    got = store.document("seed")
    assert got is not None
    assert [e.to_dict() for e in got.events] == [e.to_dict() for e in doc.events]
    assert got.text == doc.text and got.published == doc.published and got.title == doc.title
    assert [a.to_dict() for a in got.actors] == [a.to_dict() for a in doc.actors]
    assert [s.to_dict() for s in got.sections] == [s.to_dict() for s in doc.sections]
    for e in got.events:  # offsets index the stored text
        assert got.text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.source is not None and got.text[e.source.start:e.source.end] == e.source.text


def test_article_dict_has_document_keys_and_store_block(store: EventStore) -> None:
    d = store.article("seed")
    assert d is not None
    for key in ("id", "language", "published", "title", "url", "actors", "places", "times", "events", "text"):
        assert key in d
    assert d["store"]["status"] == "analysed" and d["store"]["seq"] == 1
    assert d["events"][0]["store_id"] == "seed:0"
    assert store.article("nope") is None


def test_event_records(store: EventStore) -> None:
    recs = store.events()
    assert [r.id for r in recs] == ["seed:1", "seed:0"]  # ordered by date: Sept 2023 before Jan 2024
    d = recs[1].to_dict()
    assert d["category"] == "AGREE" and d["certainty"] == "reported" and d["event_key"] == "e1"
    assert d["source"]["country"] == "RUS" and d["target"]["country"] == "PRK"
    assert d["attributed_to"]["sector"] == "JRN"
    assert d["mentions"][0]["text"] == "Putin nimmt Einladung nach Nordkorea an"
    assert d["article_id"] == "seed" and d["url"] == "https://example.org/seed" and d["cluster_id"]
    assert store.event("seed:0") is not None and store.event("x") is None


@pytest.mark.parametrize(("flt", "ids"), [
    (EventFilter(actor="RUS"), {"seed:0", "seed:1"}),
    (EventFilter(actor="Kim Jong-un"), {"seed:0", "seed:1"}),
    (EventFilter(actor="Q7747"), {"seed:0", "seed:1"}),
    (EventFilter(actor="USA"), set()),
    (EventFilter(source="PRK"), set()),
    (EventFilter(dyad=("PRK", "RUS")), {"seed:0", "seed:1"}),
    (EventFilter(dyad=("PRK", "RUS"), directed=True), set()),
    (EventFilter(category=("AGREE",)), {"seed:0"}),
    (EventFilter(category=("AGREE", "CONSULT")), {"seed:0", "seed:1"}),
    (EventFilter(cameo="04"), {"seed:1"}),
    (EventFilter(certainty=("reported",)), {"seed:0"}),
    (EventFilter(negated=True), set()),
    (EventFilter(since=dt.date(2024, 1, 1)), {"seed:0"}),
    (EventFilter(until=dt.date(2023, 9, 15)), {"seed:1"}),
    (EventFilter(since=dt.date(2023, 9, 15), until=dt.date(2023, 9, 20)), {"seed:1"}),
    (EventFilter(min_confidence=0.75), {"seed:0"}),
    (EventFilter(text="dankend"), {"seed:0"}),
    (EventFilter(article_id="seed", language="de"), {"seed:0", "seed:1"}),
])
def test_filters(store: EventStore, flt: EventFilter, ids: set[str]) -> None:
    assert {r.id for r in store.events(flt)} == ids
    assert store.count_events(flt) == len(ids)


def test_filter_from_strings_and_errors() -> None:
    f = EventFilter.from_strings(dyad="RUS, PRK", category="agree,consult", since="2024-01-01",
                                 certainty="Reported", negated="false")
    assert f.dyad == ("RUS", "PRK") and f.category == ("AGREE", "CONSULT") and f.negated is False
    assert f.since == dt.date(2024, 1, 1) and f.certainty == ("reported",)
    for bad in ({"dyad": "RUS"}, {"category": "HUG"}, {"since": "gestern"}, {"certainty": "sure"},
                {"since": "2024-02-01", "until": "2024-01-01"}, {"cameo": "x1"}, {"negated": "maybe"}):
        with pytest.raises(ValueError):
            EventFilter.from_strings(**bad)  # type: ignore[arg-type]


def test_filter_values_are_parameters_not_sql(store: EventStore) -> None:
    evil = "RUS' OR 1=1; DROP TABLE events; --"
    assert store.events(EventFilter(actor=evil)) == []
    assert store.count_events() == 2


def test_dyad_events_actors_dyads_timeline(store: EventStore) -> None:
    assert len(store.dyad_events("RUS", "PRK")) == 2
    assert len(store.dyad_events("PRK", "RUS", directed=True)) == 0
    actors = {a.actor_id: a for a in store.actors()}
    assert actors["Q7747"].events == 2 and actors["Q7747"].mentions == 1 and actors["Q7747"].articles == 1
    assert actors["Q707445"].country == "PRK"  # the attributed source is an actor seen too
    assert store.actor("Q56226") is not None and store.actor("none") is None
    assert [a.actor_id for a in store.actors(country="PRK", query="kim")] == ["Q56226"]
    dy = store.dyads()
    assert {(d.source, d.target, d.category, d.events) for d in dy} == {("RUS", "PRK", "AGREE", 1),
                                                                        ("RUS", "PRK", "CONSULT", 1)}
    tl = store.timeline(interval="month")
    assert [(p.period, p.category) for p in tl] == [(dt.date(2023, 9, 1), "CONSULT"), (dt.date(2024, 1, 1), "AGREE")]
    with pytest.raises(ValueError):
        store.timeline(interval="hour")


def test_articles_listing(store: EventStore) -> None:
    arts = store.articles()
    assert [a.id for a in arts] == ["seed"] and arts[0].n_events == 2
    assert store.count_articles(query="NORDKOREA") == 1 and store.count_articles(query="Brasilien") == 0
    assert store.articles(since=dt.date(2025, 1, 1)) == []


def test_stats_keys(store: EventStore) -> None:
    s = store.stats().to_dict()
    for key in ("articles", "events", "actors", "duplicates", "rejects"):
        assert isinstance(s[key], int)
    assert (s["articles"], s["events"], s["duplicates"], s["rejects"]) == (1, 2, 0, 0)
    assert s["categories"] == {"AGREE": 1, "CONSULT": 1} and s["schema_version"] == LATEST


def test_failed_documents_become_rejects() -> None:
    st = EventStore()
    bad = Document(text="Ein Text, dessen Analyse scheiterte.", id="kaputt", error="[E021] stage 'x' failed")
    res = st.ingest_documents([bad])
    assert (res.new, res.failed) == (0, 1)
    s = st.stats()
    assert (s.articles, s.failed, s.rejects) == (0, 1, 1)
    assert "analysis failed" in st.rejects()[0].reason


def test_events_beyond_an_article_are_isolated() -> None:
    st = EventStore()
    d1 = seed_document(SEED_LIKE, id="a", url="https://one.example/a")
    d2 = seed_document(SEED_LIKE + "\nNachtrag.", id="b", url="https://two.example/b")
    st.ingest_documents([d1, d2])
    assert st.stats().articles == 1  # the second is a near duplicate of the first and not analysed
    assert st.duplicates()[0].kind == "near"


def test_schema_migrations_recorded_and_read_only(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with EventStore(db) as st:
        assert st.schema_version == LATEST
        st.ingest_documents([seed_document()])
    with EventStore(db) as st:  # reopening applies nothing new
        rows = st.con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, LATEST + 1))
    with EventStore(db, read_only=True) as ro:
        assert ro.stats().events == 2
        with pytest.raises(duckdb.Error):
            ro.con.execute("DELETE FROM events")


def test_read_only_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        EventStore(tmp_path / "missing.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a Lagebild store"):
        EventStore(other, read_only=True)


def test_aggregates_across_articles() -> None:
    st = EventStore()
    docs = []
    for i, (src, outlet) in enumerate([("RUS", "a.example"), ("RUS", "b.example"), ("RUS", "a.example")]):
        text = f"Meldung {i}: Moskau und Pjöngjang vereinbaren Zusammenarbeit. " + "Füllsatz. " * (i * 30)
        doc = Document(text=text, id=f"m{i}", published=dt.date(2024, 1, 22), url=f"https://{outlet}/{i}",
                       language="de")
        ev = Event(id="e1", category="AGREE", cameo="057", evidence=Evidence(text[:60], 0, 60, "vereinbaren"),
                   source=ActorRef("Moskau", 12, 18, None, "Russia", src, "GOV", "state"),
                   target=ActorRef("Pjöngjang", 23, 32, None, "North Korea", "PRK", "GOV", "state"),
                   date=EventDate(dt.date(2024, 1, 21), dt.date(2024, 1, 21), "day"),
                   mentions=[Evidence(text[:10], 0, 10)] if i == 0 else [])
        docs.append(doc)
        doc.events = [ev]
    # a different day and a negated report form their own aggregates
    late = dataclasses.replace(docs[2], id="m3", text=docs[2].text + " Später.")
    late.events = [dataclasses.replace(docs[2].events[0], date=EventDate(dt.date(2024, 3, 1), None, "day"))]
    neg = dataclasses.replace(docs[1], id="m4", text=docs[1].text + " Dementi.")
    neg.events = [dataclasses.replace(docs[1].events[0], negated=True)]
    st.ingest_documents(docs + [late, neg], params=None)
    assert st.refresh_aggregates(window_days=1) == 3
    aggs = st.aggregates()
    top = aggs[0]
    assert (top.num_articles, top.num_sources, top.num_mentions, top.num_events) == (3, 2, 4, 3)
    assert top.category == "AGREE" and top.source_code == "RUS/GOV" and top.target_code == "PRK/GOV"
    assert top.article_ids == ("m0", "m1", "m2") and top.first_article_id == "m0"
    assert top.source_url == "https://a.example/0"
    assert st.aggregate(top.cluster_id) == top
    assert len(st.aggregates(EventFilter(negated=True))) == 1
    # evidence of every member is kept
    assert {r.article_id for r in st.events(EventFilter(since=dt.date(2024, 1, 21), until=dt.date(2024, 1, 21),
                                                        negated=False))} == {"m0", "m1", "m2"}
    # a wider window joins the March report into nothing new (different bin) but keeps counts consistent
    assert st.refresh_aggregates(window_days=365) <= 3
    with pytest.raises(ValueError):
        st.refresh_aggregates(window_days=0)


def test_store_in_use_by_another_writer_is_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "busy.duckdb"
    EventStore(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            EventStore(db, read_only=True)
    finally:
        holder.kill()
        holder.wait()


def test_reads_from_many_threads(store: EventStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def work(i: int) -> tuple[int, int, int]:
        return (len(store.events(EventFilter(actor="RUS"))), store.stats().events, len(store.actors()))

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(64)))
    assert set(results) == {(2, 2, 3)}


def test_writes_and_reads_from_many_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    st = EventStore()

    def write(i: int) -> int:
        text = f"Meldung Nummer {i}: " + " ".join(f"wort{i}x{j}" for j in range(40))
        doc = Document(text=text, id=f"t{i}", language="de")
        doc.events = [Event("e", "CONSULT", Evidence(text[:20], 0, 20))]
        return st.ingest_documents([doc]).new

    def read(i: int) -> int:
        return st.count_events() + len(st.articles(limit=5))

    with ThreadPoolExecutor(max_workers=6) as pool:
        writes = [pool.submit(write, i) for i in range(20)]
        reads = [pool.submit(read, i) for i in range(40)]
        assert sum(f.result() for f in writes) == 20
        assert all(f.result() >= 0 for f in reads)
    assert st.stats().events == 20 and st.refresh_aggregates() >= 1
    st.close()
