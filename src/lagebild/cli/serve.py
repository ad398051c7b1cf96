"""`lagebild serve`: the REST API and the dashboard over an event store."""

from __future__ import annotations

from typing import Annotated

import typer


def serve_cmd(
    db: Annotated[str, typer.Option("--db", help="Event store (DuckDB file)")],
    host: Annotated[str, typer.Option(help="Interface to bind (only this machine by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Enable POST /api/ingest "
                                               "(opens the store for writing)")] = False,
    token: Annotated[str | None, typer.Option(help="Token for POST /api/ingest (or $LAGEBILD_TOKEN)",
                                              envvar="LAGEBILD_TOKEN")] = None,
    max_body: Annotated[int, typer.Option(help="Largest request body in bytes")] = 2_000_000,
    config: Annotated[str | None, typer.Option(help="Config file (TOML) for the analysis pipeline")] = None,
) -> None:
    """Serve the REST API (/api, docs at /api/docs) and the dashboard (/) over the store."""
    from ..errors import StoreError

    if allow_ingest and not token:
        raise typer.BadParameter("--allow-ingest needs --token (or $LAGEBILD_TOKEN)")
    if not 0 < port < 65536:
        raise typer.BadParameter("port must be between 1 and 65535")
    try:
        import uvicorn

        from ..api import create_app
    except ImportError as exc:
        typer.echo(f"error: the API needs the 'api' extra (pip install 'lagebild[api]'): {exc}", err=True)
        raise typer.Exit(2) from exc
    try:
        app = create_app(db, allow_ingest=allow_ingest, ingest_token=token, max_body=max_body,
                         config_path=config)
    except (StoreError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"warning: serving on {host}: reachable from other machines", err=True)
    typer.echo(f"Lagebild on http://{host}:{port}/ ({'read-write, ingest enabled' if allow_ingest else 'read-only'})",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
