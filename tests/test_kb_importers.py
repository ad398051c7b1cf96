"""Importers: Phoenix actors/agents, CountryInfo and people TSV -> overlay directories that load."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lagebild.kb.importers import Tenure, known_person_keys, merge_tenures, pretty_name, tabari_date
from lagebild.kb.importers.countryinfo import import_countryinfo
from lagebild.kb.importers.phoenix import import_actors, import_agents, import_phoenix, looks_like_agents
from lagebild.kb.importers.tsv import import_people_tsv
from lagebild.kb.load import load_kb
from lagebild.tsv import read_tsv

COUNTRIES = {"RUS", "USA", "AFG", "PRK", "DEU"}

PHOENIX_ACTORS = """\
# a comment
AFGHANISTAN_  [AFG]
+KABUL_

TEST_PERSON_ONE_  # CountryInfo.txt
+ONE_PERSON_
+PRESIDENT_TEST_ONE_
\t[RUSELI 700101-990809]
\t[RUSGOV 991231-080507]
\t[RUSGOV 990809-000507]
\t[RUSGOV >080508]
\t[RUSELI]
TEST_PERSON_TWO_
\t[USAELI 19970120-20010120]
TEST_PERSON_THREE_ [XXXGOV >050101]
TEST_PERSON_FOUR_ [RUSGOV 2004017-20061201]
\t[RUSGOV 20070101-20080101]
TEST_PERSON_FIVE_ [HTIGOVMED <061231]
LINE_WITH_BROKEN_[BRACKET
TEST_PERSON_SIX_
SIX_ALIAS_
\t[AFGGOV >101010]
KIM_JONG-UN_TEST_ [PRKGOV >111217]
TEST_PARTY_ [RUSPTY]
"""

PHOENIX_AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
PRESIDENT_ [~GOV]
SPOKES!PERSON! [~GOV]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
ARMED_POLICE {} [~COP]
BUDDHIST_MONK [~BUD]
ISLAMIC_EXTREMIST
PEACEKEEPING_TROOPS {} [IGO~]
"""

COUNTRYINFO = """\
<!-- CountryInfo.txt
a documentation block
-->
<Country>
<CountryCode>RUS</CountryCode>
<CountryName>RUSSIAN_FEDERATION</CountryName>
<ISO3166-alpha3>RUS</ISO3166-alpha3>
<Nationality>
\tRUSSIAN_
\tROSSIYA_TEST_
</Nationality>
<Capital>
\tMOSCOW_
</Capital>
<MajorCities>
\tNOVOSIBIRSK_
</MajorCities>
<Leaders>
\t<Presidents>
\t\t{TEST_LEADER_A_}{TEST_LEADER_ALPHA_}\t[19991231 - 20080507]  [B:19520101]
\t\tTEST_LEADER_B_\t[>20080507]
\t\tTEST_LEADER_C_\t[20080931 - 20090101]
\t\tTEST_LEADER_D_\t[B:19500101]
\t</Presidents>
\t<Prime ministers>
\t\t{TEST_LEADER_A_}{TEST_LEADER_ALPHA_}\t[19990809 - 20000507]  [>20080508]
\t</Prime ministers>
</Leaders>
<Government>
\t{TEST_MINISTER_X_} [RUSGOVMIL >20070301]\t# Minister of Defense
\t{TEST_MINISTER_Y_} [RUSGOV <20040331][RUSGOVAGR 20040401 - 20090331]\t# Deputy Premier & Minister of Agriculture
\t{TEST_MINISTER_Z_} [ZZZGOV >20070301]\t# Minister of Nothing
</Government>
</Country>
<Country>
<CountryCode>XYZ</CountryCode>
<CountryName>NOWHERE</CountryName>
</Country>
"""


def _rows(path: Path) -> list[dict[str, str]]:
    return [r for _, r in read_tsv(path)]


def test_tabari_dates() -> None:
    assert tabari_date("080508") == dt.date(2008, 5, 8)
    assert tabari_date("700101") == dt.date(1970, 1, 1)
    assert tabari_date("300101") == dt.date(2030, 1, 1)
    assert tabari_date("19970120") == dt.date(1997, 1, 20)
    assert tabari_date("20040931") == dt.date(2004, 9, 30)  # CountryInfo's "end of September"
    with pytest.raises(ValueError):
        tabari_date("2004017")
    with pytest.raises(ValueError):
        tabari_date("20040931", clamp=False)


def test_pretty_names_and_merge() -> None:
    assert pretty_name("VLADIMIR_PUTIN_") == "Vladimir Putin"
    assert pretty_name("R.K._PACHAURI_") == "R.K. Pachauri"
    d = dt.date
    merged = merge_tenures([Tenure("official", "RUS", "GOV", d(1999, 12, 31), d(2008, 5, 7)),
                            Tenure("official", "RUS", "GOV", d(1999, 8, 9), d(2000, 5, 7)),
                            Tenure("official", "RUS", "GOV", d(2008, 5, 8), None)])
    assert [(t.start, t.end) for t in merged] == [(d(1999, 8, 9), d(2008, 5, 7)), (d(2008, 5, 8), None)]


def test_phoenix_actors_inline(tmp_path: Path) -> None:
    src = tmp_path / "sample.actors.txt"
    src.write_text(PHOENIX_ACTORS, encoding="utf-8")
    out = tmp_path / "overlay"
    res = import_actors(src, out, COUNTRIES)
    people = _rows(out / "people" / "sample_actors.tsv")
    by_id: dict[str, list[dict[str, str]]] = {}
    for r in people:
        by_id.setdefault(r["person_id"], []).append(r)
    one = by_id["phx_test_person_one"]
    assert {(r["role"], r["sector"], r["from"], r["to"]) for r in one} == {
        ("elite", "ELI", "1970-01-01", "1999-08-09"),
        ("official", "GOV", "1999-08-09", "2008-05-07"),  # overlapping GOV codes merged
        ("official", "GOV", "2008-05-08", ""),
    }
    assert all(r["country"] == "RUS" for r in one)
    assert "One Person" in one[0]["aliases"] and "President" not in one[0]["aliases"]  # title alias dropped
    assert by_id["phx_test_person_two"][0]["from"] == "1997-01-20"
    assert "phx_test_person_five" not in by_id  # HTI is not a known country here
    six = by_id["phx_test_person_six"][0]
    assert six["country"] == "AFG" and "Six Alias" in six["aliases"]  # consecutive root phrases
    assert "Kim Jong-un Test" in by_id["phx_kim_jong_un_test"][0]["aliases"]
    reasons = [s.reason for s in res.skipped]
    assert any("country-level name" in r for r in reasons)
    assert any("unknown country code 'XXX'" in r for r in reasons)
    assert any("2004017" in r for r in reasons)       # a bad date skips the code, not the person
    assert "phx_test_person_four" in by_id
    assert any("unbalanced" in r for r in reasons)
    orgs = _rows(out / "organisations.tsv")
    assert [(o["id"], o["kind"], o["country"]) for o in orgs] == [("phx_test_party", "party", "RUS")]
    kb = load_kb(extra_dirs=[out])  # the overlay loads cleanly
    assert kb.entities["phx_test_person_one"].role_on(dt.date(2010, 1, 1)) is not None


def test_phoenix_skips_known_people(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("TEST_PERSON_ONE_\n\t[RUSGOV >080508]\n", encoding="utf-8")
    res = import_actors(src, tmp_path / "o", COUNTRIES, {"test person one": "someone"})
    assert res.skipped[0].reason == "already in the KB: someone"
    assert not res.written


def test_phoenix_agents_inline(tmp_path: Path) -> None:
    src = tmp_path / "agents.txt"
    src.write_text(PHOENIX_AGENTS, encoding="utf-8")
    assert looks_like_agents(src)
    res = import_agents(src, tmp_path / "o")
    rows = {r["form"]: r for r in _rows(tmp_path / "o" / "agents.tsv")}
    assert rows["president"]["role"] == "head of state" and rows["President"]["sector"] == "GOV"
    assert rows["presidents"]["number"] == "pl"
    assert rows["spokeswoman"]["role"] == "spokesperson"
    assert rows["chambers of commerce"]["number"] == "pl"
    assert "armed polices" not in rows and rows["armed police"]["role"] == "police"
    assert rows["peacekeeping troops"]["sector"] == "IGO"
    reasons = " ".join(s.reason for s in res.skipped)
    assert "PLOVER" in reasons and "no agent code" in reasons
    load_kb(extra_dirs=[tmp_path / "o"])


def test_countryinfo_inline(tmp_path: Path) -> None:
    src = tmp_path / "CountryInfo.txt"
    src.write_text(COUNTRYINFO, encoding="utf-8")
    out = tmp_path / "o"
    res = import_countryinfo(src, out, COUNTRIES)
    forms = {(r["kind"], r["form"]) for r in _rows(out / "country_forms.tsv")}
    assert ("name", "Russian Federation") in forms and ("adjective", "Russian") in forms
    assert ("name", "Rossiya Test") in forms
    assert {r["form"] for r in _rows(out / "seats.tsv")} == {"Moscow"}
    assert {r["name_en"] for r in _rows(out / "places.tsv")} == {"Novosibirsk"}
    people = _rows(next((out / "people").glob("*.tsv")))
    a = [r for r in people if r["person_id"] == "ci_test_leader_a"]
    assert {(r["role"], r["from"], r["to"]) for r in a} == {
        ("head of state", "1999-12-31", "2008-05-07"), ("head of government", "1999-08-09", "2000-05-07"),
        ("head of government", "2008-05-08", "")}
    assert "Test Leader Alpha" in a[0]["aliases"]
    assert [r["to"] for r in people if r["person_id"] == "ci_test_leader_c"] == ["2009-01-01"]
    x = [r for r in people if r["person_id"] == "ci_test_minister_x"][0]
    assert (x["role"], x["sector"]) == ("defence minister", "GOV")  # first sector of RUSGOVMIL
    y = [(r["role"], r["sector"], r["from"], r["to"]) for r in people if r["person_id"] == "ci_test_minister_y"]
    # two offices in the comment: no role guess; RUSGOVAGR keeps its first sector, GOV
    assert sorted(y) == [("official", "GOV", "", "2004-03-31"), ("official", "GOV", "2004-04-01", "2009-03-31")]
    reasons = " ".join(s.reason for s in res.skipped)
    assert "unknown country code: XYZ" in reasons and "ZZZ" in reasons and "without a usable date" in reasons
    load_kb(extra_dirs=[out])


def test_people_tsv_import(tmp_path: Path) -> None:
    src = tmp_path / "mine.tsv"
    src.write_text(
        "person_id\tname\taliases\trole\tcountry\tsector\tfrom\tto\n"
        "p1\tAnna Test\t\tforeign minister\tDEU\tGOV\t2020-01-01\t2021-12-31\n"
        "p1\tAnna Test\t\tforeign minister\tDEU\tGOV\t2021-06-01\t\n"
        "p2\tBert Test\t\tminister\tXXX\tGOV\t2020-01-01\t\n"
        "p3\tCarl Test\t\tminister\tDEU\tFOO\t\t\n"
        "p4\tDora Test\t\tminister\tDEU\tGOV\t2020-13-01\t\n"
        "p5\tEmil Test\t\tminister\tDEU\tGOV\t2020-01-01\t2019-01-01\n"
        "p6\tFrida Test\t\tminister\tDEU\tGOV\t\t\textra\tcells\n"
        "p7\tGeorg Test\t\tminister\tIGO:UN\tIGO\t2020-01-01\t\n", encoding="utf-8")
    res = import_people_tsv(src, tmp_path / "o", COUNTRIES)
    assert res.written == {"people/mine.tsv": 2}
    reasons = [s.reason.split(":")[0] for s in res.skipped]
    assert reasons == ["overlapping tenure", "unknown country code", "unknown sector", "invalid date",
                       "role ends before it starts", "too many cells"]
    assert [s.line for s in res.skipped] == [3, 4, 5, 6, 7, 8]
    kb = load_kb(extra_dirs=[tmp_path / "o"])
    assert kb.entities["p7"].roles[0].country == "IGO:UN"


# ---- the reference dictionaries in ../shared (skipped where absent) --------------------------
@pytest.fixture(scope="module")
def dictionaries(shared: Path) -> Path:
    d = shared / "reference" / "dictionaries"
    if not d.is_dir():
        pytest.skip("no reference dictionaries")
    return d


@pytest.fixture(scope="module")
def packaged() -> object:
    return load_kb()


@pytest.mark.shared
@pytest.mark.parametrize("name", ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                  "Phoenix.agents.txt"])
def test_phoenix_reference(dictionaries: Path, packaged: object, tmp_path: Path, name: str) -> None:
    src = dictionaries / name
    if not src.exists():
        pytest.skip(f"{name} absent")
    kb0 = packaged
    from lagebild.kb.model import KnowledgeBase

    assert isinstance(kb0, KnowledgeBase)
    res = import_phoenix(src, tmp_path, set(kb0.countries), known_person_keys(kb0))
    assert sum(res.written.values()) > 1000
    assert len(res.skipped) < 0.5 * sum(res.written.values()) + 8000
    kb = load_kb(extra_dirs=[tmp_path])
    if name == "Phoenix.Countries.actors.txt":
        # known people are skipped, so the packaged Putin is untouched and no imported one shadows him
        assert not [e for e in kb.entities.values() if e.id.startswith("phx_") and "Putin" in e.aliases]
        assert any(e.id.startswith("phx_") for e in kb.entities.values())


@pytest.mark.shared
def test_countryinfo_reference(dictionaries: Path, packaged: object, tmp_path: Path) -> None:
    src = dictionaries / "CountryInfo.140728.txt"
    if not src.exists():
        pytest.skip("CountryInfo absent")
    from lagebild.kb.model import KnowledgeBase

    assert isinstance(packaged, KnowledgeBase)
    res = import_countryinfo(src, tmp_path, set(packaged.countries), known_person_keys(packaged))
    assert res.written.get("seats.tsv", 0) > 150 and res.written.get("places.tsv", 0) > 1000
    assert len(res.skipped) < 3000
    load_kb(extra_dirs=[tmp_path])
