"""PLOVER JSON (per the PLOVER manual's data fields), contract JSON Lines, CSV and Parquet exports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from lagebild.cli.main import app
from lagebild.document import ActorRef, Document, Event, Evidence
from lagebild.export import export, plover_records, table_arrow
from lagebild.store import PLOVER_CATEGORIES, EventFilter, EventStore
from test_store_helpers import SHARED, need_shared, seed_document

PLOVER_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
               "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
               "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
STANDARD = {"id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
            "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info",
            "cite_info", "coder", "coded_date", "coded_time", "comment"}
EXTENSIONS = {"negated", "certainty", "attributed_to", "cameo", "goldstein", "confidence", "date_precision",
              "article_id", "cluster_id"}


@pytest.fixture()
def store(tmp_path: Path) -> EventStore:
    st = EventStore(tmp_path / "x.duckdb")
    text = "Die EU verhängte Sanktionen gegen Belarus. Kosovo und Serbien verhandeln in Brüssel weiter."
    other = Document(text=text, id="eu", language="de")
    other.events = [
        Event("s1", "SANCTION", Evidence(text[:42], 0, 42, "verhängte"), cameo="163", negated=False,
              source=ActorRef("EU", 4, 6, "Q458", "European Union", "IGO:EU", None, "organisation"),
              target=ActorRef("Belarus", 34, 41, None, "Belarus", "BLR", "GOV", "state"), certainty="asserted"),
        Event("s2", "CONSULT", Evidence(text[43:], 43, len(text), "verhandeln"), symmetric=True,
              source=ActorRef("Kosovo", 43, 49, None, "Kosovo", "XKX", "GOV", "state"),
              target=ActorRef("Serbien", 54, 61, None, "Serbia", "SRB", "GOV", "state"), certainty="planned"),
    ]
    st.ingest_documents([seed_document(), other])
    st.refresh_aggregates()
    return st


def test_plover_records_follow_the_manual(store: EventStore) -> None:
    recs = list(plover_records(store))
    assert len(recs) == 4
    for r in recs:
        assert set(r) <= STANDARD | EXTENSIONS
        for required in ("id", "date", "actor", "event"):
            assert required in r
        assert isinstance(r["actor"], list) and isinstance(r["recipient"], list) and isinstance(r["event"], list)
        assert r["event"][0] in PLOVER_CATEGORIES and r["quad_code"] == PLOVER_QUAD[r["event"][0]]
        assert r["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])
        assert isinstance(r["event_scale"], float) and -10 <= r["event_scale"] <= 10
        assert r["cite_info"]["codebook"].startswith("plover")
        json.dumps(r)
    by_id = {r["id"]: r for r in recs}
    agree = by_id["seed:0"]
    assert agree["actor"][0]["code"] == "RUS" and agree["actor"][0]["identifier_text"] == "Vladimir Putin"
    assert agree["recipient"][0]["code"] == "PRK" and agree["recipient"][0]["country_name"] == "North Korea"
    assert agree["attributed_to"]["sector"] == "JRN" and agree["certainty"] == "reported"
    assert agree["text_info"] == {"start": agree["text_info"]["start"], "end": agree["text_info"]["end"]}
    assert agree["event_scale"] == 2.5 and agree["date"] == "2024-01-21"
    visit = by_id["seed:1"]  # symmetric: both entities are actors, no recipient
    assert [a["code"] for a in visit["actor"]] == ["RUS", "PRK"] and visit["recipient"] == []
    assert visit["mode"] == ["visit"] and visit["event_scale"] == 4.0 and visit["enddate"] == "2023-09-30"
    assert visit["event_loc"]["country_code"] == "RUS" and visit["event_loc"]["lat"] == 51.88
    sanction = by_id["eu:0"]
    assert sanction["actor"][0]["code"] == "EUR" and sanction["date"] is None
    kosovo = by_id["eu:1"]
    assert [a["code"] for a in kosovo["actor"]] == ["KOS", "SRB"]


def test_plover_manual_required_fields_are_present(store: EventStore) -> None:
    manual = need_shared(SHARED / "reference" / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    block = manual[manual.index("caption{PLOVER JSON"):manual.index("label{tab:json}")]
    rows = re.findall(r"^([a-z\\_]+)\s*&[^&]*&[^&]*&\s*([YN])", block, re.M)
    names = {n.replace("\\_", "_"): flag for n, flag in rows}
    assert {"id", "date", "actor", "event"} == {n for n, f in names.items() if f == "Y"}
    assert set(names) == STANDARD
    for rec in plover_records(store):
        for n, flag in names.items():
            if flag == "Y":
                assert n in rec


def test_plover_without_text(store: EventStore) -> None:
    buf = io.StringIO()
    assert export(store, "plover", buf, include_text=False) == 4
    assert all("text" not in json.loads(line) for line in buf.getvalue().splitlines())


def test_jsonl_is_the_contract_shape(store: EventStore) -> None:
    buf = io.StringIO()
    assert export(store, "jsonl", buf, EventFilter(category=("AGREE",))) == 1
    d = json.loads(buf.getvalue())
    for key in ("id", "category", "mode", "context", "cameo", "quad_class", "goldstein", "source", "target",
                "negated", "certainty", "attributed_to", "date", "location", "evidence", "confidence"):
        assert key in d
    assert d["article_id"] == "seed"


def test_parquet_and_csv(store: EventStore, tmp_path: Path) -> None:
    assert export(store, "parquet", tmp_path / "e.parquet") == 4
    t = pq.read_table(tmp_path / "e.parquet")
    assert t.num_rows == 4 and "context" in t.column_names and "evidence_text" in t.column_names
    assert export(store, "parquet", tmp_path / "a.parquet", table="articles") == 2
    assert export(store, "parquet", tmp_path / "d.parquet", EventFilter(actor="RUS"), table="articles") == 1
    assert export(store, "csv", tmp_path / "e.csv", EventFilter(dyad=("RUS", "PRK"))) == 2
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert len(rows) == 2 and {r["context"] for r in rows} == {"diplomatic", ""}
    for table in ("mentions", "actors", "aggregates", "event_evidence", "rejects", "duplicates"):
        assert table_arrow(store, table).num_columns > 1
    assert table_arrow(store, "aggregates", EventFilter(category=("SANCTION",))).num_rows == 1
    with pytest.raises(ValueError):
        table_arrow(store, "secrets")
    with pytest.raises(ValueError):
        export(store, "xml", tmp_path / "x")


def test_cli_export_formats(store: EventStore, tmp_path: Path) -> None:
    db = store.path
    store.close()
    runner = CliRunner()
    for fmt, name in (("plover", "p.jsonl"), ("jsonl", "e.jsonl"), ("csv", "e.csv"), ("parquet", "e.parquet")):
        r = runner.invoke(app, ["export", "--db", db, "--format", fmt, "--out", str(tmp_path / name),
                                "--actor", "RUS"])
        assert r.exit_code == 0, r.output
        assert (tmp_path / name).stat().st_size > 0
    r = runner.invoke(app, ["export", "--db", db, "--format", "plover", "--out", "-", "--category", "SANCTION"])
    assert r.exit_code == 0 and json.loads(r.stdout.splitlines()[0])["event"] == ["SANCTION"]
    r = runner.invoke(app, ["export", "--db", db, "--format", "parquet", "--out", "-"])
    assert r.exit_code != 0
    r = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--out", "-", "--since", "yesterday"])
    assert r.exit_code != 0
