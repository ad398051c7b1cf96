"""Date-aware role resolution, bad KB files, and the seed article's actors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lagebild
from lagebild.config import load_config
from lagebild.document import ActorMention
from lagebild.errors import DataFileError
from lagebild.kb.load import load_kb
from lagebild.pipeline import Pipeline

STAGES = ["structure", "tokenize", "sentences", "lemmatize", "separable", "actors", "places"]
HEADER = "person_id\tname\taliases\trole\tcountry\tsector\tfrom\tto\n"


def _pipeline(*kb_dirs: Path) -> Pipeline:
    return Pipeline.from_config(load_config(overrides={"stages": STAGES, "kb_dirs": [str(d) for d in kb_dirs]}))


@pytest.fixture(scope="module")
def nlp_actors() -> Pipeline:
    return _pipeline()


def _resolved(nlp: Pipeline, text: str, day: str) -> list[str | None]:
    doc = lagebild.analyze(text, published=day, language="de", pipeline=nlp)
    return [a.name for a in doc.actors if a.type == "person"]


# ---- the same phrase on two dates gives two people --------------------------------------------
@pytest.fixture(scope="module")
def leaders_overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """People written for this test (ids of the packaged persons, so the overlay replaces them)."""
    d = tmp_path_factory.mktemp("kb_overlay")
    (d / "people").mkdir()
    (d / "people" / "leaders.tsv").write_text(HEADER + "".join(
        "\t".join(r) + "\n" for r in [
            ("dmitry_medvedev", "Dmitry Medvedev", "Dmitri Medwedew|Medwedew", "head of state", "RUS", "GOV",
             "2008-05-07", "2012-05-06"),
            ("vladimir_putin", "Vladimir Putin", "Wladimir Putin|Putin", "head of state", "RUS", "GOV",
             "2012-05-07", ""),
            ("barack_obama", "Barack Obama", "Obama", "head of state", "USA", "GOV", "2009-01-20", "2017-01-19"),
            ("joe_biden", "Joe Biden", "Biden", "head of state", "USA", "GOV", "2021-01-20", "2025-01-19"),
        ]), encoding="utf-8")
    return d


@pytest.mark.parametrize(("text", "day", "who"), [
    ("Der russische Präsident sagte am Montag, man werde verhandeln.", "2010-06-01", "Dmitry Medvedev"),
    ("Der russische Präsident sagte am Montag, man werde verhandeln.", "2024-01-22", "Vladimir Putin"),
    ("Der US-Präsident sagte am Montag, man werde verhandeln.", "2016-03-01", "Barack Obama"),
    ("Der US-Präsident sagte am Montag, man werde verhandeln.", "2022-03-01", "Joe Biden"),
])
def test_role_resolved_on_date_overlay(leaders_overlay: Path, text: str, day: str, who: str) -> None:
    nlp = _pipeline(leaders_overlay)
    assert _resolved(nlp, text, day) == [who]


def test_same_phrase_two_dates_two_people(leaders_overlay: Path) -> None:
    nlp = _pipeline(leaders_overlay)
    text = "Der russische Präsident sagte, man werde verhandeln."
    a, b = _resolved(nlp, text, "2010-06-01"), _resolved(nlp, text, "2024-01-22")
    assert a and b and a != b


def _packaged_has(*ids: str) -> bool:
    kb = load_kb()
    return all(i in kb.entities for i in ids)


@pytest.mark.parametrize(("day", "who"), [("2010-06-01", "Dmitry Medvedev"),
                                          ("2024-01-22", "Vladimir Putin")])
def test_role_resolved_on_date_packaged(nlp_actors: Pipeline, day: str, who: str) -> None:
    if not _packaged_has("vladimir_putin", "dmitry_medvedev"):
        pytest.skip("packaged people data lacks Putin/Medvedev")
    assert _resolved(nlp_actors, "Der russische Präsident sagte, man werde verhandeln.", day) == [who]


def test_person_role_on_date_packaged(nlp_actors: Pipeline) -> None:
    if not _packaged_has("vladimir_putin"):
        pytest.skip("packaged people data lacks Putin")
    doc = nlp_actors.analyze("Wladimir Putin sagte, man werde verhandeln.", published="2010-06-01", language="de")
    putin = [a for a in doc.actors if a.actor_id == "vladimir_putin"]
    assert putin and putin[0].role == "head of government" and putin[0].country == "RUS"


# ---- bad KB files name file and line ----------------------------------------------------------
def _bad(tmp_path: Path, rows: str) -> DataFileError:
    d = tmp_path / "kb"
    (d / "people").mkdir(parents=True)
    (d / "people" / "bad.tsv").write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(DataFileError) as ei:
        load_kb(extra_dirs=[d])
    err = ei.value
    assert err.path.endswith("bad.tsv")
    assert str(err).startswith("[E030] ") and "bad.tsv:" in str(err)
    return err


def test_bad_line_too_many_cells(tmp_path: Path) -> None:
    err = _bad(tmp_path, "p1\tA Test\t\tminister\tDEU\tGOV\t2020-01-01\t\tEXTRA\n")
    assert err.line == 2 and "cells" in str(err)


def test_bad_unknown_country_code(tmp_path: Path) -> None:
    err = _bad(tmp_path, "p1\tA Test\t\tminister\tDEU\tGOV\t2020-01-01\t\n"
                         "p2\tB Test\t\tminister\tXYZ\tGOV\t2020-01-01\t\n")
    assert err.line == 3 and "XYZ" in str(err)


def test_bad_overlapping_tenures(tmp_path: Path) -> None:
    err = _bad(tmp_path, "p1\tA Test\t\tforeign minister\tDEU\tGOV\t2020-01-01\t2021-12-31\n"
                         "p1\tA Test\t\tforeign minister\tDEU\tGOV\t2021-06-01\t\n")
    assert err.line == 3 and "overlaps" in str(err)
    assert "bad.tsv:2" in str(err) or "line 2" in str(err)  # names the earlier tenure too


def test_bad_file_through_pipeline_config(tmp_path: Path) -> None:
    d = tmp_path / "kb"
    d.mkdir()
    (d / "people.tsv").write_text(HEADER + "p1\tA Test\t\tminister\tQQQ\tGOV\t\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"people\.tsv:2: unknown country code 'QQQ'"):
        _pipeline(d).analyze("Der Minister sagte etwas.", language="de")


def test_overlay_adds_a_person(tmp_path: Path) -> None:
    d = tmp_path / "kb"
    (d / "people").mkdir(parents=True)
    (d / "people" / "mine.tsv").write_text(
        HEADER + "zz_test\tZacharias Quenstedt\tQuenstedt\tforeign minister\tAUT\tGOV\t2023-01-01\t\n",
        encoding="utf-8")
    nlp = _pipeline(d)
    doc = nlp.analyze("Außenminister Zacharias Quenstedt reiste nach Wien.", published="2024-01-22", language="de")
    hit = [a for a in doc.actors if a.actor_id == "zz_test"]
    assert hit and hit[0].country == "AUT" and hit[0].role == "foreign minister"


# ---- the seed article ------------------------------------------------------------------------
def _gold_actors(shared: Path) -> list[dict[str, str]]:
    return json.loads((shared / "eval" / "seed.gold.json").read_text(encoding="utf-8"))["actors"]


@pytest.fixture(scope="module")
def seed_doc(shared: Path, nlp_actors: Pipeline) -> object:
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    return nlp_actors.analyze(text, published="2024-01-22", language="de")


SEED_ACTORS = ["Wladimir Putin", "Kim Jong-un", "KCNA", "Choe Son-hui", "Sergej Lawrow", "Kreml-Sprecher", "CSIS",
               "John Kirby", "Russland", "Russlands", "Moskau", "Nordkorea", "Pjöngjang", "nordkoreanischen",
               "Südkorea", "Ukraine", "USA", "Weißen Hauses", "Iran"]


@pytest.mark.shared
@pytest.mark.parametrize("text", SEED_ACTORS)
def test_seed_actor(shared: Path, seed_doc: object, nlp_actors: Pipeline, text: str) -> None:
    gold = {g["text"]: g for g in _gold_actors(shared)}
    if text not in gold:
        pytest.skip(f"{text!r} is not in the gold actors")
    g = gold[text]
    doc = seed_doc
    start = doc.text.find(text)  # type: ignore[attr-defined]
    assert start >= 0, f"{text!r} does not occur in the seed"
    end = start + len(text)
    covering: list[ActorMention] = [a for a in doc.actors if a.start <= start and end <= a.end]  # type: ignore[attr-defined]
    ok = [a for a in covering if a.country == g["country"] and ("sector" not in g or a.sector == g["sector"])]
    assert ok, f"{text!r}: want {g}, covering mentions: " + \
        "; ".join(f"{a.text!r} {a.country} {a.sector} {a.method}" for a in covering)


@pytest.mark.shared
def test_seed_gold_list_is_covered(shared: Path) -> None:
    assert {g["text"] for g in _gold_actors(shared)} <= set(SEED_ACTORS)
