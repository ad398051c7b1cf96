"""The dashboard's HTML pages, rendered on the server from the same operations as the API."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..analysis.base import QUAD_LABELS
from ..api import service
from ..api.routers._common import get_state
from ..api.state import AppState
from ..document import CERTAINTIES
from ..errors import LagebildError
from .highlight import article_spans, paragraphs, segments
from .render import plover_categories

router = APIRouter(include_in_schema=False)

State = Annotated[AppState, Depends(get_state)]
EVENT_FILTERS = ("actor", "source", "target", "dyad", "category", "certainty", "negated", "since", "until",
                 "text", "min_confidence", "article_id", "language", "order")


def render(request: Request, name: str, *, status: int = 200, **ctx: Any) -> HTMLResponse:
    env = request.app.state.web_env
    html = env.get_template(name).render(request_path=request.url.path, **ctx)
    return HTMLResponse(html, status_code=status)


def not_found(request: Request, what: str, key: str) -> HTMLResponse:
    return render(request, "error.html", status=404, title="Not found",
                  message=f"There is no {what} with id “{key}”.")


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, state: State) -> HTMLResponse:
    stats = service.stats(state)
    top = service.dyads(state, limit=12)
    sparks = {(d.a, d.b): service.series(state, d.a, d.b, interval="week") for d in top}
    rep = service.alerts(state, limit=8)
    latest = service.list_events(state, service.event_filter(), limit=12, order="-date")
    return render(request, "overview.html", title="Overview", stats=stats, dyads=top, sparks=sparks,
                  alerts=rep.alerts, latest=latest["items"])


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, state: State, q: str | None = None, since: str | None = None,
             until: str | None = None, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    params = {"q": q, "since": since, "until": until}
    try:
        res = service.list_articles(state, limit=50, offset=offset, query=q, since=since, until=until)
    except (ValueError, LagebildError) as exc:
        return render(request, "articles.html", status=422, title="Articles", params=params, error=str(exc),
                      res=None)
    return render(request, "articles.html", title="Articles", params=params, res=res, error=None)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, state: State) -> HTMLResponse:
    art = service.get_article(state, article_id)
    if art is None:
        return not_found(request, "article", article_id)
    segs = segments(art.get("text") or "", article_spans(art))
    return render(request, "article.html", title=art.get("title") or art["id"], art=art,
                  paras=paragraphs(segs))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, state: State, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    qp = request.query_params
    params = {k: qp.get(k) or None for k in EVENT_FILTERS}
    ctx: dict[str, Any] = {"title": "Events", "params": params, "categories": plover_categories(),
                           "certainties": CERTAINTIES, "res": None, "error": None}
    try:
        mc = params["min_confidence"]
        try:
            min_conf = float(mc) if mc else None
        except ValueError:
            raise ValueError(f"min_confidence must be a number between 0 and 1, not {mc!r}") from None
        flt = service.event_filter(
            actor=params["actor"], source=params["source"], target=params["target"], dyad=params["dyad"],
            category=params["category"], certainty=params["certainty"], negated=params["negated"],
            since=params["since"], until=params["until"], text=params["text"], min_confidence=min_conf,
            article_id=params["article_id"], language=params["language"])
        ctx["res"] = service.list_events(state, flt, limit=50, offset=offset, order=params["order"] or "-date")
    except (ValueError, LagebildError) as exc:
        ctx["error"] = str(exc)
        return render(request, "events.html", status=422, **ctx)
    return render(request, "events.html", **ctx)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, state: State, q: str | None = None, country: str | None = None,
           offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    res = service.list_actors(state, limit=50, offset=offset, query=q, country=country)
    return render(request, "actors.html", title="Actors", res=res, params={"q": q, "country": country})


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str, state: State) -> HTMLResponse:
    prof = service.actor_profile(state, actor_id, events=30)
    if prof is None:
        return not_found(request, "actor", actor_id)
    roles = [(r["role"], dt.date.fromisoformat(r["first_seen"]) if r["first_seen"] else None,
              dt.date.fromisoformat(r["last_seen"]) if r["last_seen"] else None) for r in prof["roles"]]
    return render(request, "actor.html", title=prof["actor"].get("name") or actor_id, prof=prof,
                  role_rows=roles)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, state: State, level: str = "country", since: str | None = None,
            until: str | None = None, min_events: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
    params = {"level": level, "since": since, "until": until, "min_events": min_events}
    try:
        net = service.network(state, level=level, since=since, until=until, min_events=min_events,
                              max_edges=150)
    except ValueError as exc:
        return render(request, "network.html", status=422, title="Network", params=params, error=str(exc),
                      data=None)
    return render(request, "network.html", title="Network", params=params, error=None, data=net.to_dict())


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, a: str, b: str, state: State, interval: str = "week", since: str | None = None,
         until: str | None = None) -> HTMLResponse:
    params = {"interval": interval, "since": since, "until": until}
    try:
        series = service.series(state, a, b, interval=interval, since=since, until=until)
        rep = service.alerts(state, interval=interval, dyad=f"{a},{b}", limit=20)
        evs = service.list_events(state, service.event_filter(dyad=f"{a},{b}", since=since, until=until),
                                  limit=25, order="-date")
    except (ValueError, LagebildError) as exc:
        return render(request, "error.html", status=422, title="Bad request", message=str(exc))
    return render(request, "dyad.html", title=f"{a}–{b}", a=a, b=b, series=series, params=params,
                  alerts=rep.alerts, events=evs, quad_labels=QUAD_LABELS)


@router.get("/alerts", response_class=HTMLResponse)
def alerts(request: Request, state: State, interval: str = "week", since: str | None = None,
           until: str | None = None) -> HTMLResponse:
    params = {"interval": interval, "since": since, "until": until}
    try:
        rep = service.alerts(state, interval=interval, since=since, until=until, limit=100)
    except ValueError as exc:
        return render(request, "alerts.html", status=422, title="Alerts", params=params, error=str(exc),
                      report=None, evidence={})
    return render(request, "alerts.html", title="Alerts", params=params, error=None, report=rep,
                  evidence=service.alert_events(state, rep, per_alert=5))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return render(request, "api_docs.html", title="API", spec=spec)
