"""One actor's profile: the roles it was seen in over time, its partners and its activity."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .base import AnalysisOptions, EventPoint, cc_index, filter_points, mean, period_start, rounded

if TYPE_CHECKING:
    from ..store import EventStore

ROLES_SQL = """
SELECT m.role, m.country, m.sector, min(a.published) AS first_seen, max(a.published) AS last_seen,
       count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM mentions m JOIN articles a ON a.id = m.article_id
WHERE m.kind = 'actor' AND m.actor_id = ? AND m.role IS NOT NULL AND m.role <> ''
GROUP BY m.role, m.country, m.sector
ORDER BY first_seen NULLS LAST, m.role
"""


@dataclass(frozen=True, slots=True)
class RolePeriod:
    """A role the actor was mentioned in, from its first to its last article."""

    role: str
    country: str | None
    sector: str | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    mentions: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "country": self.country, "sector": self.sector,
                "first_seen": self.first_seen.isoformat() if self.first_seen else None,
                "last_seen": self.last_seen.isoformat() if self.last_seen else None,
                "mentions": self.mentions, "articles": self.articles}


def actor_roles(store: EventStore, actor_id: str) -> list[RolePeriod]:
    """The roles (head of state, foreign minister …) an actor was mentioned in, by first date."""
    cur = store.cursor()
    try:
        rows = cur.execute(ROLES_SQL, [actor_id]).fetchall()
    finally:
        cur.close()
    return [RolePeriod(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6])) for r in rows]


@dataclass(frozen=True, slots=True)
class Partner:
    """A counterpart of the actor (by country code, else actor id)."""

    id: str
    label: str
    events: int
    cooperative: int
    conflictual: int
    goldstein_mean: float | None
    index: float | None
    as_source: int
    as_target: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "events": self.events, "cooperative": self.cooperative,
                "conflictual": self.conflictual, "goldstein_mean": rounded(self.goldstein_mean),
                "index": self.index, "as_source": self.as_source, "as_target": self.as_target}


@dataclass(frozen=True)
class ActorActivity:
    actor_id: str
    events: int
    as_source: int
    as_target: int
    categories: dict[str, int]
    partners: tuple[Partner, ...]
    months: tuple[tuple[dt.date, int, int], ...]  # (month, cooperative, conflictual)

    def to_dict(self) -> dict[str, Any]:
        return {"actor_id": self.actor_id, "events": self.events, "as_source": self.as_source,
                "as_target": self.as_target, "categories": dict(self.categories),
                "partners": [p.to_dict() for p in self.partners],
                "months": [{"month": m.isoformat(), "cooperative": c, "conflictual": k}
                           for m, c, k in self.months]}


def actor_activity(points: Iterable[EventPoint], actor_id: str, *, options: AnalysisOptions | None = None,
                   limit: int = 20) -> ActorActivity:
    """What the actor did and with whom (counterparts by country, else by actor id)."""
    opts = options or AnalysisOptions(include_domestic=True)
    mine = [p for p in filter_points(points, opts) if actor_id in (p.source_id, p.target_id)]
    groups: dict[str, list[tuple[EventPoint, bool]]] = defaultdict(list)
    labels: dict[str, str] = {}
    months: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    for p in mine:
        is_source = p.source_id == actor_id
        other_c, other_id, other_name = ((p.target_country, p.target_id, p.target_name) if is_source
                                         else (p.source_country, p.source_id, p.source_name))
        key = other_c or other_id
        m = period_start(p.day, "month")
        months[m][0] += p.cooperative
        months[m][1] += p.conflictual
        if key is None:
            continue
        labels.setdefault(key, other_c or other_name or key)
        groups[key].append((p, is_source))
    partners = []
    for key, items in groups.items():
        quads = [0, 0, 0, 0]
        for p, _ in items:
            if p.quad_class in (1, 2, 3, 4):
                quads[p.quad_class - 1] += 1
        src = sum(1 for _, s in items if s)
        partners.append(Partner(key, labels[key], len(items), quads[0] + quads[1], quads[2] + quads[3],
                                mean([p.goldstein for p, _ in items if p.goldstein is not None]),
                                cc_index(quads), src, len(items) - src))
    partners.sort(key=lambda x: (-x.events, x.id))
    as_source = sum(1 for p in mine if p.source_id == actor_id)
    return ActorActivity(actor_id=actor_id, events=len(mine), as_source=as_source,
                         as_target=len(mine) - as_source,
                         categories=dict(Counter(p.category for p in mine).most_common()),
                         partners=tuple(partners[:limit]),
                         months=tuple((m, v[0], v[1]) for m, v in sorted(months.items())))
