"""Dyad time series: events by quad class, mean Goldstein and a cooperation–conflict index per
week or month, and a ranking of the most active dyads.

    >>> series = dyad_series(points, "RUS", "PRK", interval="week")
    >>> [(p.period.isoformat(), p.events, p.index) for p in series.points]
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .base import (
    QUAD_LABELS,
    AnalysisOptions,
    EventPoint,
    cc_index,
    check_interval,
    dyad_key,
    filter_points,
    in_dyad,
    mean,
    period_end,
    period_start,
    periods,
    rounded,
)


class _QuadCounts:
    """Events per quad class 1..4 (verbal/material cooperation, verbal/material conflict)."""

    __slots__ = ()
    quads: tuple[int, int, int, int]

    @property
    def cooperative(self) -> int:
        return self.quads[0] + self.quads[1]

    @property
    def conflictual(self) -> int:
        return self.quads[2] + self.quads[3]


@dataclass(frozen=True, slots=True)
class SeriesPoint(_QuadCounts):
    """One period of a dyad's series. ``quads`` counts events per quad class 1..4."""

    period: dt.date
    period_end: dt.date
    events: int
    quads: tuple[int, int, int, int]
    goldstein_mean: float | None
    goldstein_sum: float
    articles: int
    index: float | None
    a_to_b: int = 0
    b_to_a: int = 0

    @property
    def conflict_share(self) -> float | None:
        n = self.cooperative + self.conflictual
        return round(self.conflictual / n, 4) if n else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.isoformat(), "period_end": self.period_end.isoformat(),
            "events": self.events,
            "verbal_cooperation": self.quads[0], "material_cooperation": self.quads[1],
            "verbal_conflict": self.quads[2], "material_conflict": self.quads[3],
            "cooperative": self.cooperative, "conflictual": self.conflictual,
            "conflict_share": self.conflict_share,
            "goldstein_mean": rounded(self.goldstein_mean), "goldstein_sum": round(self.goldstein_sum, 3),
            "index": self.index, "articles": self.articles, "a_to_b": self.a_to_b, "b_to_a": self.b_to_a,
        }


def summarize(points: Sequence[EventPoint], start: dt.date, end: dt.date, *, a: str | None = None,
              b: str | None = None) -> SeriesPoint:
    """Counts for one period (``a``/``b`` given: also the events in each direction)."""
    quads = [0, 0, 0, 0]
    gs: list[float] = []
    ab = ba = 0
    for p in points:
        if p.quad_class in (1, 2, 3, 4):
            quads[p.quad_class - 1] += 1
        if p.goldstein is not None:
            gs.append(p.goldstein)
        if a is not None and b is not None:
            if in_dyad(p, a, b, directed=True):
                ab += 1
            elif in_dyad(p, b, a, directed=True):
                ba += 1
    q = (quads[0], quads[1], quads[2], quads[3])
    return SeriesPoint(period=start, period_end=end, events=len(points), quads=q,
                       goldstein_mean=mean(gs), goldstein_sum=sum(gs),
                       articles=len({p.article_id for p in points}), index=cc_index(q), a_to_b=ab, b_to_a=ba)


@dataclass(frozen=True)
class DyadSeries:
    """A dyad's series; ``total`` sums all periods, ``categories`` counts PLOVER categories."""

    a: str
    b: str
    directed: bool
    interval: str
    points: tuple[SeriesPoint, ...]
    total: SeriesPoint | None
    categories: dict[str, int] = field(default_factory=dict)
    event_ids: tuple[str, ...] = ()
    options: AnalysisOptions = field(default_factory=AnalysisOptions)

    @property
    def events(self) -> int:
        return self.total.events if self.total else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "directed": self.directed, "interval": self.interval,
            "events": self.events,
            "total": self.total.to_dict() if self.total else None,
            "categories": dict(self.categories),
            "quad_labels": {str(k): v for k, v in QUAD_LABELS.items()},
            "points": [p.to_dict() for p in self.points],
            "options": self.options.to_dict(),
        }


