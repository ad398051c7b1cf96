"""A standalone HTML situation report: top dyads, shifts, key events with evidence and sources.

One file, no scripts, CSS and SVG inline, every text escaped (Jinja autoescape); a
Content-Security-Policy meta tag forbids scripts even if something slipped through.

    summary = write_report("events.duckdb", "report.html")
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..analysis.alerts import AlertOptions, detect_alerts
from ..analysis.base import AnalysisOptions, default_category_quad, load_points
from ..analysis.dyads import dyad_series, top_dyads
from ..web.render import make_env

if TYPE_CHECKING:
    from ..store import EventStore


@dataclass(frozen=True)
class ReportOptions:
    title: str = "Lagebild situation report"
    since: dt.date | None = None
    until: dt.date | None = None
    interval: str = "week"
    top_dyads: int = 10
    charts: int = 3
    alerts: int = 12
    key_events: int = 12
    evidence_per_alert: int = 3
    sources_per_event: int = 4
    analysis: AnalysisOptions = field(default_factory=AnalysisOptions)


@dataclass(frozen=True)
class ReportSummary:
    path: str
    articles: int
    events: int
    dyads: int
    alerts: int
    key_events: int
    bytes: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "articles": self.articles, "events": self.events, "dyads": self.dyads,
                "alerts": self.alerts, "key_events": self.key_events, "bytes": self.bytes}


def _article_ref(store: EventStore, article_id: str, cache: dict[str, dict[str, Any] | None]) -> dict[str, Any] | None:
    if article_id not in cache:
        art = store.article(article_id)
        cache[article_id] = None if art is None else {
            "id": art.get("id"), "title": art.get("title"), "source": art.get("source"),
            "url": art.get("url"), "published": art.get("published")}
    return cache[article_id]


def _key_events(store: EventStore, o: ReportOptions, cache: dict[str, dict[str, Any] | None]) -> list[dict[str, Any]]:
    """The most widely reported events (cross-article aggregates), heavier events first on ties."""
    from ..store import EventFilter

    flt = EventFilter(since=o.since, until=o.until, negated=False)
    out: list[dict[str, Any]] = []
    aggs = store.aggregates(flt, limit=max(200, o.key_events * 10))
    ranked = sorted(aggs, key=lambda g: (-(g.num_articles + g.num_sources + 0.3 * abs(g.goldstein or 0.0)),
                                         g.date_start or dt.date.min, g.cluster_id))
    seen: set[str] = set()
    for g in ranked:
        if len(out) >= o.key_events:
            break
        eid = g.first_event_id or (g.event_ids[0] if g.event_ids else None)
        rec = store.event(eid) if eid else None
        if rec is None or rec.event.certainty in o.analysis.exclude_certainty:
            continue
        d = rec.to_dict()
        if d["evidence"]["text"] in seen:
            continue
        seen.add(d["evidence"]["text"])
        arts = [a for a in (_article_ref(store, x, cache) for x in g.article_ids[:o.sources_per_event]) if a]
        out.append({"event": d, "num_articles": g.num_articles, "num_sources": g.num_sources,
                    "num_mentions": g.num_mentions, "sources": arts})
    if not out:  # no aggregates computed: the most confident events
        for rec in store.events(flt, limit=o.key_events, order="confidence"):
            d = rec.to_dict()
            arts = [a for a in [_article_ref(store, rec.article_id, cache)] if a]
            out.append({"event": d, "num_articles": 1, "num_sources": 1, "num_mentions": 1, "sources": arts})
    return out


def build_report(store: EventStore, options: ReportOptions | None = None, *,
                 now: dt.datetime | None = None) -> tuple[str, ReportSummary]:
    """The report's HTML and its summary (``path`` empty)."""
    o = options or ReportOptions()
    stats = store.stats()
    points = load_points(store, category_quad=default_category_quad())
    in_range = [p for p in points if (o.since is None or p.day >= o.since) and (o.until is None or p.day <= o.until)]
    dyads = top_dyads(points, limit=o.top_dyads, since=o.since, until=o.until, options=o.analysis)
    series = {(d.a, d.b): dyad_series(points, d.a, d.b, interval=o.interval, since=o.since, until=o.until,
                                      options=o.analysis) for d in dyads}
    rep = detect_alerts(points, AlertOptions(interval=o.interval), analysis=o.analysis, since=o.since,
                        until=o.until, limit=o.alerts)
    cache: dict[str, dict[str, Any] | None] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}
    for al in rep.alerts:
        items = []
        for eid in al.event_ids[:o.evidence_per_alert]:
            rec = store.event(eid)
            if rec is not None:
                items.append({"event": rec.to_dict(), "article": _article_ref(store, rec.article_id, cache)})
        evidence[al.id] = items
    key = _key_events(store, o, cache)
    sources: dict[str, int] = {}
    for a in cache.values():
        if a and a.get("source"):
            sources[a["source"]] = sources.get(a["source"], 0) + 1
    period = (min((p.day for p in in_range), default=None), max((p.day for p in in_range), default=None))
    env = make_env("lagebild.report", "templates")
    html = env.get_template("report.html").render(
        title=o.title, generated=(now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        stats=stats.to_dict(), period=period, options=o, dyads=dyads, series=series, charts=dyads[:o.charts],
        alerts=rep.alerts, alert_report=rep, evidence=evidence, key_events=key,
        sources=sorted(sources.items(), key=lambda kv: (-kv[1], kv[0])), events_in_range=len(in_range))
    summary = ReportSummary(path="", articles=stats.articles, events=len(in_range), dyads=len(dyads),
                            alerts=len(rep.alerts), key_events=len(key), bytes=len(html.encode("utf-8")))
    return html, summary


def write_report(db_path: str | Path, out: str | Path, options: ReportOptions | None = None) -> ReportSummary:
    """Open the store read-only, build the report and write it to ``out`` (UTF-8)."""
    from ..store import EventStore

    with EventStore(db_path, read_only=True) as st:
        html, summary = build_report(st, options)
    path = Path(out)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return ReportSummary(path=str(path), articles=summary.articles, events=summary.events, dyads=summary.dyads,
                         alerts=summary.alerts, key_events=summary.key_events, bytes=summary.bytes)
