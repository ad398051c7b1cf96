"""Rendering documents for the terminal (rich) and as JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..document import Document


def cli_date(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD option value, or a clear usage error naming the option."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def dumps(d: dict[str, Any], *, pretty: bool) -> str:
    return json.dumps(d, ensure_ascii=False, indent=2 if pretty else None)


def _actor(a: Any) -> str:
    if not a:
        return "—"
    who = a.name or a.text
    return f"{who} [{a.country or '?'}{'/' + a.sector if a.sector else ''}]"


def _date(e: Any) -> str:
    if not e.date.start:
        return "—"
    d = e.date.start.isoformat()
    if e.date.end and e.date.end != e.date.start:
        d += f"…{e.date.end.isoformat()}"
    return d


def render_table(doc: Document, console: Console) -> None:
    """A readable terminal view: one row per event with its evidence underneath, then actors and times."""
    console.print(f"[bold]{escape(doc.title or doc.id)}[/bold]  ({doc.language}, published "
                  f"{doc.published or 'unknown'})", highlight=False)
    if doc.error:
        console.print(f"[red]error:[/red] {escape(doc.error)}", highlight=False)
        return
    ev = Table(title=f"Events ({len(doc.events)})", show_lines=True, expand=True)
    ev.add_column("#", justify="right", width=3)
    ev.add_column("event", ratio=2)
    ev.add_column("who → whom", ratio=4)
    ev.add_column("how sure", ratio=2)
    ev.add_column("when", ratio=2)
    for n, e in enumerate(doc.events, 1):
        what = f"[bold]{e.category}[/bold]" + (f"/{e.mode}" if e.mode else "") + f"\nCAMEO {e.cameo or '—'}"
        if e.negated:
            what += "\n[red]negated[/red]"
        who = f"{escape(_actor(e.source))} → {escape(_actor(e.target))}\n[dim]{escape(e.evidence.text[:160])}[/dim]"
        sure = e.certainty + (f"\nby {escape(_actor(e.attributed_to))}" if e.attributed_to else "")
        ev.add_row(str(n), what, who, sure, f"{_date(e)}\n[dim]{e.date.precision}[/dim]")
    console.print(ev)
    ac = Table(title=f"Actors ({len(doc.actors)})", expand=True)
    for col in ("text", "resolved to", "type", "country", "sector", "role"):
        ac.add_column(col)
    for a in doc.actors:
        ac.add_row(escape(a.text), escape(a.name or ""), a.type or "", a.country or "", a.sector or "", a.role or "")
    console.print(ac)
    tt = Table(title="Times and places", expand=True)
    for col in ("text", "value", "kind"):
        tt.add_column(col)
    for t in doc.times:
        val = f"{t.start_date}…{t.end_date}" if t.start_date else "unresolved"
        tt.add_row(escape(t.text), val, t.precision)
    for p in doc.places:
        tt.add_row(escape(p.text), f"{escape(p.name or '')} [{p.country}] {p.lat}, {p.lon}", "place")
    console.print(tt)
