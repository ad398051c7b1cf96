"""What the analyses work on: one light :class:`EventPoint` per stored event, periods, options.

The analyses are pure functions over ``EventPoint`` sequences, so they can be tested without a
database; :func:`load_points` reads them from an :class:`~lagebild.store.EventStore`.

Which date an event counts on: its own date when that is known to the day, week or month;
otherwise (year precision, unknown, none) the article's publication date — a reference to
"2014" in today's article is not news of 2014, and an undated event is news of its day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..document import Event
    from ..store import EventStore

INTERVALS = ("week", "month")
# quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
QUAD_LABELS: Mapping[int, str] = MappingProxyType({1: "verbal cooperation", 2: "material cooperation",
                                                   3: "verbal conflict", 4: "material conflict"})
# material acts count twice in the cooperation–conflict index
QUAD_WEIGHTS: Mapping[int, float] = MappingProxyType({1: 1.0, 2: 2.0, 3: 1.0, 4: 2.0})
PRECISE = ("day", "week", "month")


@dataclass(frozen=True, slots=True)
class EventPoint:
    """One event reduced to what trend, network and alert analyses need."""

    id: str
    article_id: str
    day: dt.date
    category: str
    quad_class: int | None
    goldstein: float | None
    source_country: str | None
    target_country: str | None
    source_id: str | None = None
    source_name: str | None = None
    target_id: str | None = None
    target_name: str | None = None
    certainty: str = "asserted"
    negated: bool = False
    confidence: float = 0.5

    @property
    def cooperative(self) -> bool:
        return self.quad_class in (1, 2)

    @property
    def conflictual(self) -> bool:
        return self.quad_class in (3, 4)


@dataclass(frozen=True)
class AnalysisOptions:
    """Which events the analyses count.

    Negated events did not happen and hypothetical ones may not; domestic events (source and
    target in the same country) are not international relations. All three are left out by default.
    """

    include_negated: bool = False
    exclude_certainty: tuple[str, ...] = ("hypothetical",)
    include_domestic: bool = False
    min_confidence: float | None = None

    def keep(self, p: EventPoint) -> bool:
        if p.negated and not self.include_negated:
            return False
        if p.certainty in self.exclude_certainty:
            return False
        if self.min_confidence is not None and p.confidence < self.min_confidence:
            return False
        if (not self.include_domestic and p.source_country and p.source_country == p.target_country):
            return False
        return True

    def to_dict(self) -> dict[str, Any]:
        return {"include_negated": self.include_negated, "exclude_certainty": list(self.exclude_certainty),
                "include_domestic": self.include_domestic, "min_confidence": self.min_confidence}


def check_interval(interval: str) -> str:
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}, not {interval!r}")
    return interval


def period_start(day: dt.date, interval: str) -> dt.date:
    """The Monday of the ISO week, or the first of the month."""
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    raise ValueError(f"interval must be one of {', '.join(INTERVALS)}, not {interval!r}")


def next_period(start: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return start + dt.timedelta(days=7)
    if start.month == 12:
        return dt.date(start.year + 1, 1, 1)
    return dt.date(start.year, start.month + 1, 1)


def period_end(start: dt.date, interval: str) -> dt.date:
    return next_period(start, interval) - dt.timedelta(days=1)


def periods(first: dt.date, last: dt.date, interval: str) -> list[dt.date]:
    """Every period start from the period of ``first`` to that of ``last`` (inclusive)."""
    out: list[dt.date] = []
    p = period_start(first, interval)
    end = period_start(last, interval)
    while p <= end:
        out.append(p)
        p = next_period(p, interval)
    return out


def point_day(date_start: dt.date | None, precision: str | None, published: dt.date | None) -> dt.date | None:
    if date_start is not None and precision in PRECISE:
        return date_start
    return published or date_start


def quad_of(category: str, quad_class: int | None, category_quad: Mapping[str, int]) -> int | None:
    if quad_class in (1, 2, 3, 4):
        return quad_class
    return category_quad.get(category)


def default_category_quad() -> dict[str, int]:
    """PLOVER category -> quad class, from the packaged ontology."""
    from ..ontology import load_ontology

    return dict(load_ontology().category_quad)


def point_from_event(ev: Event, *, article_id: str, published: dt.date | None,
                     category_quad: Mapping[str, int]) -> EventPoint | None:
    """The EventPoint of a document event, or None when it has no usable date."""
    day = point_day(ev.date.start, ev.date.precision, published)
    if day is None:
        return None
    s, t = ev.source, ev.target
    return EventPoint(
        id=ev.id, article_id=article_id, day=day, category=ev.category,
        quad_class=quad_of(ev.category, ev.quad_class, category_quad), goldstein=ev.goldstein,
        source_country=s.country if s else None, target_country=t.country if t else None,
        source_id=s.actor_id if s else None, source_name=(s.name or s.text) if s else None,
        target_id=t.actor_id if t else None, target_name=(t.name or t.text) if t else None,
        certainty=ev.certainty, negated=ev.negated, confidence=ev.confidence)


def filter_points(points: Iterable[EventPoint], options: AnalysisOptions | None = None, *,
                  since: dt.date | None = None, until: dt.date | None = None) -> list[EventPoint]:
    opts = options or AnalysisOptions()
    return [p for p in points if opts.keep(p) and (since is None or p.day >= since)
            and (until is None or p.day <= until)]


def matches(p_country: str | None, p_id: str | None, p_name: str | None, key: str) -> bool:
    """Does an event side match ``key`` (country code, actor id or name; case-insensitive)?"""
    k = key.casefold()
    return any(v is not None and v.casefold() == k for v in (p_country, p_id, p_name))


def in_dyad(p: EventPoint, a: str, b: str, *, directed: bool = False) -> bool:
    fwd = (matches(p.source_country, p.source_id, p.source_name, a)
           and matches(p.target_country, p.target_id, p.target_name, b))
    if fwd or directed:
        return fwd
    return (matches(p.source_country, p.source_id, p.source_name, b)
            and matches(p.target_country, p.target_id, p.target_name, a))


def dyad_key(a: str, b: str) -> tuple[str, str]:
    """Undirected dyad key: the two codes in sorted order."""
    return (a, b) if a <= b else (b, a)


def mean(xs: Sequence[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def cc_index(quads: Sequence[int]) -> float | None:
    """Cooperation–conflict index in [-1, 1] from counts per quad class (index 0 = quad 1).

    (verbal coop + 2·material coop − verbal conflict − 2·material conflict) divided by the same
    weighted sum without signs: +1 all cooperation, −1 all conflict, None without events.
    """
    coop = quads[0] * QUAD_WEIGHTS[1] + quads[1] * QUAD_WEIGHTS[2]
    conf = quads[2] * QUAD_WEIGHTS[3] + quads[3] * QUAD_WEIGHTS[4]
    total = coop + conf
    return round((coop - conf) / total, 4) if total else None


def rounded(x: float | None, nd: int = 3) -> float | None:
    return None if x is None else round(x, nd)


_COLUMNS = ("id", "article_id", "category", "quad_class", "goldstein", "source_country", "target_country",
            "source_actor_id", "source_name", "source_text", "target_actor_id", "target_name", "target_text",
            "certainty", "negated", "confidence", "date_start", "date_precision", "published")


def points_from_rows(rows: Iterable[Mapping[str, Any]], category_quad: Mapping[str, int], *,
                     since: dt.date | None = None, until: dt.date | None = None) -> list[EventPoint]:
    """EventPoints from rows of the store's ``events`` table (columns as in ``_COLUMNS``)."""
    out: list[EventPoint] = []
    for r in rows:
        day = point_day(r["date_start"], r["date_precision"], r["published"])
        if day is None or (since is not None and day < since) or (until is not None and day > until):
            continue
        out.append(EventPoint(
            id=r["id"], article_id=r["article_id"], day=day, category=r["category"],
            quad_class=quad_of(r["category"], r["quad_class"], category_quad), goldstein=r["goldstein"],
            source_country=r["source_country"], target_country=r["target_country"],
            source_id=r["source_actor_id"], source_name=r["source_name"] or r["source_text"],
            target_id=r["target_actor_id"], target_name=r["target_name"] or r["target_text"],
            certainty=r["certainty"] or "asserted", negated=bool(r["negated"]),
            confidence=r["confidence"] if r["confidence"] is not None else 0.5))
    return out


def load_points(store: EventStore, *, since: dt.date | None = None, until: dt.date | None = None,
                category_quad: Mapping[str, int] | None = None) -> list[EventPoint]:
    """All stored events as EventPoints (within [since, until] by :attr:`EventPoint.day`).

    The store pre-selects by its own date rule (event date, else publication date) with a month
    of slack on both sides; the exact cut is made on ``EventPoint.day``.
    """
    from ..store import EventFilter

    cq = category_quad if category_quad is not None else default_category_quad()
    flt = EventFilter(since=since - dt.timedelta(days=31) if since else None,
                      until=until + dt.timedelta(days=31) if until else None)
    where, params = flt.where("e")
    cur = store.cursor()
    try:
        res = cur.execute(f"SELECT {', '.join('e.' + c for c in _COLUMNS)} FROM events e WHERE {where} "
                          "ORDER BY e.gid", params)
        rows = [dict(zip(_COLUMNS, r, strict=True)) for r in res.fetchall()]
    finally:
        cur.close()
    return points_from_rows(rows, cq, since=since, until=until)
