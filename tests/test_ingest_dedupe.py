"""Exact and near-duplicate detection, and how ingest records duplicates (not analysed twice)."""

from __future__ import annotations

from pathlib import Path

from lagebild.ingest import IngestOptions, MinHashParams, content_hash, fingerprint, ingest
from lagebild.ingest.dedupe import NearDupIndex, band_hashes, minhash, shingle_hashes, similarity
from lagebild.store import EventStore
from test_store_helpers import TOY_FACTORY, write_jsonl

TOY = IngestOptions(pipeline_factory=TOY_FACTORY)
STORY = (
    "Wien/Brüssel – Die österreichische Bundesregierung hat am Dienstag in Brüssel neue Verhandlungen über "
    "die Verteilung von Asylwerbern in der Europäischen Union gefordert. Innenministerin Mikl-Leitner sagte "
    "nach einem Treffen mit ihren Amtskollegen, Österreich könne die Last nicht länger allein tragen. "
    "Mehrere osteuropäische Staaten lehnten verbindliche Quoten erneut ab, während Deutschland und Schweden "
    "eine gemeinsame Lösung unterstützten. Die EU-Kommission will bis Ende des Monats einen überarbeiteten "
    "Vorschlag vorlegen, der auch finanzielle Hilfen für besonders belastete Länder vorsieht. Beobachter "
    "rechnen dennoch mit langwierigen Gesprächen, da die Positionen weit auseinanderliegen."
)
# a syndicated copy: another headline, an agency line, one sentence added at the end
COPY = ("Streit um Asylquoten geht weiter\n" + STORY.replace("Wien/Brüssel – ", "Wien/Brüssel (APA) – ")
        + " Eine Entscheidung wird frühestens im Herbst erwartet.")
OTHER = (
    "Graz – Der Grazer Gemeinderat hat am Donnerstag mit knapper Mehrheit den Bau einer neuen Straßenbahnlinie "
    "in den Süden der Stadt beschlossen. Die Kosten werden auf rund 100 Millionen Euro geschätzt, ein Teil soll "
    "vom Land Steiermark übernommen werden. Die Opposition kritisierte die Finanzierung als unsicher und "
    "verlangte eine Volksbefragung, die jedoch abgelehnt wurde. Baubeginn ist für das kommende Frühjahr geplant."
)


def test_content_hash_ignores_whitespace_only() -> None:
    assert content_hash("Eins  zwei\ndrei ") == content_hash(" Eins zwei drei")
    assert content_hash("Eins zwei drei") != content_hash("eins zwei drei")


def test_shingles_are_stable_across_processes() -> None:
    # no use of Python's randomised hash(): the same text gives the same numbers everywhere
    assert sorted(shingle_hashes("a b c d"))[:1] == sorted(shingle_hashes("a b c d"))[:1]
    sig = minhash(shingle_hashes(STORY))
    assert sig is not None and len(sig) == 64 and sig == minhash(shingle_hashes(STORY))
    assert sig[:3] == minhash(shingle_hashes(STORY))[:3]  # type: ignore[index]


def test_near_duplicate_scores_high_unrelated_low() -> None:
    p = MinHashParams()
    a, b, c = fingerprint(STORY, p), fingerprint(COPY, p), fingerprint(OTHER, p)
    assert a.signature and b.signature and c.signature
    assert similarity(a.signature, b.signature) >= p.threshold
    assert similarity(a.signature, c.signature) < 0.2
    assert set(a.bands) & set(b.bands)  # LSH finds the candidate
    idx = NearDupIndex(p)
    idx.add("story", a.signature, a.bands)
    found = idx.best(b.signature, b.bands)
    assert found is not None and found[0] == "story"
    assert idx.best(c.signature, c.bands) is None


def test_short_texts_get_no_signature() -> None:
    fp = fingerprint("Kurze Meldung aus Wien.", MinHashParams())
    assert fp.signature is None and fp.bands == []


def test_band_hashes_fit_bigint() -> None:
    sig = minhash(shingle_hashes(STORY))
    assert sig is not None
    assert all(0 <= b < 2**63 for b in band_hashes(sig, MinHashParams()))


def test_ingest_records_duplicates_and_does_not_analyse_them(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "story", "text": STORY, "published": "2015-06-02"},
        {"id": "story-again", "text": STORY + "\n"},            # exact (whitespace only)
        {"id": "copy", "text": COPY, "published": "2015-06-02"},  # near
        {"id": "other", "text": OTHER},
        {"id": "story", "text": STORY},                          # the same record twice: unchanged
    ])
    db = tmp_path / "s.duckdb"
    s1 = ingest([str(src)], db, IngestOptions(batch_size=2, pipeline_factory=TOY_FACTORY))
    assert (s1.new, s1.duplicates, s1.unchanged, s1.rejected) == (2, 2, 1, 0)
    with EventStore(db, read_only=True) as st:
        st1 = st.stats()
        assert (st1.articles, st1.articles_total, st1.exact_duplicates, st1.near_duplicates) == (2, 3, 1, 1)
        dups = {d.record_key: d for d in st.duplicates()}
        assert dups["id:story-again"].duplicate_of == "story" and dups["id:story-again"].kind == "exact"
        assert dups["id:copy"].duplicate_of == "story" and dups["id:copy"].kind == "near"
        copy = st.article("copy")
        assert copy is not None and copy["store"]["status"] == "duplicate"
        assert copy["store"]["duplicate_of"] == "story" and copy["store"]["similarity"] >= 0.8
        assert copy["sentences"] == []  # not analysed
    s2 = ingest([str(src)], db, IngestOptions(batch_size=3, pipeline_factory=TOY_FACTORY))
    # the exact duplicate is seen again (not stored twice); the stored near duplicate is unchanged
    assert (s2.new, s2.duplicates, s2.unchanged) == (0, 1, 4)
    with EventStore(db, read_only=True) as st:
        assert st.stats().to_dict() | {"runs": 0} == st1.to_dict() | {"runs": 0}


def test_near_duplicate_against_an_earlier_run(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    ingest([str(write_jsonl(tmp_path / "a.jsonl", [{"id": "story", "text": STORY}]))], db, TOY)
    s = ingest([str(write_jsonl(tmp_path / "b.jsonl", [{"id": "copy", "text": COPY}]))], db, TOY)
    assert (s.new, s.duplicates) == (0, 1)
    with EventStore(db, read_only=True) as st:
        assert st.duplicates()[0].duplicate_of == "story"


def test_id_clash_with_other_text_gets_a_suffix(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    ingest([str(write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": STORY}]))], db, TOY)
    ingest([str(write_jsonl(tmp_path / "b.jsonl", [{"id": "1", "text": OTHER}]))], db, TOY)
    with EventStore(db, read_only=True) as st:
        ids = sorted(a.id for a in st.articles())
    assert ids[0] == "1" and ids[1].startswith("1~") and len(ids) == 2
