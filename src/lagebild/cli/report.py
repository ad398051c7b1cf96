"""`lagebild report`: a standalone HTML situation report from the event store."""

from __future__ import annotations

from typing import Annotated

import typer

from .output import cli_date


def report_cmd(
    db: Annotated[str, typer.Option("--db", help="Event store (DuckDB file)")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output HTML file")] = "report.html",
    since: Annotated[str | None, typer.Option(help="From YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="To YYYY-MM-DD")] = None,
    interval: Annotated[str, typer.Option(help="week or month")] = "week",
    title: Annotated[str, typer.Option(help="Report title")] = "Lagebild situation report",
    top: Annotated[int, typer.Option(help="Number of dyads listed")] = 10,
) -> None:
    """Write a standalone HTML situation report: top dyads, shifts, key events with evidence and sources."""
    from ..errors import StoreError
    from ..report import ReportOptions, write_report

    if interval not in ("week", "month"):
        raise typer.BadParameter("interval must be week or month")
    s, u = cli_date(since, "--since"), cli_date(until, "--until")
    if s and u and s > u:
        raise typer.BadParameter("--since is after --until")
    try:
        summary = write_report(db, out, ReportOptions(title=title, since=s, until=u, interval=interval,
                                                      top_dyads=top))
    except (StoreError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"wrote {summary.path}: {summary.events} events, {summary.dyads} dyads, {summary.alerts} shifts, "
               f"{summary.key_events} key events", err=True)
