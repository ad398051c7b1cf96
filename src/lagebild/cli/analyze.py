"""`lagebild analyze`: one article (file or stdin) or a JSONL batch, in the output contract."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..config import load_config
from ..errors import LagebildError
from ..ingest.model import ReaderOptions, Reject
from ..ingest.tabular import read_jsonl_stream
from ..pipeline import Pipeline
from .output import dumps, render_table


def read_jsonl(path: str) -> Iterator[dict[str, Any]]:
    """Input records from a JSONL file ('-' = stdin), read by the ingest JSONL reader; a line that
    cannot be read becomes an error record with its id (or line number) and reason."""
    fh = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    try:
        for item in read_jsonl_stream(fh, "input", ReaderOptions()):
            if isinstance(item, Reject):
                line = item.origin.rsplit(":", 1)[-1]
                yield {"id": item.record_id or f"line-{line}", "_error": f"line {line}: {item.reason}"}
            else:
                yield item.record()
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def analyze_cmd(
    path: Annotated[str | None, typer.Argument(help="Article file (plain text) or '-' for stdin")] = None,
    input: Annotated[str | None, typer.Option("--input", "-i", help="Batch input: JSONL, one article a line")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (resolves relative dates)")] = None,
    language: Annotated[str | None, typer.Option(help="de or en (detected when omitted)")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or table")] = "json",
    tokens: Annotated[bool, typer.Option(help="Include tokens in JSON output")] = False,
    config: Annotated[str | None, typer.Option(help="Config file (TOML)")] = None,
) -> None:
    """Analyse articles and print events, actors, places and times in the output contract."""
    if format not in ("json", "jsonl", "table"):
        raise typer.BadParameter("format must be json, jsonl or table")
    if (path is None) == (input is None):
        raise typer.BadParameter("give either PATH (or '-') or --input FILE.jsonl")
    try:
        cfg = load_config(config)
        nlp = Pipeline.from_config(cfg)
    except LagebildError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    console = Console()
    if input is not None:
        failed = total = 0
        for doc in nlp.pipe(read_jsonl(input), error_policy="report"):
            total += 1
            failed += bool(doc.error)
            _emit(doc.to_dict(tokens=tokens) if not doc.error else _error_dict(doc), format, console, doc)
        if total and failed == total:
            raise typer.Exit(1)
        return
    assert path is not None
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        doc = nlp.analyze(data, id=Path(path).stem if path != "-" else "stdin", published=published,
                          language=language)
    except (OSError, LagebildError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    _emit(doc.to_dict(tokens=tokens), format, console, doc)


def _error_dict(doc: Any) -> dict[str, Any]:
    return {"id": doc.id, "error": doc.error, "events": []}


def _emit(d: dict[str, Any], format: str, console: Console, doc: Any) -> None:
    if format == "table":
        render_table(doc, console)
    else:
        sys.stdout.write(dumps(d, pretty=format == "json") + "\n")
