"""/api/actors and /api/actors/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from .. import service
from ..state import AppState
from ._common import get_state, not_found, user_errors

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", summary="Resolved actors seen in the store, most mentioned first")
def list_actors(
    state: Annotated[AppState, Depends(get_state)],
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    country: str | None = None,
    q: Annotated[str | None, Query(description="Substring of the name")] = None,
) -> JSONResponse:
    with user_errors():
        return JSONResponse(service.list_actors(state, limit=limit, offset=offset, country=country, query=q))


@router.get("/{actor_id:path}", summary="One actor: summary, roles over time, partners, recent events")
def get_actor(
    actor_id: str,
    state: Annotated[AppState, Depends(get_state)],
    events: Annotated[int, Query(ge=0, le=service.MAX_LIMIT)] = 50,
) -> JSONResponse:
    prof = service.actor_profile(state, actor_id, events=events)
    if prof is None:
        raise not_found("actor", actor_id)
    return JSONResponse(prof)
