"""`lagebild ingest`: read articles into the event store, with a progress bar and a summary."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ..errors import LagebildError
from .output import cli_date


def estimate_total(paths: list[str], limit_bytes: int = 500_000_000) -> int | None:
    """Records the inputs will give (lines of JSONL/CSV files, files in directories), or None when
    unknown (stdin, URLs, very large files) — only for the progress bar."""
    from ..ingest.sources import walk_directory

    total = 0
    for p in paths:
        if p == "-" or "://" in p:
            return None
        path = Path(p)
        files = list(walk_directory(path)) if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson", ".csv"):
                try:
                    if f.stat().st_size > limit_bytes:
                        return None
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
                if f.suffix.lower() == ".csv":
                    total -= 1  # header
            elif f.suffix.lower() in (".xml", ".rss", ".atom", ".json"):
                return None  # several records per file
            else:
                total += 1
    return max(total, 0)


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, feed/page URLs, or '-' for stdin")],
    db: Annotated[str, typer.Option("--db", help="Event store (DuckDB file); created if missing")],
    workers: Annotated[int, typer.Option(help="Analysis processes (local) or LocalCluster workers (dask)")] = 1,
    engine: Annotated[str, typer.Option(help="local or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")] = None,
    published_default: Annotated[str | None, typer.Option(
        "--published-default", help="Publication date YYYY-MM-DD for articles without one")] = None,
    language: Annotated[str | None, typer.Option(help="de or en for articles without one (else detected)")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per batch (one transaction each)")] = 32,
    max_bytes: Annotated[int, typer.Option(help="Reject single files, pages or lines larger than this")] = 20_000_000,
    timeout: Annotated[float, typer.Option(help="HTTP timeout in seconds for feed and page URLs")] = 10.0,
    follow_links: Annotated[bool, typer.Option(help="Fetch the page behind each feed item")] = False,
    window_days: Annotated[int, typer.Option(help="Date window for cross-article aggregation")] = 1,
    parquet_dir: Annotated[str | None, typer.Option(
        help="dask: workers write Parquet here (a directory shared with this machine)")] = None,
    config: Annotated[str | None, typer.Option(help="Config file (TOML)")] = None,
    pipeline_factory: Annotated[str | None, typer.Option(
        help="Custom pipeline: 'module:function' taking the Config, returning a Pipeline")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
) -> None:
    """Ingest articles (text, HTML, RSS/Atom, JSONL, CSV, directories, URLs, stdin) into the event store.

    Duplicates (exact and near) are recorded, not analysed twice; bad input is rejected with its
    reason and the rest goes on. Rerunning the same ingest is safe: stored articles are skipped.
    """
    from ..ingest.dedupe import MinHashParams
    from ..ingest.model import ReaderOptions
    from ..ingest.runner import IngestOptions, IngestProgress, ingest

    err = Console(stderr=True)
    pub = cli_date(published_default, "--published-default")
    if language not in (None, "de", "en"):
        raise typer.BadParameter("--language must be de or en")
    try:
        opts = IngestOptions(engine=engine, workers=workers, scheduler=scheduler, batch_size=batch_size,
                             reader=ReaderOptions(max_bytes=max_bytes, timeout=timeout, published_default=pub,
                                                  language=language, follow_links=follow_links),
                             config_path=config, pipeline_factory=pipeline_factory,
                             minhash=MinHashParams(), window_days=window_days,
                             parquet_dir=parquet_dir)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc

    show = not quiet and err.is_terminal
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/bold]"), BarColumn(),
                        TaskProgressColumn(),
                        TextColumn("{task.fields[status]}"), TimeElapsedColumn(), console=err,
                        transient=True, disable=not show)
    task = progress.add_task("ingest", total=estimate_total(paths) if show else None, status="starting")

    def on_batch(p: IngestProgress) -> None:
        progress.update(task, completed=p.read, status=f"{p.read:,} read · {p.new:,} new · {p.duplicates:,} dup · "
                                     f"{p.rejected + p.failed:,} rejected · {p.events:,} events")

    try:
        with progress:
            summary = ingest(paths, db, opts, progress=on_batch)
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/yellow]: committed batches are kept; run the same command again "
                  "to resume")
        raise typer.Exit(130) from None
    except (LagebildError, ValueError, RuntimeError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    except Exception as exc:  # worker or cluster failures: say what failed; committed batches are kept
        err.print(f"[red]error:[/red] {type(exc).__name__}: {exc} (committed batches are kept; rerun to "
                  "resume)", highlight=False)
        raise typer.Exit(2) from exc
    d = summary.to_dict()
    if json_out:
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    else:
        t = Table(title=f"Ingest into {summary.db}", show_header=False)
        rate = summary.new / summary.seconds if summary.seconds > 0 else 0.0
        for k, v in (("new articles", summary.new), ("duplicates (exact + near)", summary.duplicates),
                     ("already in the store", summary.unchanged), ("rejected", summary.rejected),
                     ("analysis failed", summary.failed), ("events", summary.events),
                     ("aggregated events", summary.aggregates), ("engine", f"{summary.engine} × {summary.workers}"),
                     ("time", f"{summary.seconds:.1f} s ({rate:.1f} new articles/s)"), ("run", summary.run_id)):
            t.add_row(k, str(v))
        err.print(t)
        for origin, reason in summary.reject_reasons[:10]:
            err.print(f"  [yellow]rejected[/yellow] {origin}: {reason}", highlight=False)
        if len(summary.reject_reasons) > 10:
            err.print(f"  … and {summary.rejected - 10} more (lagebild stats --db {db})", highlight=False)
    if summary.read and summary.new + summary.unchanged + summary.duplicates == 0:
        raise typer.Exit(1)
