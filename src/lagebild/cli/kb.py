"""`lagebild kb`: search and show actors, import external dictionaries, KB statistics."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..config import load_config
from ..errors import LagebildError
from ..kb.load import load_kb
from ..kb.model import Entity, KnowledgeBase
from .output import cli_date

kb_app = typer.Typer(help="The actor knowledge base: search, show, import, stats.", no_args_is_help=True)

KbDirOpt = Annotated[list[str] | None, typer.Option("--kb-dir", help="Extra KB overlay directory (repeatable)")]
ConfigOpt = Annotated[str | None, typer.Option(help="Config file (TOML)")]


def _load(config: str | None, kb_dirs: list[str] | None) -> KnowledgeBase:
    try:
        cfg = load_config(config)
        return load_kb(extra_dirs=[*cfg.kb_dirs, *(kb_dirs or [])])
    except LagebildError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _summary(e: Entity, on: dt.date | None) -> dict[str, Any]:
    r = e.role_on(on) if on else None
    return {"id": e.id, "type": e.type, "name": e.name, "country": r.country if r else e.country,
            "sector": r.sector if r else e.sector, "role": r.role if r else (e.kind or ""),
            "roles": len(e.roles)}


@kb_app.command("search")
def search_cmd(
    name: Annotated[str, typer.Argument(help="Part of a name or alias (case-insensitive)")],
    on: Annotated[str | None, typer.Option(help="Only people holding a role on this date (YYYY-MM-DD)")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    limit: Annotated[int, typer.Option(help="Maximum number of hits")] = 20,
    kb_dir: KbDirOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Find actors by name; with --on, people are shown with the role they held that day."""
    if format not in ("table", "json"):
        raise typer.BadParameter("format must be table or json")
    day = cli_date(on, "--on")
    kb = _load(config, kb_dir)
    hits = [_summary(e, day) for e in kb.search(name, on=day, limit=limit)]
    if format == "json":
        sys.stdout.write(json.dumps(hits, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        typer.echo(f"no actor matches {name!r}" + (f" on {day}" if day else ""))
        raise typer.Exit(1)
    t = Table("id", "type", "name", "country", "sector", "role", "roles")
    for h in hits:
        t.add_row(*(str(h[k] if h[k] is not None else "") for k in ("id", "type", "name", "country", "sector",
                                                                      "role", "roles")))
    Console().print(t)


@kb_app.command("show")
def show_cmd(
    id: Annotated[str, typer.Argument(help="Actor id (e.g. vladimir_putin, state:RUS)")],
    kb_dir: KbDirOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Print one actor as JSON: names, aliases and dated roles."""
    kb = _load(config, kb_dir)
    ent = kb.entities.get(id)
    if ent is None:
        near = [e.id for e in kb.search(id.split(":")[-1].replace("_", " "), limit=5)]
        typer.echo(f"error: no actor with id {id!r}" + (f" (did you mean: {', '.join(near)})" if near else ""),
                   err=True)
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(ent.to_dict(), ensure_ascii=False, indent=2) + "\n")


@kb_app.command("import")
def import_cmd(
    file: Annotated[str, typer.Argument(help="The external file to convert")],
    format: Annotated[str, typer.Option("--format", "-f", help="phoenix, countryinfo or tsv")],
    out: Annotated[str, typer.Option("--out", "-o", help="Overlay directory to write (use it via kb_dirs "
                                                         "or --kb-dir)")],
    keep_known: Annotated[bool, typer.Option(help="Also import people the KB already has")] = False,
    show_skipped: Annotated[int, typer.Option(help="List this many skipped lines")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
    kb_dir: KbDirOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Convert a Phoenix/PETRARCH dictionary, a CountryInfo file or a people TSV into an overlay
    directory in the project's TSV formats; report what was written and what was skipped, and why.

    Write each import into its own directory: organisations.tsv, agents.tsv, country_forms.tsv,
    seats.tsv and places.tsv have fixed names, so a second import into the same one replaces them."""
    from ..kb.importers import known_person_keys
    from ..kb.importers.countryinfo import import_countryinfo
    from ..kb.importers.phoenix import import_phoenix
    from ..kb.importers.tsv import import_people_tsv

    if format not in ("phoenix", "countryinfo", "tsv"):
        raise typer.BadParameter("format must be phoenix, countryinfo or tsv")
    if not Path(file).is_file():
        typer.echo(f"error: {file}: no such file", err=True)
        raise typer.Exit(2)
    kb = _load(config, kb_dir)
    countries = set(kb.countries)
    known = {} if keep_known else known_person_keys(kb)
    try:
        if format == "phoenix":
            res = import_phoenix(file, out, countries, known)
        elif format == "countryinfo":
            forms: dict[str, set[str]] = {}
            for f in kb.forms:
                if f.code and f.kind in ("country", "adjective", "demonym", "capital"):
                    forms.setdefault(f.surface, set()).add(f.code)
            res = import_countryinfo(file, out, countries, known, forms)
        else:
            res = import_people_tsv(file, out, countries)
    except OSError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    check = "ok"
    if res.written:
        try:
            load_kb(extra_dirs=[*load_config(config).kb_dirs, *(kb_dir or []), out])
        except LagebildError as exc:
            check = f"FAILED: {exc}"
    if json_out:
        d = res.to_dict()
        d["overlay_check"] = check
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    else:
        typer.echo(f"imported {file} ({res.format}) into {out}")
        for name, n in res.written.items():
            typer.echo(f"  wrote {n:6d} rows  {name}")
        for note in res.notes:
            typer.echo(f"  {note}")
        typer.echo(f"  skipped {len(res.skipped)} line(s)/code(s)")
        for reason, n in res.skip_reasons().items():
            typer.echo(f"    {n:6d}  {reason}")
        for s in res.skipped[:show_skipped]:
            typer.echo(f"    line {s.line}: {s.reason}  | {s.text}")
        typer.echo(f"  overlay loads: {check}")
        if res.written:
            typer.echo(f"  use it with: --kb-dir {out}   or in config.toml: [kb] kb_dirs = [\"{out}\"]")
    if check != "ok" or not res.written:
        raise typer.Exit(1)


def measure_load(extra_dirs: list[str]) -> dict[str, float]:
    """Load time (ms), peak Python memory of a second load (MB, tracemalloc, which slows loading, so
    timed separately) and the matcher build time."""
    from ..kb.matcher import Matcher

    t0 = time.perf_counter()
    kb = load_kb(extra_dirs=extra_dirs)
    t1 = time.perf_counter()
    tracemalloc.start()
    load_kb(extra_dirs=extra_dirs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    t2 = time.perf_counter()
    Matcher(kb)
    t3 = time.perf_counter()
    return {"load_ms": round((t1 - t0) * 1000, 1), "matcher_build_ms": round((t3 - t2) * 1000, 1),
            "load_peak_mb": round(peak / 2**20, 1), **{k: float(v) for k, v in kb.stats().items()}}


@kb_app.command("stats")
def stats_cmd(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    kb_dir: KbDirOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Counts of countries, people, organisations, forms and roles; load time and memory."""
    if format not in ("table", "json"):
        raise typer.BadParameter("format must be table or json")
    try:
        dirs = [*load_config(config).kb_dirs, *(kb_dir or [])]
        m = measure_load(dirs)
    except LagebildError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    out: dict[str, Any] = {k: (int(v) if k.endswith("s") and float(v).is_integer() else v) for k, v in m.items()}
    out["kb_dirs"] = dirs
    out["pid"] = os.getpid()
    if format == "json":
        out.pop("pid")
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    t = Table("measure", "value")
    for k, v in out.items():
        if k != "pid":
            t.add_row(k, str(v))
    Console().print(t)
