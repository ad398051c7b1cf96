"""Dask distributed: a real scheduler and worker processes (LocalCluster over TCP on 127.0.0.1)
give the same store as a local run; each worker builds its pipeline once."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lagebild.ingest import IngestOptions, ReaderOptions, ingest
from lagebild.store import EventStore
from test_store_helpers import TESTS_DIR, TOY_FACTORY, corpus_file

distributed = pytest.importorskip("distributed")

PUB = dt.date(2016, 5, 1)


def opts(**kw: Any) -> IngestOptions:
    base: dict[str, Any] = {"batch_size": 10, "pipeline_factory": TOY_FACTORY,
                            "reader": ReaderOptions(published_default=PUB)}
    base.update(kw)
    return IngestOptions(**base)


def contents(db: Path) -> dict[str, Any]:
    with EventStore(db, read_only=True) as st:
        q = st.con.execute
        stats = st.stats().to_dict()
        stats.pop("runs")
        return {
            "stats": stats,
            "articles": q("SELECT id, seq, content_hash, status, language, n_events, sections FROM articles "
                          "ORDER BY seq").fetchall(),
            "events": [r.to_dict() for r in st.events(limit=100_000, order="document")],
            "mentions": q("SELECT * FROM mentions ORDER BY article_id, kind, idx").fetchall(),
            "aggregates": q("SELECT * FROM aggregates ORDER BY cluster_id").fetchall(),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus_file(120, tmp_path_factory.mktemp("dask") / "corpus120.jsonl")


@pytest.fixture(scope="module")
def local_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    s = ingest([str(corpus)], db, opts())
    assert s.new == 120 and s.events > 10
    return db


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    if str(TESTS_DIR) not in sys.path:  # workers import the test pipeline factory
        sys.path.insert(0, str(TESTS_DIR))
    c = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, protocol="tcp",
                                 host="127.0.0.1", dashboard_address=":0")
    try:
        yield c
    finally:
        c.close()


def test_scheduler_address_is_tcp_localhost(cluster: Any) -> None:
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")


def test_dask_run_equals_local_run(corpus: Path, local_db: Path, cluster: Any, tmp_path: Path) -> None:
    db = tmp_path / "dask.duckdb"
    s = ingest([str(corpus)], db, opts(engine="dask", scheduler=cluster.scheduler_address))
    assert s.engine == "dask" and s.workers == 2 and s.new == 120
    assert contents(db) == contents(local_db)


def test_each_worker_builds_its_pipeline_once(corpus: Path, cluster: Any, tmp_path: Path) -> None:
    ingest([str(corpus)], tmp_path / "once.duckdb", opts(engine="dask", scheduler=cluster.scheduler_address))

    def builds() -> int:
        from lagebild.distributed.worker import get_pipeline

        return get_pipeline.cache_info().misses

    with distributed.Client(cluster.scheduler_address) as client:
        per_worker = client.run(builds)
    assert len(per_worker) == 2 and all(n == 1 for n in per_worker.values())


def test_dask_parquet_handoff_equals_local_run(corpus: Path, local_db: Path, cluster: Any, tmp_path: Path) -> None:
    db = tmp_path / "dask-parquet.duckdb"
    pq_dir = tmp_path / "parquet"
    ingest([str(corpus)], db, opts(engine="dask", scheduler=cluster.scheduler_address, parquet_dir=str(pq_dir)))
    assert contents(db) == contents(local_db)
    assert not list(pq_dir.glob("*.parquet"))  # loaded and removed by the writer


def test_cli_dask_engine_with_own_local_cluster(corpus: Path, local_db: Path, tmp_path: Path) -> None:
    if str(TESTS_DIR) not in sys.path:
        sys.path.insert(0, str(TESTS_DIR))
    from lagebild.cli.main import app

    db = tmp_path / "cli-dask.duckdb"
    r = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--engine", "dask", "--workers", "2",
                                 "--batch-size", "10", "--published-default", PUB.isoformat(),
                                 "--pipeline-factory", TOY_FACTORY, "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["engine"] == "dask"
    assert contents(db) == contents(local_db)


def test_scheduler_needs_dask_engine(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="--engine dask"):
        ingest([str(corpus)], tmp_path / "x.duckdb", opts(scheduler="tcp://127.0.0.1:1"))
