"""The event store: DuckDB tables for articles, actors, mentions, events and their evidence,
cross-article aggregates, ingest runs, duplicates and rejects. See README.md in this package."""

from __future__ import annotations

from .duck import EventStore
from .queries import (
    PLOVER_CATEGORIES,
    ActorSummary,
    AggregateEvent,
    ArticleSummary,
    BatchResult,
    DuplicateRow,
    DyadCount,
    EventFilter,
    EventRecord,
    RejectRow,
    RunRow,
    StoreStats,
    TimelinePoint,
)

__all__ = ["PLOVER_CATEGORIES", "ActorSummary", "AggregateEvent", "ArticleSummary", "BatchResult", "DuplicateRow",
           "DyadCount", "EventFilter", "EventRecord", "EventStore", "RejectRow", "RunRow", "StoreStats",
           "TimelinePoint"]
