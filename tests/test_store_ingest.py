"""Ingest into the store end to end (../shared corpora): idempotent reruns, SIGKILL resume,
the CLI (ingest, stats, events) and worker processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lagebild.cli.main import app
from lagebild.ingest import IngestOptions, ReaderOptions, ingest
from lagebild.store import EventStore
from test_store_helpers import GNAD, TESTS_DIR, TOY_FACTORY, corpus_file, need_shared

PUB = dt.date(2016, 5, 1)


def opts(**kw: Any) -> IngestOptions:
    base: dict[str, Any] = {"batch_size": 16, "pipeline_factory": TOY_FACTORY,
                            "reader": ReaderOptions(published_default=PUB)}
    base.update(kw)
    return IngestOptions(**base)


def snapshot(db: Path) -> dict[str, Any]:
    """Everything a rerun must reproduce: counts and the identity of every row."""
    with EventStore(db, read_only=True) as st:
        stats = st.stats().to_dict()
        stats.pop("runs")
        q = st.con.execute
        return {
            "stats": stats,
            "articles": q("SELECT id, seq, content_hash, status, duplicate_of FROM articles ORDER BY seq").fetchall(),
            "events": q("SELECT id, gid, category, source_country, target_country, evidence_start "
                        "FROM events ORDER BY gid").fetchall(),
            "aggregates": q("SELECT cluster_id, num_mentions, num_sources, num_articles FROM aggregates "
                            "ORDER BY cluster_id").fetchall(),
            "rejects": q("SELECT origin, reason FROM rejects ORDER BY origin").fetchall(),
            "duplicates": q("SELECT content_hash, record_key, duplicate_of FROM duplicates ORDER BY 1, 2").fetchall(),
        }


@pytest.fixture(scope="module")
def corpus200(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    src = corpus_file(200, d / "corpus200.jsonl")  # gnad-de.jsonl, or synthetic without ../shared
    first = json.loads(src.open(encoding="utf-8").readline())
    with src.open("a", encoding="utf-8") as fh:  # plus some bad lines and a copy: the run goes on
        fh.write('{"id": "kaputt", "text": \n')
        fh.write('{"id": "ohne-text"}\n')
        fh.write(json.dumps({"id": "kopie", "text": first["text"]}, ensure_ascii=False) + "\n")
    return src


@pytest.fixture(scope="module")
def clean_run(corpus200: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    s = ingest([str(corpus200)], db, opts())
    assert (s.new, s.duplicates, s.rejected, s.failed) == (200, 1, 2, 0)
    assert s.events > 20
    return db


def test_ingest_twice_leaves_stats_unchanged(corpus200: Path, clean_run: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.duckdb"
    ingest([str(corpus200)], db, opts())
    first = snapshot(db)
    assert first == snapshot(clean_run)
    s = ingest([str(corpus200)], db, opts(batch_size=50))
    assert (s.new, s.unchanged, s.duplicates, s.events) == (0, 200, 1, 0)
    assert snapshot(db) == first
    st = first["stats"]
    assert (st["articles"], st["duplicates"], st["rejects"]) == (200, 1, 2)
    assert st["events"] > 20 and st["actors"] > 5 and st["aggregates"] > 0


def _script(src: Path, db: Path) -> str:
    return textwrap.dedent(f"""
        import datetime as dt, sys
        sys.path.insert(0, {str(TESTS_DIR)!r})
        from lagebild.ingest import IngestOptions, ReaderOptions, ingest
        def progress(p):
            print("batch", p.batches, p.new, flush=True)
        ingest([{str(src)!r}], {str(db)!r},
               IngestOptions(batch_size=16, pipeline_factory={TOY_FACTORY!r},
                             reader=ReaderOptions(published_default=dt.date(2016, 5, 1))),
               progress=progress)
        print("done", flush=True)
    """)


def test_sigkill_mid_run_then_rerun_equals_clean_run(corpus200: Path, clean_run: Path, tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    script = tmp_path / "run.py"
    script.write_text(_script(corpus200, db), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    seen = []
    deadline = time.monotonic() + 240
    for line in proc.stdout:
        seen.append(line.strip())
        if line.startswith("batch 4 ") or time.monotonic() > deadline:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, (seen, proc.stderr.read() if proc.stderr else "")
    assert "done" not in seen
    with EventStore(db, read_only=True) as st:
        partial = st.stats()
        assert 0 < partial.articles < 200, "the kill must land mid-run"
        assert [r.status for r in st.runs()] == ["running"]
    s = ingest([str(corpus200)], db, opts())
    assert s.unchanged == partial.articles_total and s.new == 200 - partial.articles
    assert snapshot(db) == snapshot(clean_run)
    with EventStore(db, read_only=True) as st:
        assert [r.status for r in st.runs()] == ["interrupted", "done"]


def test_worker_processes_give_the_same_store(corpus200: Path, clean_run: Path, tmp_path: Path) -> None:
    db = tmp_path / "workers.duckdb"
    s = ingest([str(corpus200)], db, opts(workers=2))
    assert s.workers == 2 and s.new == 200
    assert snapshot(db) == snapshot(clean_run)


def test_cli_ingest_stats_events(corpus200: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    runner = CliRunner()
    args = ["ingest", str(corpus200), "--db", str(db), "--published-default", "2016-05-01",
            "--pipeline-factory", TOY_FACTORY, "--batch-size", "32", "--json"]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert (summary["new"], summary["duplicates"], summary["rejected"]) == (200, 1, 2)
    r = runner.invoke(app, ["stats", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    stats = json.loads(r.stdout)
    for key in ("articles", "events", "actors", "duplicates", "rejects"):
        assert key in stats
    assert (stats["articles"], stats["duplicates"], stats["rejects"]) == (200, 1, 2)
    r2 = runner.invoke(app, args)  # again: nothing new, same stats
    again = json.loads(r2.stdout)
    assert r2.exit_code == 0 and (again["new"], again["unchanged"], again["duplicates"]) == (0, 200, 1)
    assert json.loads(runner.invoke(app, ["stats", "--db", str(db), "--format", "json"]).stdout) | {"runs": 0} \
        == stats | {"runs": 0}
    r = runner.invoke(app, ["events", "--db", str(db), "--actor", "AUT", "--format", "json", "--limit", "5"])
    assert r.exit_code == 0, r.output
    evs = json.loads(r.stdout)
    assert evs and all("AUT" in (e["source"]["country"], e["target"]["country"]) for e in evs)
    r = runner.invoke(app, ["events", "--db", str(db), "--dyad", "AUT,DEU", "--category", "CONSULT",
                            "--since", "2016-01-01", "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.startswith("id,article_id,date_start")
    r = runner.invoke(app, ["events", "--db", str(db), "--certainty", "asserted", "--limit", "3"])
    assert r.exit_code == 0 and "events" in r.stdout
    r = runner.invoke(app, ["events", "--db", str(db), "--category", "HUG"])
    assert r.exit_code != 0
    r = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2


def test_cli_ingest_all_rejected_exits_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "x.duckdb"), "-q"])
    assert r.exit_code == 1


@pytest.mark.slow
def test_full_corpus_twice(tmp_path: Path) -> None:
    need_shared(GNAD)
    db = tmp_path / "full.duckdb"
    s1 = ingest([str(GNAD)], db, opts(batch_size=64, workers=2))
    first = snapshot(db)
    s2 = ingest([str(GNAD)], db, opts(batch_size=64))
    assert s1.new == first["stats"]["articles"] and s2.new == 0
    assert snapshot(db) == first