def dyad_series(points: Iterable[EventPoint], a: str, b: str, *, interval: str = "week",
                directed: bool = False, since: dt.date | None = None, until: dt.date | None = None,
                options: AnalysisOptions | None = None, fill: bool = True) -> DyadSeries:
    """The series of the dyad ``a``–``b`` (country codes, actor ids or names).

    Undirected unless ``directed`` (then ``a`` is the source). With ``fill`` every period from the
    first to the last (or from ``since`` to ``until`` when given) appears, empty ones with zeros.
    """
    check_interval(interval)
    opts = options or AnalysisOptions()
    sel = [p for p in filter_points(points, opts, since=since, until=until)
           if in_dyad(p, a, b, directed=directed)]
    sel.sort(key=lambda p: (p.day, p.id))
    by_period: dict[dt.date, list[EventPoint]] = defaultdict(list)
    for p in sel:
        by_period[period_start(p.day, interval)].append(p)
    if fill and (sel or (since and until)):
        first = since or sel[0].day
        last = until or sel[-1].day
        keys = periods(min(first, last), max(first, last), interval)
    else:
        keys = sorted(by_period)
    pts = tuple(summarize(by_period.get(k, []), k, period_end(k, interval), a=a, b=b) for k in keys)
    total = None
    if sel:
        total = summarize(sel, period_start(sel[0].day, interval), period_end(period_start(sel[-1].day, interval),
                          interval), a=a, b=b)
    cats = Counter(p.category for p in sel)
    return DyadSeries(a=a, b=b, directed=directed, interval=interval, points=pts, total=total,
                      categories=dict(cats.most_common()), event_ids=tuple(p.id for p in sel), options=opts)


@dataclass(frozen=True, slots=True)
class DyadSummary(_QuadCounts):
    """One undirected country dyad over a whole span, with its recent trend."""

    a: str
    b: str
    events: int
    quads: tuple[int, int, int, int]
    goldstein_mean: float | None
    index: float | None
    articles: int
    first_date: dt.date
    last_date: dt.date
    a_to_b: int
    b_to_a: int
    recent_index: float | None = None
    previous_index: float | None = None

    @property
    def trend(self) -> float | None:
        """Change of the index from the previous to the recent window (+ = more cooperative)."""
        if self.recent_index is None or self.previous_index is None:
            return None
        return round(self.recent_index - self.previous_index, 4)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "events": self.events,
                "verbal_cooperation": self.quads[0], "material_cooperation": self.quads[1],
                "verbal_conflict": self.quads[2], "material_conflict": self.quads[3],
                "cooperative": self.cooperative, "conflictual": self.conflictual,
                "goldstein_mean": rounded(self.goldstein_mean), "index": self.index,
                "articles": self.articles, "first_date": self.first_date.isoformat(),
                "last_date": self.last_date.isoformat(), "a_to_b": self.a_to_b, "b_to_a": self.b_to_a,
                "recent_index": self.recent_index, "previous_index": self.previous_index, "trend": self.trend}


def top_dyads(points: Iterable[EventPoint], *, limit: int = 20, since: dt.date | None = None,
              until: dt.date | None = None, options: AnalysisOptions | None = None,
              recent_days: int = 28) -> list[DyadSummary]:
    """The undirected country dyads with the most events, most active first.

    ``recent_index``/``previous_index`` compare the last ``recent_days`` before the latest event
    with the same span before that.
    """
    sel = [p for p in filter_points(points, options, since=since, until=until)
           if p.source_country and p.target_country and p.source_country != p.target_country]
    groups: dict[tuple[str, str], list[EventPoint]] = defaultdict(list)
    for p in sel:
        assert p.source_country and p.target_country
        groups[dyad_key(p.source_country, p.target_country)].append(p)
    end = max((p.day for p in sel), default=None)
    out: list[DyadSummary] = []
    for (a, b), ps in groups.items():
        s = summarize(ps, min(p.day for p in ps), max(p.day for p in ps))
        rec_idx = prev_idx = None
        if end is not None:
            cut = end - dt.timedelta(days=recent_days)
            cut2 = cut - dt.timedelta(days=recent_days)
            rec = summarize([p for p in ps if p.day > cut], cut, end)
            prev = summarize([p for p in ps if cut2 < p.day <= cut], cut2, cut)
            rec_idx, prev_idx = rec.index, prev.index
        ab = sum(1 for p in ps if p.source_country == a)
        out.append(DyadSummary(a=a, b=b, events=s.events, quads=s.quads, goldstein_mean=s.goldstein_mean,
                               index=s.index, articles=s.articles, first_date=s.period,
                               last_date=s.period_end, a_to_b=ab, b_to_a=len(ps) - ab,
                               recent_index=rec_idx, previous_index=prev_idx))
    out.sort(key=lambda d: (-d.events, d.a, d.b))
    return out[:limit]
