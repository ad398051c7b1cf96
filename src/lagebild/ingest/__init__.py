"""Corpus ingestion: readers for text, HTML, RSS/Atom, JSONL/CSV, directories, URLs and stdin;
exact and near-duplicate detection; the ingest runner that fills the event store.

    >>> from lagebild.ingest import ingest, IngestOptions
    >>> summary = ingest(["articles.jsonl"], "events.duckdb", IngestOptions(workers=2))
"""

from __future__ import annotations

from typing import Any

from .dedupe import MinHashParams, content_hash, fingerprint
from .model import Article, ReaderOptions, Reject
from .sources import read_inputs

__all__ = ["Article", "IngestOptions", "IngestProgress", "IngestSummary", "MinHashParams", "ReaderOptions",
           "Reject", "content_hash", "fingerprint", "ingest", "read_inputs"]


def __getattr__(name: str) -> Any:
    # the runner imports the store, which imports this package: load it on first use
    if name in ("ingest", "IngestOptions", "IngestProgress", "IngestSummary"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(name)
