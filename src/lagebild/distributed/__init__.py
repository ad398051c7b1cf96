"""Parallel analysis: worker processes on one machine, or a Dask distributed cluster.

Workers build one pipeline each and return store rows as Arrow tables; the calling process is
the single writer that loads them into DuckDB (see ``lagebild.ingest.runner``).
"""

from __future__ import annotations

from typing import Any

from .local import Engine, InProcessEngine, ProcessEngine, local_engine
from .worker import PipelineSpec, analyse_tasks, get_pipeline

ENGINES = ("local", "dask")


def make_engine(kind: str, spec: PipelineSpec, *, workers: int = 1, scheduler: str | None = None,
                parquet_dir: str | None = None) -> Engine | Any:
    """An analysis engine: ``local`` (in-process or ``workers`` processes) or ``dask``."""
    if kind == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        return local_engine(spec, workers)
    if kind == "dask":
        from .dask_runner import DaskEngine

        return DaskEngine(spec, scheduler=scheduler, workers=max(1, workers), parquet_dir=parquet_dir)
    raise ValueError(f"unknown engine {kind!r} (use {' or '.join(ENGINES)})")


__all__ = ["ENGINES", "Engine", "InProcessEngine", "PipelineSpec", "ProcessEngine", "analyse_tasks",
           "get_pipeline", "local_engine", "make_engine"]
