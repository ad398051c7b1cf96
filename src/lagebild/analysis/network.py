"""The actor network: who interacts with whom, cooperatively and conflictually.

Nodes are countries (``level="country"``, IGOs as ``IGO:…``) or resolved actors
(``level="actor"``, by actor id). Edges are undirected; each counts its events, split into
cooperative (quad classes 1–2) and conflictual (3–4), with both directions kept.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .base import AnalysisOptions, EventPoint, cc_index, dyad_key, filter_points, mean, rounded

LEVELS = ("country", "actor")


@dataclass(frozen=True, slots=True)
class NetworkNode:
    id: str
    label: str
    country: str | None
    events: int
    cooperative: int
    conflictual: int
    degree: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "country": self.country, "events": self.events,
                "cooperative": self.cooperative, "conflictual": self.conflictual, "degree": self.degree}


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    """An undirected edge ``source``–``target`` (sorted ids); ``forward`` counts source→target."""

    source: str
    target: str
    events: int
    cooperative: int
    conflictual: int
    goldstein_mean: float | None
    index: float | None
    forward: int
    backward: int
    categories: dict[str, int]

    @property
    def weight(self) -> int:
        return self.events

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "events": self.events, "weight": self.weight,
                "cooperative": self.cooperative, "conflictual": self.conflictual,
                "goldstein_mean": rounded(self.goldstein_mean), "index": self.index,
                "forward": self.forward, "backward": self.backward, "categories": dict(self.categories)}


@dataclass(frozen=True)
class ActorNetwork:
    level: str
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
    since: dt.date | None = None
    until: dt.date | None = None
    options: AnalysisOptions = field(default_factory=AnalysisOptions)

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "nodes": [n.to_dict() for n in self.nodes], "edges": [e.to_dict() for e in self.edges],
                "options": self.options.to_dict()}


def _ends(p: EventPoint, level: str) -> tuple[tuple[str, str, str | None], tuple[str, str, str | None]] | None:
    """(id, label, country) of source and target, or None when a side is unknown."""
    if level == "country":
        if not p.source_country or not p.target_country:
            return None
        return ((p.source_country, p.source_country, p.source_country),
                (p.target_country, p.target_country, p.target_country))
    s_id = p.source_id or p.source_country
    t_id = p.target_id or p.target_country
    if not s_id or not t_id:
        return None
    return ((s_id, p.source_name or s_id, p.source_country), (t_id, p.target_name or t_id, p.target_country))


def build_network(points: Iterable[EventPoint], *, level: str = "country", since: dt.date | None = None,
                  until: dt.date | None = None, min_events: int = 1, max_edges: int = 200,
                  options: AnalysisOptions | None = None) -> ActorNetwork:
    """The network of interactions; the ``max_edges`` heaviest edges with ≥ ``min_events`` events."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if min_events < 1 or max_edges < 1:
        raise ValueError("min_events and max_edges must be at least 1")
    opts = options or AnalysisOptions()
    groups: dict[tuple[str, str], list[tuple[EventPoint, bool]]] = defaultdict(list)
    info: dict[str, tuple[str, str | None]] = {}
    for p in filter_points(points, opts, since=since, until=until):
        ends = _ends(p, level)
        if ends is None or ends[0][0] == ends[1][0]:
            continue
        (s, s_label, s_c), (t, t_label, t_c) = ends
        info.setdefault(s, (s_label, s_c))
        info.setdefault(t, (t_label, t_c))
        key = dyad_key(s, t)
        groups[key].append((p, key[0] == s))
    edges: list[NetworkEdge] = []
    for (s, t), items in groups.items():
        if len(items) < min_events:
            continue
        quads = [0, 0, 0, 0]
        for p, _ in items:
            if p.quad_class in (1, 2, 3, 4):
                quads[p.quad_class - 1] += 1
        fwd = sum(1 for _, f in items if f)
        cats = Counter(p.category for p, _ in items)
        edges.append(NetworkEdge(
            source=s, target=t, events=len(items), cooperative=quads[0] + quads[1],
            conflictual=quads[2] + quads[3],
            goldstein_mean=mean([p.goldstein for p, _ in items if p.goldstein is not None]),
            index=cc_index(quads), forward=fwd, backward=len(items) - fwd,
            categories=dict(cats.most_common())))
    edges.sort(key=lambda e: (-e.events, e.source, e.target))
    edges = edges[:max_edges]
    ev: Counter[str] = Counter()
    coop: Counter[str] = Counter()
    conf: Counter[str] = Counter()
    deg: Counter[str] = Counter()
    for e in edges:
        for n in (e.source, e.target):
            ev[n] += e.events
            coop[n] += e.cooperative
            conf[n] += e.conflictual
            deg[n] += 1
    nodes = [NetworkNode(id=n, label=info[n][0], country=info[n][1], events=ev[n], cooperative=coop[n],
                         conflictual=conf[n], degree=deg[n]) for n in deg]
    nodes.sort(key=lambda n: (-n.events, n.id))
    return ActorNetwork(level=level, nodes=tuple(nodes), edges=tuple(edges), since=since, until=until,
                        options=opts)
