"""POST /api/analyze (text in, the output contract out) and POST /api/ingest (token required)."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..state import AppState
from ._common import get_state, user_errors

router = APIRouter(prefix="/api", tags=["pipeline"])

MAX_INGEST_ARTICLES = 1000


class ArticleIn(BaseModel):
    """One article, as in the batch input contract."""

    text: str = Field(description="The article text (plain text)")
    id: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, description="YYYY-MM-DD; resolves relative dates")
    language: str | None = Field(default=None, description="de or en; detected when omitted")
    title: str | None = None
    url: str | None = None
    source: str | None = None


class AnalyzeIn(ArticleIn):
    tokens: bool = Field(default=False, description="Include tokens in the output")


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(max_length=MAX_INGEST_ARTICLES)


@router.post("/analyze", summary="Analyse one article; returns the output contract's document")
def analyze(body: AnalyzeIn, state: Annotated[AppState, Depends(get_state)]) -> JSONResponse:
    with user_errors():
        doc = state.analyze(body.text, id=body.id or "api", published=body.published or None,
                            language=body.language or None, title=body.title, url=body.url,
                            source=body.source)
    out: dict[str, Any] = doc.to_dict(tokens=body.tokens)
    return JSONResponse(out)


def _token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return request.headers.get("x-lagebild-token") or None


def require_ingest_token(request: Request, state: Annotated[AppState, Depends(get_state)]) -> None:
    if not state.allow_ingest or not state.ingest_token:
        raise HTTPException(status_code=403, detail="ingest is disabled on this server "
                                                    "(start it with --allow-ingest --token TOKEN)")
    given = _token(request)
    if given is None:
        raise HTTPException(status_code=401, detail="ingest needs a token: send 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), state.ingest_token.encode()):
        raise HTTPException(status_code=403, detail="the ingest token is not valid")


@router.post("/ingest", summary="Analyse articles and store them (needs --allow-ingest and the token)",
             dependencies=[Depends(require_ingest_token)])
def ingest(body: IngestIn, state: Annotated[AppState, Depends(get_state)]) -> JSONResponse:
    records = [a.model_dump() for a in body.articles]
    nlp = state.pipeline()
    with user_errors(), state.analyzing():
        docs = list(nlp.pipe(records, error_policy="report"))
    with state.writer() as st:
        result = st.ingest_documents(docs)
        st.refresh_aggregates()
    state.invalidate()
    out: dict[str, Any] = result.to_dict()
    out["errors"] = [{"id": d.id, "error": d.error} for d in docs if d.error]
    return JSONResponse(out)
