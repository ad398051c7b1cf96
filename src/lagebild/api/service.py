"""The operations behind the REST API and the dashboard, over one app's :class:`AppState`.

Each takes raw request values, validates them (``ValueError`` with a clear message on bad input)
and returns plain data; the JSON routers and the HTML views are thin layers over these.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ..analysis.actors import actor_activity, actor_roles
from ..analysis.alerts import AlertOptions, AlertReport, detect_alerts
from ..analysis.dyads import DyadSeries, DyadSummary, dyad_series, top_dyads
from ..analysis.network import ActorNetwork, build_network
from .state import AppState

if TYPE_CHECKING:
    from ..store import EventFilter

T = TypeVar("T")
ORDERS = ("date", "-date", "confidence")
MAX_LIMIT = 500


def parse_date(value: str | None, name: str) -> dt.date | None:
    if value is None or value.strip() == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise ValueError(f"since ({since.isoformat()}) is after until ({until.isoformat()})")


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    nxt = offset + limit if offset + limit < total else None
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next_offset": nxt}


def _memo(state: AppState, key: tuple[Any, ...], fn: Callable[[], T]) -> T:
    return state.memo(key, fn)


def stats(state: AppState) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        with state.pool.store() as st:
            return st.stats().to_dict()

    return _memo(state, ("stats",), compute)


def list_articles(state: AppState, *, limit: int = 50, offset: int = 0, query: str | None = None,
                  since: str | None = None, until: str | None = None, source: str | None = None,
                  language: str | None = None, include_duplicates: bool = False) -> dict[str, Any]:
    s, u = parse_date(since, "since"), parse_date(until, "until")
    check_range(s, u)
    kw: dict[str, Any] = {"query": query or None, "since": s, "until": u, "source": source or None,
                          "language": language or None, "include_duplicates": include_duplicates}
    with state.pool.store() as st:
        rows = st.articles(limit=limit, offset=offset, **kw)
        total = st.count_articles(**kw)
    return page([r.to_dict() for r in rows], total, limit, offset)


def get_article(state: AppState, article_id: str) -> dict[str, Any] | None:
    with state.pool.store() as st:
        return st.article(article_id)


def event_filter(*, actor: str | None = None, source: str | None = None, target: str | None = None,
                 dyad: str | None = None, directed: bool = False, category: str | None = None,
                 cameo: str | None = None, certainty: str | None = None, negated: str | None = None,
                 since: str | None = None, until: str | None = None, min_confidence: float | None = None,
                 article_id: str | None = None, language: str | None = None,
                 text: str | None = None) -> EventFilter:
    from ..store import EventFilter

    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, not {min_confidence}")
    for name, value in (("since", since), ("until", until)):
        parse_date(value, name)  # the clearer message first
    check_range(parse_date(since, "since"), parse_date(until, "until"))
    return EventFilter.from_strings(
        actor=actor, source=source, target=target, dyad=dyad, directed=directed, category=category,
        cameo=cameo, certainty=certainty, negated=negated or None, since=since, until=until,
        min_confidence=min_confidence, article_id=article_id, language=language, text=text)


def list_events(state: AppState, flt: EventFilter, *, limit: int = 50, offset: int = 0,
                order: str = "-date") -> dict[str, Any]:
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    with state.pool.store() as st:
        rows = st.events(flt, limit=limit, offset=offset, order=order)
        total = st.count_events(flt)
    return page([r.to_dict() for r in rows], total, limit, offset)


def get_event(state: AppState, event_id: str) -> dict[str, Any] | None:
    with state.pool.store() as st:
        rec = st.event(event_id)
    return rec.to_dict() if rec else None


def events_by_ids(state: AppState, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    with state.pool.store() as st:
        for i in ids:
            rec = st.event(i)
            if rec is not None:
                out.append(rec.to_dict())
    return out


def list_actors(state: AppState, *, limit: int = 50, offset: int = 0, country: str | None = None,
                query: str | None = None) -> dict[str, Any]:
    with state.pool.store() as st:
        rows = st.actors(limit=limit + 1, offset=offset, country=country or None, query=query or None)
    more = len(rows) > limit
    items = [r.to_dict() for r in rows[:limit]]
    return {"items": items, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def actor_profile(state: AppState, actor_id: str, *, events: int = 50) -> dict[str, Any] | None:
    from ..store import EventFilter

    def compute() -> dict[str, Any] | None:
        with state.pool.store() as st:
            summary = st.actor(actor_id)
            if summary is None:
                return None
            roles = actor_roles(st, actor_id)
            recent = st.events(EventFilter(actor=actor_id), limit=events, order="-date")
        activity = actor_activity(state.points(), actor_id)
        return {"actor": summary.to_dict(), "roles": [r.to_dict() for r in roles],
                "activity": activity.to_dict(), "events": [r.to_dict() for r in recent]}

    return _memo(state, ("actor", actor_id, events), compute)


def series(state: AppState, a: str, b: str, *, interval: str = "week", directed: bool = False,
           since: str | None = None, until: str | None = None) -> DyadSeries:
    s, u = parse_date(since, "since"), parse_date(until, "until")
    check_range(s, u)
    return _memo(state, ("series", a, b, interval, directed, s, u),
                 lambda: dyad_series(state.points(), a, b, interval=interval, directed=directed,
                                     since=s, until=u))


def dyads(state: AppState, *, since: str | None = None, until: str | None = None,
          limit: int = 20) -> list[DyadSummary]:
    s, u = parse_date(since, "since"), parse_date(until, "until")
    check_range(s, u)
    return _memo(state, ("dyads", s, u, limit),
                 lambda: top_dyads(state.points(), since=s, until=u, limit=limit))


def network(state: AppState, *, level: str = "country", since: str | None = None, until: str | None = None,
            min_events: int = 1, max_edges: int = 200) -> ActorNetwork:
    s, u = parse_date(since, "since"), parse_date(until, "until")
    check_range(s, u)
    return _memo(state, ("network", level, s, u, min_events, max_edges),
                 lambda: build_network(state.points(), level=level, since=s, until=u,
                                       min_events=min_events, max_edges=max_edges))


def parse_dyad(dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    parts = [x.strip() for x in dyad.split(",") if x.strip()]
    if len(parts) != 2:
        raise ValueError(f"dyad must be two country codes separated by a comma (e.g. RUS,PRK), not {dyad!r}")
    return parts[0], parts[1]


def alerts(state: AppState, *, interval: str = "week", since: str | None = None, until: str | None = None,
           dyad: str | None = None, limit: int = 50, z: float | None = None) -> AlertReport:
    s, u = parse_date(since, "since"), parse_date(until, "until")
    check_range(s, u)
    dy = parse_dyad(dyad)
    opts = AlertOptions(interval=interval)
    if z is not None:
        opts = dataclasses.replace(opts, z_threshold=z)
    opts.validate()
    return _memo(state, ("alerts", interval, s, u, dy, limit, z),
                 lambda: detect_alerts(state.points(), opts, since=s, until=u, dyad=dy, limit=limit,
                                       data_start=state.data_start()))


def alert_events(state: AppState, report: AlertReport, *, per_alert: int = 5) -> dict[str, list[dict[str, Any]]]:
    """The first ``per_alert`` events behind each alert (full event records), by alert id."""
    key = ("alert_events", tuple(al.id for al in report.alerts), per_alert)
    return _memo(state, key, lambda: _alert_events(state, report, per_alert))


def _alert_events(state: AppState, report: AlertReport, per_alert: int) -> dict[str, list[dict[str, Any]]]:
    from ..store import EventFilter

    out: dict[str, list[dict[str, Any]]] = {}
    with state.pool.store() as st:
        for al in report.alerts:
            want = list(al.event_ids[:per_alert])
            # one query per alert: the dyad's events of the period, then pick the alert's own
            recs = st.events(EventFilter(dyad=(al.a, al.b), since=al.period, until=al.period_end),
                             limit=max(200, len(al.event_ids) * 2))
            found = {r.id: r for r in recs if r.id in want}
            for eid in want:
                if eid not in found:  # dated differently in the store's filter: fetch it alone
                    rec = st.event(eid)
                    if rec is not None:
                        found[eid] = rec
            out[al.id] = [found[e].to_dict() for e in want if e in found]
    return out
