"""Analyses: /api/stats, /api/dyads, /api/dyads/{a}/{b}/series, /api/network, /api/alerts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from .. import service
from ..state import AppState
from ._common import get_state, user_errors

router = APIRouter(prefix="/api", tags=["analysis"])

Since = Annotated[str | None, Query(description="From YYYY-MM-DD (event date)")]
Until = Annotated[str | None, Query(description="To YYYY-MM-DD (event date)")]


@router.get("/stats", summary="Counts: articles, events, actors, duplicates, date range")
def stats(state: Annotated[AppState, Depends(get_state)]) -> JSONResponse:
    return JSONResponse(service.stats(state))


@router.get("/dyads", summary="The most active country dyads with their cooperation–conflict index")
def dyads(state: Annotated[AppState, Depends(get_state)], since: Since = None, until: Until = None,
          limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 20) -> JSONResponse:
    with user_errors():
        items = [d.to_dict() for d in service.dyads(state, since=since, until=until, limit=limit)]
    return JSONResponse({"items": items})


@router.get("/dyads/{a}/{b}/series", summary="A dyad's time series by week or month")
def dyad_series(
    a: str, b: str,
    state: Annotated[AppState, Depends(get_state)],
    interval: Annotated[str, Query(description="week or month")] = "week",
    directed: Annotated[bool, Query(description="Only a → b")] = False,
    since: Since = None, until: Until = None,
) -> JSONResponse:
    with user_errors():
        series = service.series(state, a, b, interval=interval, directed=directed, since=since, until=until)
    return JSONResponse(series.to_dict())


@router.get("/network", summary="The actor network: edges split into cooperative and conflictual")
def network(
    state: Annotated[AppState, Depends(get_state)],
    level: Annotated[str, Query(description="country or actor")] = "country",
    since: Since = None, until: Until = None,
    min_events: Annotated[int, Query(ge=1)] = 1,
    max_edges: Annotated[int, Query(ge=1, le=2000)] = 200,
) -> JSONResponse:
    with user_errors():
        net = service.network(state, level=level, since=since, until=until, min_events=min_events,
                              max_edges=max_edges)
    return JSONResponse(net.to_dict())


@router.get("/alerts", summary="Dyads departing from their own baseline, with the events behind them")
def alerts(
    state: Annotated[AppState, Depends(get_state)],
    interval: Annotated[str, Query(description="week or month")] = "week",
    since: Since = None, until: Until = None,
    dyad: Annotated[str | None, Query(description="Only this dyad, e.g. RUS,PRK")] = None,
    z: Annotated[float | None, Query(gt=0, description="z-score threshold (default 3)")] = None,
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 50,
    events: Annotated[int, Query(ge=0, le=50, description="Events shown per alert")] = 5,
) -> JSONResponse:
    with user_errors():
        rep = service.alerts(state, interval=interval, since=since, until=until, dyad=dyad, limit=limit, z=z)
    out = rep.to_dict()
    evs = service.alert_events(state, rep, per_alert=events) if events else {}
    for al in out["alerts"]:
        al["evidence"] = evs.get(al["id"], [])
    return JSONResponse(out)
