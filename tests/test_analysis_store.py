"""Analyses over a real event store, and the `lagebild dyad` / `lagebild alerts` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.analysis import load_points, point_from_event
from lagebild.analysis.actors import actor_activity, actor_roles
from lagebild.analysis.base import default_category_quad
from lagebild.analysis.synthetic import build_store, synthetic_documents, xss_document
from lagebild.cli.main import app
from lagebild.store import EventStore


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "events.duckdb")
    build_store(path)
    return path


def test_load_points_matches_the_documents(db: str) -> None:
    cq = default_category_quad()
    docs = synthetic_documents() + [xss_document()]
    expected = {}
    for d in docs:
        for e in d.events:
            p = point_from_event(e, article_id=d.id, published=d.published, category_quad=cq)
            assert p is not None
            expected[e.id] = p
    with EventStore(db, read_only=True) as st:
        pts = load_points(st)
    assert len(pts) == len(expected)
    for p in pts:
        exp = expected[p.id]  # ids are kept: <article id>:<n>
        assert (p.day, p.category, p.quad_class, p.goldstein) == (exp.day, exp.category, exp.quad_class,
                                                                   exp.goldstein)
        assert (p.source_country, p.target_country, p.source_id, p.target_id) == (
            exp.source_country, exp.target_country, exp.source_id, exp.target_id)
        assert (p.certainty, p.negated) == (exp.certainty, exp.negated)


def test_load_points_date_window(db: str) -> None:
    import datetime as dt

    since, until = dt.date(2024, 3, 1), dt.date(2024, 3, 31)
    with EventStore(db, read_only=True) as st:
        pts = load_points(st, since=since, until=until)
        everything = load_points(st)
    assert pts and all(since <= p.day <= until for p in pts)
    assert len(pts) == sum(1 for p in everything if since <= p.day <= until)


def test_actor_roles_and_activity(db: str) -> None:
    with EventStore(db, read_only=True) as st:
        roles = actor_roles(st, "syn:putin")
        pts = load_points(st)
        assert actor_roles(st, "no-such-actor") == []
    assert [r.role for r in roles] == ["head of state"]
    assert roles[0].country == "RUS" and roles[0].mentions > 0
    assert roles[0].first_seen is not None and roles[0].last_seen is not None
    assert roles[0].first_seen <= roles[0].last_seen
    act = actor_activity(pts, "syn:putin")
    assert act.events == act.as_source + act.as_target > 0
    partners = {p.id for p in act.partners}
    assert partners <= {"PRK", "UKR", "IGO:NATO"}
    assert sum(c + k for _, c, k in act.months) <= act.events
    json.dumps(act.to_dict())


def test_cli_dyad(db: str) -> None:
    r = CliRunner().invoke(app, ["dyad", "RUS", "PRK", "--db", db, "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["a"] == "RUS" and d["interval"] == "week" and d["events"] > 20
    r = CliRunner().invoke(app, ["dyad", "RUS", "PRK", "--db", db, "--interval", "month"])
    assert r.exit_code == 0 and "RUS – PRK" in r.stdout
    r = CliRunner().invoke(app, ["dyad", "RUS", "PRK", "--db", db, "--interval", "day"])
    assert r.exit_code != 0
    r = CliRunner().invoke(app, ["dyad", "RUS", "PRK", "--db", db, "--since", "2024-99-01"])
    assert r.exit_code != 0 and "YYYY-MM-DD" in r.output


def test_cli_alerts(db: str, tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["alerts", "--db", db, "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["count"] >= 3
    assert all(al["evidence"] and al["evidence"][0]["evidence"]["text"] for al in d["alerts"])
    r = CliRunner().invoke(app, ["alerts", "--db", db])
    assert r.exit_code == 0 and "shifts" in r.stdout
    r = CliRunner().invoke(app, ["alerts", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 2 and "no store" in r.output
