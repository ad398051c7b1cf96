"""Rendering documents for the terminal (rich) and as JSON."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from ..document import Document


def dumps(d: dict[str, Any], *, pretty: bool) -> str:
    return json.dumps(d, ensure_ascii=False, indent=2 if pretty else None)


def _actor(a: Any) -> str:
    if not a:
        return "—"
    who = a.name or a.text
    return f"{who} [{a.country or '?'}{'/' + a.sector if a.sector else ''}]"


def render_table(doc: Document, console: Console) -> None:
    title = doc.title or doc.id
    console.print(f"[bold]{title}[/bold]  ({doc.language}, published {doc.published or 'unknown'})",
                  markup=True, highlight=False)
    if doc.error:
        console.print(f"[red]error:[/red] {doc.error}", highlight=False)
        return
    ev = Table(title="Events", show_lines=False)
    for col in ("category", "cameo", "source", "target", "neg", "certainty", "attributed", "date", "evidence"):
        ev.add_column(col, overflow="fold")
    for e in doc.events:
        date = e.date.start.isoformat() if e.date.start else "?"
        if e.date.end and e.date.end != e.date.start:
            date += f"..{e.date.end.isoformat()}"
        ev.add_row(e.category + (f"/{e.mode}" if e.mode else ""), e.cameo or "", _actor(e.source),
                   _actor(e.target), "yes" if e.negated else "", e.certainty, _actor(e.attributed_to),
                   f"{date} ({e.date.precision})", (e.evidence.trigger or "") + ": " + e.evidence.text[:90])
    console.print(ev)
    ac = Table(title="Actors")
    for col in ("text", "name", "type", "country", "sector", "role"):
        ac.add_column(col)
    for a in doc.actors:
        ac.add_row(a.text, a.name or "", a.type or "", a.country or "", a.sector or "", a.role or "")
    console.print(ac)
    tt = Table(title="Times and places")
    for col in ("text", "value", "precision"):
        tt.add_column(col)
    for t in doc.times:
        val = f"{t.start_date}..{t.end_date}" if t.start_date else "unresolved"
        tt.add_row(t.text, val, t.precision)
    for p in doc.places:
        tt.add_row(p.text, f"{p.name} [{p.country}] {p.lat},{p.lon}", "place")
    console.print(tt)
