"""The whole ingest: readers -> dedupe and ids (planner) -> analysis (engine) -> store (one writer).

Batches are committed in input order, each in one transaction, so a run killed at any point
leaves a prefix of the input in the store; running the same ingest again skips what is stored
(by content hash) and ends with the same contents as an uninterrupted run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..store.duck import EventStore
from ..store.planner import Plan
from .dedupe import MinHashParams
from .model import Item, ReaderOptions, Reject
from .sources import read_inputs


@dataclass(frozen=True)
class IngestOptions:
    engine: str = "local"                 # local | dask
    workers: int = 1
    scheduler: str | None = None          # dask scheduler address; None = a LocalCluster
    batch_size: int = 32                  # articles per batch (= per transaction)
    reader: ReaderOptions = field(default_factory=ReaderOptions)
    config_path: str | None = None
    config_overrides: tuple[tuple[str, Any], ...] = ()
    pipeline_factory: str | None = None   # "module:function" (Config -> Pipeline) for custom stages
    minhash: MinHashParams = field(default_factory=MinHashParams)
    window_days: int = 1                  # aggregation window
    parquet_dir: str | None = None        # dask: workers write Parquet here instead of returning Arrow
    max_inflight: int = 0                 # batches in flight; 0 = 2 per worker

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.engine not in ("local", "dask"):
            raise ValueError(f"unknown engine {self.engine!r} (use local or dask)")


@dataclass
class IngestProgress:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    unchanged: int = 0
    rejected: int = 0
    failed: int = 0
    events: int = 0
    batches: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class IngestSummary(IngestProgress):
    run_id: str = ""
    db: str = ""
    engine: str = "local"
    workers: int = 1
    seconds: float = 0.0
    aggregates: int = 0
    reject_reasons: list[tuple[str, str]] = field(default_factory=list)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    articles = 0
    for it in items:
        chunk.append(it)
        if not isinstance(it, Reject):
            articles += 1
        if articles >= size or len(chunk) >= 4 * size:
            yield chunk
            chunk, articles = [], 0
    if chunk:
        yield chunk


def ingest(paths: Sequence[str], db: str | Path | EventStore, options: IngestOptions | None = None, *,
           progress: Callable[[IngestProgress], None] | None = None,
           stdin: IO[bytes] | None = None) -> IngestSummary:
    """Ingest files, directories, URLs or '-' (stdin) into the store at ``db``."""
    from ..distributed import PipelineSpec, make_engine

    opts = options or IngestOptions()
    overrides = dict(opts.config_overrides)
    spec = PipelineSpec.of(opts.config_path, overrides, opts.pipeline_factory)
    cfg = spec.config()  # a bad config fails here, early
    reader = dataclasses.replace(opts.reader, max_chars=cfg.max_chars)
    own = not isinstance(db, EventStore)
    store = EventStore(db) if not isinstance(db, EventStore) else db
    t0 = time.perf_counter()
    summary = IngestSummary(db=store.path, engine=opts.engine, workers=opts.workers)
    engine = None
    run_id = None
    try:
        engine = make_engine(opts.engine, spec, workers=opts.workers, scheduler=opts.scheduler,
                             parquet_dir=opts.parquet_dir)
        summary.workers = getattr(engine, "workers", opts.workers)
        run_id = store.begin_run(inputs=[str(p) for p in paths], engine=opts.engine, workers=summary.workers)
        summary.run_id = run_id
        planner = store.planner(opts.minhash, run_id)
        inflight = opts.max_inflight or 2 * summary.workers
        pending: deque[tuple[Plan, Any]] = deque()

        def commit() -> None:
            plan, handle = pending.popleft()
            tables = handle.result() if handle is not None else None
            res = store.write_plan(plan, tables, run_id)
            summary.read += plan.read
            summary.new += res.new
            summary.duplicates += res.duplicates
            summary.unchanged += res.unchanged
            summary.rejected += res.rejects
            summary.failed += res.failed
            summary.events += res.events
            summary.batches += 1
            for r in plan.rejects:
                if len(summary.reject_reasons) < 1000:
                    summary.reject_reasons.append((r.origin, r.reason))
            if progress is not None:
                progress(IngestProgress(**{f.name: getattr(summary, f.name)
                                           for f in dataclasses.fields(IngestProgress)}))

        for chunk in _chunks(read_inputs(paths, reader, stdin=stdin), opts.batch_size):
            plan = planner.plan(chunk)
            handle = engine.submit([p.task() for p in plan.analyse]) if plan.analyse else None
            pending.append((plan, handle))
            while len(pending) > inflight:
                commit()
        while pending:
            commit()
        summary.aggregates = store.refresh_aggregates(opts.window_days)
        store.finish_run(run_id, "done")
    except BaseException as exc:
        if run_id is not None:
            # the store itself may be the problem; keep the original error
            with contextlib.suppress(Exception):
                store.finish_run(run_id, "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed")
        raise
    finally:
        if engine is not None:
            engine.close()
        if own:
            store.close()
        summary.seconds = time.perf_counter() - t0
    return summary
