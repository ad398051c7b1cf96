"""The actor network: nodes, edges, cooperative/conflictual weights."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from lagebild.analysis import EventPoint, build_network

D = dt.date


def ev(i: int, s: str, t: str, quad: int, *, sid: str | None = None, tid: str | None = None) -> EventPoint:
    return EventPoint(f"e{i}", f"a{i}", D(2024, 1, 1) + dt.timedelta(days=i), "X", quad, 1.0 if quad < 3 else -5.0,
                      s, t, source_id=sid, source_name=sid and sid.upper(), target_id=tid,
                      target_name=tid and tid.upper())


POINTS = [ev(0, "RUS", "PRK", 1, sid="putin", tid="kim"), ev(1, "PRK", "RUS", 2, sid="kim", tid="putin"),
          ev(2, "RUS", "UKR", 4, sid="putin", tid="zelensky"), ev(3, "RUS", "UKR", 3, sid="rus"),
          ev(4, "UKR", "RUS", 4), ev(5, "USA", None, 1),  # type: ignore[arg-type]
          ev(6, "RUS", "RUS", 4)]


def test_country_network() -> None:
    net = build_network(POINTS)
    edges = {(e.source, e.target): e for e in net.edges}
    assert set(edges) == {("PRK", "RUS"), ("RUS", "UKR")}  # no half-known or domestic edges
    ru = edges[("RUS", "UKR")]
    assert (ru.events, ru.cooperative, ru.conflictual, ru.forward, ru.backward) == (3, 0, 3, 2, 1)
    assert ru.index == -1.0 and ru.goldstein_mean == -5.0
    pr = edges[("PRK", "RUS")]
    assert (pr.events, pr.cooperative, pr.conflictual) == (2, 2, 0)
    nodes = {n.id: n for n in net.nodes}
    assert nodes["RUS"].events == 5 and nodes["RUS"].degree == 2
    assert net.nodes[0].id == "RUS"  # most events first
    d = net.to_dict()
    json.dumps(d)
    assert d["level"] == "country" and len(d["edges"]) == 2


def test_actor_network_and_limits() -> None:
    net = build_network(POINTS, level="actor")
    pairs = {(e.source, e.target) for e in net.edges}
    assert ("kim", "putin") in pairs and ("putin", "zelensky") in pairs
    assert ("UKR", "rus") in pairs  # an unresolved side falls back to its country
    labels = {n.id: n.label for n in net.nodes}
    assert labels["putin"] == "PUTIN"
    assert len(build_network(POINTS, max_edges=1).edges) == 1
    assert {(e.source, e.target) for e in build_network(POINTS, min_events=3).edges} == {("RUS", "UKR")}
    since = build_network(POINTS, since=D(2024, 1, 3))
    assert {(e.source, e.target) for e in since.edges} == {("RUS", "UKR")}
    with pytest.raises(ValueError):
        build_network(POINTS, level="galaxy")
    with pytest.raises(ValueError):
        build_network(POINTS, min_events=0)
