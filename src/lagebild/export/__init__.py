"""Exports from the event store: GDELT 2.0 (61 columns), PLOVER JSON Lines, contract JSON Lines,
CSV and Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store.duck import EventStore
from ..store.queries import EventFilter
from .gdelt import GDELT_COLUMNS, gdelt_rows, write_gdelt
from .plover import plover_records, write_plover
from .tabular import TABLES, table_arrow, write_csv, write_jsonl, write_parquet

FORMATS = ("gdelt", "plover", "jsonl", "csv", "parquet")


def export(store: EventStore, fmt: str, out: str | Path | Any, filters: EventFilter | None = None,
           **options: Any) -> int:
    """Write ``fmt`` (one of FORMATS) to ``out`` (a path, or a text stream for gdelt/plover/jsonl);
    returns the number of rows/records written."""
    if fmt == "gdelt":
        return write_gdelt(store, out, filters, **options)
    if fmt == "plover":
        return write_plover(store, out, filters, **options)
    if fmt == "jsonl":
        return write_jsonl(store, out, filters)
    if fmt == "csv":
        return write_csv(store, out, filters, **options)
    if fmt == "parquet":
        return write_parquet(store, out, filters, **options)
    raise ValueError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")


__all__ = ["FORMATS", "GDELT_COLUMNS", "TABLES", "export", "gdelt_rows", "plover_records", "table_arrow",
           "write_csv", "write_gdelt", "write_jsonl", "write_parquet", "write_plover"]
