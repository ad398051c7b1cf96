"""/api/events: events with the CLI's filters, paginated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from .. import service
from ..state import AppState
from ._common import get_state, not_found, user_errors

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", summary="Events matching the filters (the output contract's event objects)")
def list_events(
    state: Annotated[AppState, Depends(get_state)],
    actor: Annotated[str | None, Query(description="Source or target: country code, actor id or name")] = None,
    source: str | None = None,
    target: str | None = None,
    dyad: Annotated[str | None, Query(description="Two actors separated by a comma, e.g. RUS,PRK")] = None,
    directed: bool = False,
    category: Annotated[str | None, Query(description="PLOVER categories, comma-separated")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code prefix, e.g. 04")] = None,
    certainty: Annotated[str | None, Query(description="Certainties, comma-separated")] = None,
    negated: Annotated[str | None, Query(description="true or false")] = None,
    since: Annotated[str | None, Query(description="Event date on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="Event date on or before YYYY-MM-DD")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    article_id: Annotated[str | None, Query(description="Events of one article")] = None,
    article: Annotated[str | None, Query(description="Same as article_id (the CLI's --article)")] = None,
    language: str | None = None,
    text: Annotated[str | None, Query(description="Substring of the evidence text")] = None,
    order: Annotated[str, Query(description="date, -date or confidence")] = "-date",
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    with user_errors():
        flt = service.event_filter(actor=actor, source=source, target=target, dyad=dyad, directed=directed,
                                   category=category, cameo=cameo, certainty=certainty, negated=negated,
                                   since=since, until=until, min_confidence=min_confidence,
                                   article_id=article_id or article, language=language, text=text)
        return JSONResponse(service.list_events(state, flt, limit=limit, offset=offset, order=order))


@router.get("/{event_id}", summary="One event")
def get_event(event_id: str, state: Annotated[AppState, Depends(get_state)]) -> JSONResponse:
    ev = service.get_event(state, event_id)
    if ev is None:
        raise not_found("event", event_id)
    return JSONResponse(ev)
