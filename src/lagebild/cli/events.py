"""`lagebild events`: query stored events by actor, dyad, category, date and certainty."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import LagebildError

ActorOpt = Annotated[str | None, typer.Option(help="Source or target: country (RUS, IGO:UN), actor id or name")]
DyadOpt = Annotated[str | None, typer.Option(help="Two actors, e.g. RUS,PRK (either direction)")]
CategoryOpt = Annotated[str | None, typer.Option(help="PLOVER categories, comma-separated (AGREE,CONSULT)")]
SinceOpt = Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD")]
UntilOpt = Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD")]
CertaintyOpt = Annotated[str | None, typer.Option(help="asserted, reported, alleged, assessed, planned, hypothetical")]
SourceOpt = Annotated[str | None, typer.Option(help="Source actor only")]
TargetOpt = Annotated[str | None, typer.Option(help="Target actor only")]
CameoOpt = Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 04")]
NegatedOpt = Annotated[str | None, typer.Option(help="true: only negated events; false: only affirmed")]
ArticleOpt = Annotated[str | None, typer.Option("--article", help="Events of one article (its id)")]

CSV_FIELDS = ("id", "article_id", "date_start", "date_end", "date_precision", "category", "mode", "cameo",
              "quad_class", "goldstein", "source_name", "source_country", "source_sector", "target_name",
              "target_country", "target_sector", "negated", "certainty", "attributed_name", "attributed_country",
              "location", "trigger", "evidence", "confidence", "url")


def build_filter(actor: str | None = None, dyad: str | None = None, category: str | None = None,
                 since: str | None = None, until: str | None = None, certainty: str | None = None,
                 source: str | None = None, target: str | None = None, cameo: str | None = None,
                 negated: str | None = None, article: str | None = None) -> Any:
    from ..store.queries import EventFilter

    try:
        return EventFilter.from_strings(actor=actor, dyad=dyad, category=category, since=since, until=until,
                                        certainty=certainty, source=source, target=target, cameo=cameo,
                                        negated=negated, article_id=article)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def open_store(db: str) -> Any:
    from ..store.duck import EventStore

    try:
        return EventStore(db, read_only=True)
    except LagebildError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    def who(x: dict[str, Any] | None, key: str) -> Any:
        return x.get(key) if x else None

    return {
        "id": d["id"], "article_id": d["article_id"], "date_start": d["date"]["start"],
        "date_end": d["date"]["end"], "date_precision": d["date"]["precision"], "category": d["category"],
        "mode": d["mode"], "cameo": d["cameo"], "quad_class": d["quad_class"], "goldstein": d["goldstein"],
        "source_name": who(d["source"], "name") or who(d["source"], "text"),
        "source_country": who(d["source"], "country"), "source_sector": who(d["source"], "sector"),
        "target_name": who(d["target"], "name") or who(d["target"], "text"),
        "target_country": who(d["target"], "country"), "target_sector": who(d["target"], "sector"),
        "negated": d["negated"], "certainty": d["certainty"],
        "attributed_name": who(d["attributed_to"], "name") or who(d["attributed_to"], "text"),
        "attributed_country": who(d["attributed_to"], "country"),
        "location": who(d["location"], "name"), "trigger": d["evidence"]["trigger"],
        "evidence": d["evidence"]["text"], "confidence": d["confidence"], "url": d["url"],
    }


def events_cmd(
    db: Annotated[str, typer.Option("--db", help="Event store (DuckDB file)")],
    actor: ActorOpt = None, dyad: DyadOpt = None, category: CategoryOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, certainty: CertaintyOpt = None, source: SourceOpt = None, target: TargetOpt = None,
    cameo: CameoOpt = None, negated: NegatedOpt = None, article: ArticleOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many events")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many events")] = 0,
    order: Annotated[str, typer.Option(help="date, -date (newest first) or confidence")] = "date",
    format: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
) -> None:
    """List stored events matching the filters."""
    if format not in ("table", "json", "csv"):
        raise typer.BadParameter("format must be table, json or csv")
    if order not in ("date", "-date", "confidence"):
        raise typer.BadParameter("order must be date, -date or confidence")
    f = build_filter(actor, dyad, category, since, until, certainty, source, target, cameo, negated, article)
    with open_store(db) as st:
        recs = st.events(f, limit=limit, offset=offset, order=order)
        total = st.count_events(f)
    dicts = [r.to_dict() for r in recs]
    if format == "json":
        sys.stdout.write(json.dumps(dicts, ensure_ascii=False, indent=2) + "\n")
        return
    if format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(CSV_FIELDS), lineterminator="\n")
        w.writeheader()
        for d in dicts:
            w.writerow(_flat(d))
        return
    console = Console()
    t = Table(title=f"{len(dicts)} of {total} events", show_lines=False)
    for col in ("date", "category", "cameo", "source", "target", "neg", "certainty", "article", "evidence"):
        t.add_column(col, overflow="fold")
    for d in dicts:
        fl = _flat(d)
        src = f"{fl['source_name'] or '—'} [{fl['source_country'] or '?'}]" if d["source"] else "—"
        tgt = f"{fl['target_name'] or '—'} [{fl['target_country'] or '?'}]" if d["target"] else "—"
        t.add_row(str(fl["date_start"] or d.get("published") or "?"), d["category"] + (f"/{d['mode']}" if d["mode"] else ""),
                  d["cameo"] or "", src, tgt, "yes" if d["negated"] else "", d["certainty"], d["article_id"],
                  (d["evidence"]["text"] or "")[:100])
    console.print(t)
