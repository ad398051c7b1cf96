"""GDELT 2.0 export: exactly the 61 columns of real GDELT files, valid CAMEO codes, quad classes and
Goldstein scores; it reads with the real GDELT column list like a real export file does."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
from typer.testing import CliRunner

from lagebild.cli.main import app
from lagebild.document import ActorRef, Document, Event, EventLocation, Evidence
from lagebild.export import GDELT_COLUMNS, gdelt_rows, write_gdelt
from lagebild.export.tables import load_tables
from lagebild.store import EventFilter, EventStore
from test_store_helpers import GDELT_DIR, SEED, TOY_FACTORY, need_shared, seed_document

ROOT_QUAD = {**{f"{i:02d}": 1 for i in range(1, 6)}, **{f"{i:02d}": 2 for i in range(6, 9)},
             **{f"{i:02d}": 3 for i in range(9, 14)}, **{f"{i:02d}": 4 for i in range(14, 21)}}
STRING_COLS = ("EventCode", "EventBaseCode", "EventRootCode", "Actor1Code", "Actor2Code", "ActionGeo_FeatureID",
               "Actor1Geo_FeatureID", "Actor2Geo_FeatureID", "ActionGeo_ADM2Code")


@pytest.fixture()
def store() -> EventStore:
    st = EventStore()
    seed = seed_document()
    text = "Die UNO und Russland berieten am Montag in Genf. Die NATO kritisierte Angriffe von Rebellen."
    other = Document(text=text, id="igo", language="de", published=seed.published, url="https://example.org/igo")
    other.events = [
        Event("x1", "CONSULT", Evidence(text[:48], 0, 48, "berieten"), symmetric=True,
              source=ActorRef("UNO", 4, 7, "Q1065", "United Nations", "IGO:UN", None, "organisation"),
              target=ActorRef("Russland", 12, 20, None, "Russia", "RUS", None, "state"),
              location=EventLocation("Geneva", "CHE", 46.2, 6.15, "Genf")),
        Event("x2", "ACCUSE", Evidence(text[49:], 49, len(text), "kritisierte"), cameo="99x",  # invalid code
              source=ActorRef("NATO", 53, 57, None, "NATO", "IGO:NATO", None, "organisation"),
              target=ActorRef("Rebellen", 84, 92, None, None, "NSA:Rebellen", "REB", "group"),
              location=EventLocation("Russland", "RUS")),
    ]
    st.ingest_documents([seed, other])
    st.refresh_aggregates()
    return st


def test_column_list_matches_gdelt_reference() -> None:
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    ref = need_shared(GDELT_DIR / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    with ref.open(encoding="utf-8", errors="replace", newline="") as fh:
        official = [row["tableId"] for row in csv.DictReader(fh)]
    assert tuple(official) == GDELT_COLUMNS
    listed = (GDELT_DIR / "gdelt2_export_columns.txt").read_text(encoding="utf-8").split()
    assert tuple(listed) == GDELT_COLUMNS


def test_rows_have_61_columns_and_valid_codes(store: EventStore) -> None:
    rows = list(gdelt_rows(store))
    assert len(rows) == 4
    tables = load_tables()
    for r in rows:
        assert len(r) == 61
        d = dict(zip(GDELT_COLUMNS, r, strict=True))
        code = d["EventCode"]
        assert code.isdigit() and 2 <= len(code) <= 4 and d["EventRootCode"] in ROOT_QUAD
        assert d["EventBaseCode"] == code[:3] and d["EventRootCode"] == code[:2]
        assert int(d["QuadClass"]) == ROOT_QUAD[d["EventRootCode"]]
        assert -10.0 <= float(d["GoldsteinScale"]) <= 10.0
        assert int(d["NumMentions"]) >= int(d["NumArticles"]) >= 1 and int(d["NumSources"]) >= 1
        assert len(d["SQLDATE"]) == 8 and d["SQLDATE"].startswith(d["MonthYear"]) and len(d["DATEADDED"]) == 14
        assert d["SQLDATE"][:4] == d["Year"] and d["FractionDate"].startswith(d["Year"] + ".")
        assert all("\t" not in v and "\n" not in v for v in r)
        assert tables.valid_cameo(code)
    by_code = {r[GDELT_COLUMNS.index("EventCode")]: dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows}
    agree = by_code["036"]
    assert (agree["Actor1Code"], agree["Actor1CountryCode"], agree["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (agree["Actor2Code"], agree["Actor2Name"]) == ("PRKGOV", "KIM JONG-UN")
    assert (agree["SQLDATE"], agree["FractionDate"]) == ("20240121", "2024.0575")
    assert agree["NumMentions"] == "2" and agree["SOURCEURL"] == "https://example.org/seed"
    visit = by_code["042"]
    assert (visit["ActionGeo_Type"], visit["ActionGeo_CountryCode"]) == ("4", "RS")
    assert visit["ActionGeo_FullName"] == "Vostochny Cosmodrome, Russia"
    consult = by_code["040"]  # no CAMEO code given: the category's default
    assert (consult["Actor1Code"], consult["Actor1KnownGroupCode"], consult["Actor1Type1Code"]) == \
        ("IGOUNO", "UNO", "IGO")
    assert (consult["ActionGeo_CountryCode"], consult["ActionGeo_Type"]) == ("SZ", "4")
    accuse = by_code["112"]  # invalid code replaced by the category's default
    assert accuse["Actor1Code"] == "IGOWSTNAT" and accuse["Actor2Code"] == "REB"
    assert (accuse["ActionGeo_Type"], accuse["ActionGeo_FullName"], accuse["ActionGeo_FeatureID"]) == \
        ("1", "Russia", "RS")


def test_codes_and_goldstein_match_the_cameo_table(store: EventStore) -> None:
    table = need_shared(GDELT_DIR / "cameoCodeTable.tsv")
    gold: dict[str, float] = {}
    for line in table.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) >= 3 and cells[2].strip():
            gold[cells[0].strip()] = float(cells[2].split("[")[0])
    for r in gdelt_rows(store):
        d = dict(zip(GDELT_COLUMNS, r, strict=True))
        assert d["EventCode"] in gold
        assert float(d["GoldsteinScale"]) == pytest.approx(gold[d["EventCode"]])
    # the export's own defaults (PLOVER category -> CAMEO) are valid codes with GDELT's weights
    for row in load_tables().plover.values():
        assert row.cameo in gold and row.goldstein == pytest.approx(gold[row.cameo])


def _read(data: bytes) -> pa.Table:
    return pacsv.read_csv(
        io.BytesIO(data), read_options=pacsv.ReadOptions(column_names=list(GDELT_COLUMNS)),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(column_types={c: pa.string() for c in STRING_COLS}))


def test_reads_like_a_real_gdelt_file(store: EventStore) -> None:
    buf = io.StringIO()
    n = write_gdelt(store, buf)
    ours = _read(buf.getvalue().encode("utf-8"))
    assert ours.num_rows == n == 4 and ours.num_columns == 61
    for col in ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
                "NumSources", "NumArticles", "DATEADDED"):
        assert pa.types.is_integer(ours.schema.field(col).type), col
    for col in ("FractionDate", "GoldsteinScale", "AvgTone"):
        assert pa.types.is_floating(ours.schema.field(col).type) or pa.types.is_integer(ours.schema.field(col).type)
    real_path = need_shared(GDELT_DIR / "20191024143000.export.CSV")
    real = _read(real_path.read_bytes())
    assert real.num_columns == ours.num_columns == 61
    for col in ("GLOBALEVENTID", "SQLDATE", "QuadClass", "NumArticles", "DATEADDED"):
        assert real.schema.field(col).type == ours.schema.field(col).type
    # and the stdlib csv module splits every line into 61 fields, as for the real file
    for line in buf.getvalue().splitlines():
        assert len(line.split("\t")) == 61


def test_per_event_filters_and_header(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "g.tsv"
    assert write_gdelt(store, out, EventFilter(dyad=("RUS", "PRK")), per_event=True, header=True) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(lines) == 3


def test_cli_ingest_seed_and_export_gdelt(tmp_path: Path) -> None:
    need_shared(SEED)
    db = tmp_path / "seed.duckdb"
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(SEED), "--db", str(db), "--published-default", "2024-01-22",
                            "--pipeline-factory", TOY_FACTORY, "-q"])
    assert r.exit_code == 0, r.output
    out = tmp_path / "seed.gdelt.tsv"
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(out)])
    assert r.exit_code == 0, r.output
    rows = [ln.split("\t") for ln in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(len(x) == 61 for x in rows)
    d = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert {d["Actor1CountryCode"], d["Actor2CountryCode"]} == {"RUS", "PRK"} and d["SQLDATE"] == "20240122"
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", "-", "--per-event"])
    assert r.exit_code == 0 and all(len(x.split("\t")) == 61 for x in r.stdout.splitlines())
