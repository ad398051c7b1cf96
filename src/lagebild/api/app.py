"""The web application: REST API under /api, the dashboard pages, static files.

    app = create_app("events.duckdb")                       # read-only
    app = create_app("events.duckdb", allow_ingest=True, ingest_token="s3cret")

Everything the app needs (store connections, the pipeline, caches, templates) is built here,
per app; nothing is module-global.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from .middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from .state import DEFAULT_MAX_BODY, AppState, StorePool

if TYPE_CHECKING:
    from ..config import Config

DESCRIPTION = ("Events on international relations from news articles: who did what to whom, when, "
               "where, according to whom — with the evidence. Shapes follow the output contract.")


def create_app(db_path: str | Path, *, allow_ingest: bool = False, ingest_token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, config: Config | None = None, config_path: str | None = None,
               pool_size: int = 4, web: bool = True) -> FastAPI:
    """Build the app over the store at ``db_path``.

    The store opens read-only unless ``allow_ingest`` (which needs a non-empty ``ingest_token``).
    ``max_body`` caps every request body (413 beyond it). Raises StoreError if the store cannot
    be opened and ValueError on inconsistent options.
    """
    if allow_ingest and not ingest_token:
        raise ValueError("allow_ingest needs an ingest_token")
    if max_body < 1:
        raise ValueError("max_body must be positive")
    pool = StorePool(str(db_path), read_only=not allow_ingest, size=pool_size)
    state = AppState(db_path=str(db_path), pool=pool, allow_ingest=allow_ingest, ingest_token=ingest_token,
                     max_body=max_body, config=config, config_path=config_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            state.close()

    app = FastAPI(title="Lagebild", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.lagebild = state
    from .routers import actors, analysis, articles, events, pipeline

    for r in (articles.router, events.router, actors.router, analysis.router, pipeline.router):
        app.include_router(r)
    if web:
        from ..web import static_dir
        from ..web.render import make_env
        from ..web.views import router as web_router

        app.state.web_env = make_env()
        app.include_router(web_router)
        app.mount("/static", StaticFiles(directory=str(static_dir())), name="static")
    app.add_middleware(BodyLimitMiddleware, max_body=max_body)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
