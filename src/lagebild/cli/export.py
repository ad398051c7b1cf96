"""`lagebild export`: GDELT 2.0 (61 columns), PLOVER JSON Lines, contract JSON Lines, CSV, Parquet."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import LagebildError
from .events import (
    ActorOpt,
    ArticleOpt,
    CameoOpt,
    CategoryOpt,
    CertaintyOpt,
    DyadOpt,
    NegatedOpt,
    SinceOpt,
    SourceOpt,
    TargetOpt,
    UntilOpt,
    build_filter,
    open_store,
)


def export_cmd(
    db: Annotated[str, typer.Option("--db", help="Event store (DuckDB file)")],
    format: Annotated[str, typer.Option("--format", "-f", help="gdelt, plover, jsonl, csv or parquet")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output file ('-' = stdout for gdelt/plover/jsonl/csv)")],
    actor: ActorOpt = None, dyad: DyadOpt = None, category: CategoryOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, certainty: CertaintyOpt = None, source: SourceOpt = None, target: TargetOpt = None,
    cameo: CameoOpt = None, negated: NegatedOpt = None, article: ArticleOpt = None,
    per_event: Annotated[bool, typer.Option(help="gdelt: one row per event instead of per aggregated event")] = False,
    header: Annotated[bool, typer.Option(help="gdelt: add a header line (real GDELT files have none)")] = False,
    table: Annotated[str, typer.Option(help="csv/parquet: events, articles, mentions, actors, aggregates, "
                                            "event_evidence, rejects or duplicates")] = "events",
    text: Annotated[bool, typer.Option(help="plover: include the evidence sentence")] = True,
) -> None:
    """Export stored events (filters as for `lagebild events`)."""
    from ..export import FORMATS, TABLES, export

    if format not in FORMATS:
        raise typer.BadParameter(f"format must be one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise typer.BadParameter(f"table must be one of {', '.join(TABLES)}")
    if out == "-" and format == "parquet":
        raise typer.BadParameter("parquet needs a file (--out FILE)")
    f = build_filter(actor, dyad, category, since, until, certainty, source, target, cameo, negated, article)
    options: dict[str, object] = {}
    if format == "gdelt":
        options = {"per_event": per_event, "header": header}
    elif format == "plover":
        options = {"include_text": text}
    elif format in ("csv", "parquet"):
        options = {"table": table}
    with open_store(db) as st:
        try:
            if out == "-":
                target_out = sys.stdout.buffer if format == "csv" else sys.stdout
                n = export(st, format, target_out, f, **options)
                sys.stdout.flush()
            else:
                n = export(st, format, out, f, **options)
        except (LagebildError, OSError, ValueError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
    typer.echo(f"{n} {'rows' if format in ('gdelt', 'csv', 'parquet') else 'records'} written"
               + (f" to {out}" if out != "-" else ""), err=True)
