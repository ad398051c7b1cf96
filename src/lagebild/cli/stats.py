"""`lagebild stats`: counts of the event store (articles, events, actors, duplicates, rejects …)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .events import open_store


def stats_cmd(
    db: Annotated[str, typer.Option("--db", help="Event store (DuckDB file)")],
    format: Annotated[str, typer.Option("--format", "-f", help="json or table")] = "table",
    rejects: Annotated[int, typer.Option(help="Also list up to this many rejects (table format)")] = 0,
) -> None:
    """Show what the store holds: articles, events, actors, duplicates, rejects, runs."""
    if format not in ("json", "table"):
        raise typer.BadParameter("format must be json or table")
    with open_store(db) as st:
        s = st.stats().to_dict()
        rej = st.rejects(limit=rejects) if rejects else []
    if format == "json":
        sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    t = Table(title=f"Event store {db}", show_header=False)
    for k, v in s.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a}: {b}" for a, b in v.items()) or "—"
        t.add_row(k, str(v) if v is not None else "—")
    console.print(t)
    for r in rej:
        console.print(f"[yellow]rejected[/yellow] {r.origin}: {r.reason}", highlight=False)
