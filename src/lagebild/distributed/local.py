"""Analysis engines on one machine: in-process, or a pool of worker processes (one pipeline each)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

import pyarrow as pa

from .worker import PipelineSpec, analyse_tasks, get_pipeline, warm


class Handle(Protocol):
    def result(self) -> dict[str, pa.Table]: ...


class Engine(Protocol):
    name: str
    workers: int

    def submit(self, tasks: list[dict[str, Any]]) -> Handle: ...

    def close(self) -> None: ...


class _Done:
    def __init__(self, value: dict[str, pa.Table]) -> None:
        self._value = value

    def result(self) -> dict[str, pa.Table]:
        return self._value


class InProcessEngine:
    """Analyse in the calling process (workers=1)."""

    name = "local"
    workers = 1

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec
        get_pipeline(spec)  # fail early on a bad config

    def submit(self, tasks: list[dict[str, Any]]) -> Handle:
        return _Done(analyse_tasks(tasks, self.spec))

    def close(self) -> None:
        return None


class ProcessEngine:
    """A pool of worker processes (spawned, so the writer's DuckDB connection is never inherited);
    each builds its pipeline once, in its initializer."""

    name = "local"

    def __init__(self, spec: PipelineSpec, workers: int) -> None:
        self.spec = spec
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=warm, initargs=(spec,))

    def submit(self, tasks: list[dict[str, Any]]) -> Future[dict[str, pa.Table]]:
        return self.pool.submit(analyse_tasks, tasks, self.spec)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def local_engine(spec: PipelineSpec, workers: int = 1) -> Engine:
    if workers < 1:
        raise ValueError("workers must be at least 1")
    return InProcessEngine(spec) if workers == 1 else ProcessEngine(spec, workers)
