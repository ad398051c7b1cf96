"""Shift detection: a dyad departing from its own baseline, with the events behind each alert.

For every undirected country dyad and every week (or month) with at least ``min_events`` events,
the period is compared with the dyad's own trailing baseline (the ``baseline_periods`` before it,
counting only periods after the data begin; empty periods count as zero events):

* **volume** — the dyad's share of all international events in the period against its share in
  the baseline (``(events + 0.5) / (all events + 1)``): one-sided binomial upper-tail p-value,
  converted to a z-score. Normalising by all events keeps a busier news week (or a bigger ingest
  batch) from raising every dyad at once; a baseline without ``min_baseline_events`` events in
  total has nothing to compare with. Needs ``min_ratio`` times the baseline share.
* **conflict share** — the share of conflictual events (quad classes 3–4) against the baseline
  share (Laplace-smoothed), as a binomial z-score; needs ``min_share_change``.
* **goldstein** — the period's mean Goldstein score against the baseline events' mean and
  standard deviation (floored at ``min_sd``), as a z-score of the mean; needs ``min_goldstein_change``.

The share and Goldstein tests need ``min_baseline_events`` events in the baseline. Only periods
whose events come from at least ``min_articles`` articles are tested (one article telling many
events is not yet a trend). A period with at least one signal beyond ``z_threshold`` becomes an
:class:`Alert`; its score is the largest |z|.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .base import (
    AnalysisOptions,
    EventPoint,
    check_interval,
    dyad_key,
    filter_points,
    period_end,
    period_start,
    periods,
    rounded,
)
from .dyads import SeriesPoint, summarize

_NORMAL = statistics.NormalDist()


@dataclass(frozen=True)
class AlertOptions:
    interval: str = "week"
    baseline_periods: int = 12
    min_baseline_periods: int = 4
    min_events: int = 3
    min_articles: int = 2
    min_baseline_events: int = 5
    z_threshold: float = 3.0
    min_ratio: float = 2.0
    min_share_change: float = 0.25
    min_goldstein_change: float = 1.5
    min_sd: float = 1.0
    high_score: float = 5.0

    def validate(self) -> AlertOptions:
        check_interval(self.interval)
        if self.baseline_periods < 1 or self.min_baseline_periods < 1:
            raise ValueError("baseline_periods and min_baseline_periods must be at least 1")
        if self.min_baseline_periods > self.baseline_periods:
            raise ValueError("min_baseline_periods cannot exceed baseline_periods")
        if self.min_events < 1 or self.z_threshold <= 0:
            raise ValueError("min_events must be at least 1 and z_threshold positive")
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"interval": self.interval, "baseline_periods": self.baseline_periods,
                "min_baseline_periods": self.min_baseline_periods, "min_events": self.min_events,
                "min_articles": self.min_articles,
                "min_baseline_events": self.min_baseline_events, "z_threshold": self.z_threshold,
                "min_ratio": self.min_ratio, "min_share_change": self.min_share_change,
                "min_goldstein_change": self.min_goldstein_change, "min_sd": self.min_sd}


@dataclass(frozen=True, slots=True)
class AlertSignal:
    """One test that fired. ``direction``: ``up`` or ``down`` against the baseline."""

    kind: str  # volume | conflict_share | goldstein
    observed: float
    baseline: float
    z: float
    direction: str
    p_value: float | None = None
    baseline_sd: float | None = None
    count: int | None = None

    @property
    def description(self) -> str:
        if self.kind == "volume":
            n = f"{self.count} events, " if self.count is not None else ""
            return (f"{n}{self.observed:.0%} of all events against {self.baseline:.0%} in the baseline"
                    + (f" (p={self.p_value:.1e})" if self.p_value is not None else ""))
        if self.kind == "conflict_share":
            return (f"conflictual share {self.observed:.0%} against {self.baseline:.0%} "
                    f"in the baseline (z={self.z:+.1f})")
        return f"mean Goldstein {self.observed:+.2f} against {self.baseline:+.2f} in the baseline (z={self.z:+.1f})"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "observed": round(self.observed, 4), "baseline": round(self.baseline, 4),
                "baseline_sd": rounded(self.baseline_sd, 4), "z": round(self.z, 3),
                "p_value": self.p_value, "direction": self.direction, "count": self.count,
                "description": self.description}


@dataclass(frozen=True)
class Alert:
    """A dyad's period that departs from its baseline, with the events of that period."""

    a: str
    b: str
    period: dt.date
    period_end: dt.date
    interval: str
    signals: tuple[AlertSignal, ...]
    current: SeriesPoint
    baseline_periods: int
    baseline_events: int
    event_ids: tuple[str, ...]
    severity: str = "medium"
    tone: str = "activity"  # conflict | cooperation | activity

    @property
    def id(self) -> str:
        return f"{self.a}|{self.b}|{self.period.isoformat()}"

    @property
    def score(self) -> float:
        return max((abs(s.z) for s in self.signals), default=0.0)

    @property
    def headline(self) -> str:
        what = {"conflict": "more conflict than usual", "cooperation": "more cooperation than usual",
                "activity": "more interaction than usual"}[self.tone]
        idx = self.current.index
        if self.tone == "activity" and idx is not None and abs(idx) >= 0.5:
            what = f"more {'cooperative' if idx > 0 else 'conflictual'} interaction than usual"
        return f"{self.a}–{self.b}: {what} ({self.interval} of {self.period.isoformat()})"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "a": self.a, "b": self.b, "period": self.period.isoformat(),
                "period_end": self.period_end.isoformat(), "interval": self.interval,
                "severity": self.severity, "tone": self.tone, "score": round(self.score, 3),
                "headline": self.headline, "signals": [s.to_dict() for s in self.signals],
                "current": self.current.to_dict(), "baseline_periods": self.baseline_periods,
                "baseline_events": self.baseline_events, "events": len(self.event_ids),
                "event_ids": list(self.event_ids)}


