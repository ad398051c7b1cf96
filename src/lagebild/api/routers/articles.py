"""/api/articles and /api/articles/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from .. import service
from ..state import AppState
from ._common import get_state, not_found, user_errors

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", summary="List stored articles, newest first")
def list_articles(
    state: Annotated[AppState, Depends(get_state)],
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    q: Annotated[str | None, Query(description="Substring of title or text (case-insensitive)")] = None,
    since: Annotated[str | None, Query(description="Published on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="Published on or before YYYY-MM-DD")] = None,
    source: str | None = None,
    language: str | None = None,
    include_duplicates: bool = False,
) -> JSONResponse:
    with user_errors():
        res = service.list_articles(state, limit=limit, offset=offset, query=q, since=since, until=until,
                                    source=source, language=language, include_duplicates=include_duplicates)
    return JSONResponse(res)


@router.get("/{article_id}", summary="One article: text, actors, places, times, events")
def get_article(article_id: str, state: Annotated[AppState, Depends(get_state)]) -> JSONResponse:
    art = service.get_article(state, article_id)
    if art is None:
        raise not_found("article", article_id)
    return JSONResponse(art)
