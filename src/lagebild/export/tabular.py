"""Exports for data teams: Parquet and CSV of a store table (events by default), and JSON Lines
of events in the output contract's shape."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from ..store.duck import EventStore, arrow_query
from ..store.queries import EventFilter
from .target import write_lines

TABLES = ("events", "articles", "mentions", "actors", "aggregates", "event_evidence", "rejects", "duplicates")


def table_arrow(store: EventStore, table: str = "events", filters: EventFilter | None = None) -> pa.Table:
    """A whole store table as Arrow; ``filters`` select events (and, for other tables, the rows
    belonging to the selected events' articles or aggregates)."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} (use {', '.join(TABLES)})")
    f = filters or EventFilter()
    if table == "events":
        return store.events_table(f)
    if f.is_empty() or table in ("actors", "rejects", "duplicates"):
        order = {"articles": "seq", "mentions": "article_id, kind, idx", "actors": "actor_id",
                 "aggregates": "cluster_id", "event_evidence": "event_id, idx", "rejects": "origin, reason",
                 "duplicates": "content_hash, record_key"}[table]
        return _query(store, f"SELECT * FROM {table} ORDER BY {order}", [])
    where, params = f.where("e")
    if table == "aggregates":
        sql = ("SELECT g.* FROM aggregates g WHERE g.cluster_id IN (SELECT m.cluster_id FROM aggregate_members m "
               f"JOIN events e ON e.id = m.event_id WHERE {where}) ORDER BY g.cluster_id")
    elif table == "event_evidence":
        sql = (f"SELECT v.* FROM event_evidence v JOIN events e ON e.id = v.event_id WHERE {where} "
               "ORDER BY v.event_id, v.idx")
    else:
        key = "id" if table == "articles" else "article_id"
        sql = (f"SELECT t.* FROM {table} t WHERE t.{key} IN (SELECT e.article_id FROM events e WHERE {where}) "
               f"ORDER BY t.{key}")
    return _query(store, sql, params)


def _query(store: EventStore, sql: str, params: list[Any]) -> pa.Table:
    cur = store.cursor()
    try:
        return arrow_query(cur, sql, params)
    finally:
        cur.close()


def write_parquet(store: EventStore, out: str | Path, filters: EventFilter | None = None, *,
                  table: str = "events") -> int:
    import pyarrow.parquet as pq

    data = table_arrow(store, table, filters)
    pq.write_table(data, str(out), compression="zstd")
    return int(data.num_rows)


def _flatten_lists(data: pa.Table) -> pa.Table:
    """CSV cannot hold lists: join list cells with '|'."""
    cols = []
    for name in data.column_names:
        col = data.column(name)
        if pa.types.is_list(col.type):
            col = pa.array(["|".join(str(x) for x in v) if v is not None else None for v in col.to_pylist()],
                           pa.string())
        cols.append(col)
    return pa.table(cols, names=data.column_names)


def write_csv(store: EventStore, out: str | Path | IO[bytes], filters: EventFilter | None = None, *,
              table: str = "events") -> int:
    import pyarrow.csv as pacsv

    data = _flatten_lists(table_arrow(store, table, filters))
    pacsv.write_csv(data, out if not isinstance(out, Path) else str(out))
    return int(data.num_rows)


def write_jsonl(store: EventStore, out: str | Path | IO[str], filters: EventFilter | None = None,
                *, page: int = 1000) -> int:
    """Events in the output contract's shape (plus article fields), one per line."""

    def lines() -> Iterator[str]:
        offset = 0
        while True:
            recs = store.events(filters, limit=page, offset=offset)
            yield from (json.dumps(r.to_dict(), ensure_ascii=False) for r in recs)
            if len(recs) < page:
                return
            offset += page

    return write_lines(out, lines())