def binomial_sf(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Binomial(n, p), summed over the upper tail (accurate for tiny values)."""
    if k <= 0:
        return 1.0
    if k > n or p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    lp, lq = math.log(p), math.log1p(-p)
    base = math.lgamma(n + 1)
    total = 0.0
    for i in range(k, n + 1):
        term = math.exp(base - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * lp + (n - i) * lq)
        total += term
        if i > n * p and term < 1e-17 * total:
            break
    return min(1.0, total)


def z_from_p(p: float) -> float:
    """The one-sided z-score with upper-tail probability p."""
    return -_NORMAL.inv_cdf(min(max(p, 1e-300), 1 - 1e-16))


def _signals(cur: Sequence[EventPoint], base: Sequence[EventPoint], all_cur: int, all_base: int,
             o: AlertOptions) -> list[AlertSignal]:
    out: list[AlertSignal] = []
    k = len(cur)
    if k >= o.min_events and all_base >= o.min_baseline_events and all_cur > 0:
        p0 = (len(base) + 0.5) / (all_base + 1)
        share = k / all_cur
        if share >= o.min_ratio * p0:
            pv = binomial_sf(k, all_cur, p0)
            z = z_from_p(pv)
            if z >= o.z_threshold:
                out.append(AlertSignal("volume", share, p0, z, "up", p_value=pv, count=k))
    n_cur = sum(1 for p in cur if p.quad_class in (1, 2, 3, 4))
    n_base = sum(1 for p in base if p.quad_class in (1, 2, 3, 4))
    if n_cur >= o.min_events and n_base >= o.min_baseline_events:
        c_cur = sum(1 for p in cur if p.conflictual)
        c_base = sum(1 for p in base if p.conflictual)
        p0 = (c_base + 1) / (n_base + 2)
        obs = c_cur / n_cur
        z = (obs - p0) / math.sqrt(p0 * (1 - p0) / n_cur)
        if abs(z) >= o.z_threshold and abs(obs - p0) >= o.min_share_change:
            out.append(AlertSignal("conflict_share", obs, p0, z, "up" if z > 0 else "down"))
    g_cur = [p.goldstein for p in cur if p.goldstein is not None]
    g_base = [p.goldstein for p in base if p.goldstein is not None]
    if len(g_cur) >= o.min_events and len(g_base) >= o.min_baseline_events:
        mu = statistics.fmean(g_base)
        sd = max(statistics.pstdev(g_base), o.min_sd)
        m = statistics.fmean(g_cur)
        z = (m - mu) / (sd / math.sqrt(len(g_cur)))
        if abs(z) >= o.z_threshold and abs(m - mu) >= o.min_goldstein_change:
            out.append(AlertSignal("goldstein", m, mu, z, "up" if z > 0 else "down", baseline_sd=sd))
    return out


def _tone(signals: Sequence[AlertSignal], current: SeriesPoint) -> str:
    vote = 0
    for s in signals:
        if s.kind == "conflict_share":
            vote += 1 if s.direction == "up" else -1
        elif s.kind == "goldstein":
            vote += -1 if s.direction == "up" else 1
    if vote > 0:
        return "conflict"
    if vote < 0:
        return "cooperation"
    return "activity"


@dataclass(frozen=True)
class AlertReport:
    """All alerts of one run, newest period first, strongest first within a period."""

    alerts: tuple[Alert, ...]
    options: AlertOptions
    analysis: AnalysisOptions = field(default_factory=AnalysisOptions)
    data_start: dt.date | None = None
    data_end: dt.date | None = None
    dyads_tested: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"alerts": [a.to_dict() for a in self.alerts], "count": len(self.alerts),
                "data_start": self.data_start.isoformat() if self.data_start else None,
                "data_end": self.data_end.isoformat() if self.data_end else None,
                "dyads_tested": self.dyads_tested, "options": self.options.to_dict(),
                "analysis": self.analysis.to_dict()}


def detect_alerts(points: Iterable[EventPoint], options: AlertOptions | None = None, *,
                  analysis: AnalysisOptions | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, data_start: dt.date | None = None,
                  dyad: tuple[str, str] | None = None, limit: int | None = None) -> AlertReport:
    """Alerts for periods starting within [since, until] (all periods when not given).

    ``data_start`` is when observation began (default: the earliest event); baselines never
    reach before it. ``dyad`` restricts the run to one undirected pair of country codes.
    """
    o = (options or AlertOptions()).validate()
    an = analysis or AnalysisOptions()
    pts = [p for p in filter_points(points, an, until=until)
           if p.source_country and p.target_country and p.source_country != p.target_country]
    want = dyad_key(dyad[0].upper(), dyad[1].upper()) if dyad else None
    if not pts:
        return AlertReport((), o, an, data_start, None, 0)
    first = data_start or min(p.day for p in pts)
    last = max(p.day for p in pts)
    keys = periods(first, max(first, last), o.interval)
    index = {k: i for i, k in enumerate(keys)}
    groups: dict[tuple[str, str], list[list[EventPoint]]] = defaultdict(lambda: [[] for _ in keys])
    for p in pts:
        assert p.source_country and p.target_country
        key = dyad_key(p.source_country, p.target_country)
        if want is not None and key != want:
            continue
        i = index.get(period_start(p.day, o.interval))
        if i is not None:
            groups[key][i].append(p)
    # all international events per period (every dyad, also when ``dyad`` restricts the output)
    totals = [0] * len(keys)
    for p in pts:
        i = index.get(period_start(p.day, o.interval))
        if i is not None:
            totals[i] += 1
    lo = period_start(since, o.interval) if since else None
    alerts: list[Alert] = []
    for (a, b), buckets in groups.items():
        for i, cur in enumerate(buckets):
            if len(cur) < o.min_events or (lo is not None and keys[i] < lo):
                continue
            if len({p.article_id for p in cur}) < o.min_articles:
                continue
            j0 = max(0, i - o.baseline_periods)
            if i - j0 < o.min_baseline_periods:
                continue
            base = [p for x in buckets[j0:i] for p in x]
            sigs = _signals(cur, base, totals[i], sum(totals[j0:i]), o)
            if not sigs:
                continue
            cur_sorted = sorted(cur, key=lambda p: (p.day, p.id))
            current = summarize(cur_sorted, keys[i], period_end(keys[i], o.interval), a=a, b=b)
            score = max(abs(s.z) for s in sigs)
            alerts.append(Alert(a=a, b=b, period=keys[i], period_end=period_end(keys[i], o.interval),
                                interval=o.interval, signals=tuple(sigs), current=current,
                                baseline_periods=i - j0, baseline_events=len(base),
                                event_ids=tuple(p.id for p in cur_sorted),
                                severity="high" if score >= o.high_score else "medium",
                                tone=_tone(sigs, current)))
    alerts.sort(key=lambda al: (-al.period.toordinal(), -al.score, al.a, al.b))
    if limit is not None:
        alerts = alerts[:limit]
    return AlertReport(tuple(alerts), o, an, first, last, len(groups))
