"""`lagebild dyad` and `lagebild alerts`: trends and shifts from the event store."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .output import cli_date, dumps


def _open(db: str):  # type: ignore[no-untyped-def]
    from ..errors import StoreError
    from ..store import EventStore

    try:
        return EventStore(db, read_only=True)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def dyad_cmd(
    a: Annotated[str, typer.Argument(help="First actor: country code (RUS), IGO:NATO, actor id or name")],
    b: Annotated[str, typer.Argument(help="Second actor")],
    db: Annotated[str, typer.Option("--db", help="Event store (DuckDB file)")],
    interval: Annotated[str, typer.Option(help="week or month")] = "week",
    directed: Annotated[bool, typer.Option(help="Only events from A to B")] = False,
    since: Annotated[str | None, typer.Option(help="From YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="To YYYY-MM-DD")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """A dyad's time series: events by quad class, mean Goldstein, cooperation–conflict index."""
    from ..analysis import dyad_series, load_points

    if format not in ("table", "json"):
        raise typer.BadParameter("format must be table or json")
    if interval not in ("week", "month"):
        raise typer.BadParameter("interval must be week or month")
    s, u = cli_date(since, "--since"), cli_date(until, "--until")
    with _open(db) as st:
        pts = load_points(st)
    series = dyad_series(pts, a, b, interval=interval, directed=directed, since=s, until=u)
    if format == "json":
        sys.stdout.write(dumps(series.to_dict(), pretty=True) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    t = series.total
    arrow = "→" if directed else "–"
    if t is None:
        console.print(f"No events between {a} and {b}.", highlight=False)
        return
    console.print(f"[bold]{a} {arrow} {b}[/bold]: {t.events} events, {t.cooperative} cooperative, "
                  f"{t.conflictual} conflictual, index {t.index:+.2f}" if t.index is not None else
                  f"[bold]{a} {arrow} {b}[/bold]: {t.events} events", highlight=False)
    tab = Table(title=f"by {interval}")
    for col in ("from", "events", "verb. coop", "mat. coop", "verb. confl", "mat. confl", "Goldstein", "index"):
        tab.add_column(col, justify="left" if col == "from" else "right", no_wrap=col == "from")
    for p in series.points:
        tab.add_row(p.period.isoformat(), str(p.events), *(str(q) for q in p.quads),
                    "" if p.goldstein_mean is None else f"{p.goldstein_mean:+.2f}",
                    "" if p.index is None else f"{p.index:+.2f}")
    console.print(tab)


def alerts_cmd(
    db: Annotated[str, typer.Option("--db", help="Event store (DuckDB file)")],
    interval: Annotated[str, typer.Option(help="week or month")] = "week",
    since: Annotated[str | None, typer.Option(help="Only periods from YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="Only periods until YYYY-MM-DD")] = None,
    dyad: Annotated[str | None, typer.Option(help="Only this dyad, e.g. RUS,PRK")] = None,
    z: Annotated[float, typer.Option(help="z-score threshold")] = 3.0,
    limit: Annotated[int, typer.Option(help="At most this many alerts")] = 50,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """Shifts: dyads departing from their own baseline, with the events behind each alert."""
    from ..analysis import AlertOptions, detect_alerts, load_points

    if format not in ("table", "json"):
        raise typer.BadParameter("format must be table or json")
    s, u = cli_date(since, "--since"), cli_date(until, "--until")
    pair = None
    if dyad:
        parts = [x.strip() for x in dyad.split(",") if x.strip()]
        if len(parts) != 2:
            raise typer.BadParameter("dyad must be two codes separated by a comma, e.g. RUS,PRK")
        pair = (parts[0], parts[1])
    try:
        opts = AlertOptions(interval=interval, z_threshold=z).validate()
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    with _open(db) as st:
        pts = load_points(st)
        rep = detect_alerts(pts, opts, since=s, until=u, dyad=pair, limit=limit)
        evidence = {al.id: [r.to_dict() for r in (st.event(i) for i in al.event_ids[:3]) if r]
                    for al in rep.alerts}
    if format == "json":
        d = rep.to_dict()
        for al in d["alerts"]:
            al["evidence"] = evidence.get(al["id"], [])
        sys.stdout.write(dumps(d, pretty=True) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not rep.alerts:
        console.print("No dyad departs from its baseline.", highlight=False)
        return
    tab = Table(title=f"{len(rep.alerts)} shifts ({interval}, z ≥ {z})")
    for col in ("period", "dyad", "severity", "tone", "events", "signals", "example"):
        tab.add_column(col, overflow="fold")
    for al in rep.alerts:
        ex = evidence.get(al.id) or []
        tab.add_row(al.period.isoformat(), f"{al.a}–{al.b}", al.severity, al.tone, str(al.current.events),
                    "\n".join(sg.description for sg in al.signals),
                    (ex[0]["evidence"]["text"][:120] if ex else ""))
    console.print(tab)
