"""Shared pieces of the JSON routers: the app state, user errors as 422, not found as 404."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import HTTPException, Request

from ...errors import LagebildError
from ..state import AppState


async def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.lagebild
    return state


@contextmanager
def user_errors() -> Iterator[None]:
    """Bad query values (ValueError, input errors) become 422 with the reason as ``detail``."""
    try:
        yield
    except (ValueError, LagebildError) as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} with id {key!r}")
