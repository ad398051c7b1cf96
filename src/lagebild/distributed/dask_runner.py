"""Analysis on a Dask distributed cluster: a real scheduler and workers.

Each worker builds its pipeline once (a WorkerPlugin warms the per-process cache at start-up);
tasks return the store rows as Arrow tables, or, with ``parquet_dir`` on a file system shared by
the workers and the writer, write Parquet files and return their paths. The calling process is
the one writer that loads them into DuckDB.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pyarrow as pa

from .worker import PipelineSpec, analyse_tasks, analyse_to_parquet, get_pipeline

try:  # the plugin base class only exists where distributed is installed (the "dask" extra)
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover
    _PluginBase = object  # type: ignore[assignment,misc]


class PipelinePlugin(_PluginBase):  # type: ignore[misc,valid-type]
    """Builds the pipeline when a worker starts (and when it restarts)."""

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec

    def setup(self, worker: Any) -> None:
        get_pipeline(self.spec)


class _ParquetHandle:
    def __init__(self, future: Any) -> None:
        self.future = future

    def result(self) -> dict[str, pa.Table]:
        import pyarrow.parquet as pq

        paths: dict[str, str] = self.future.result()
        tables = {name: pq.read_table(p) for name, p in paths.items()}
        for p in paths.values():
            Path(p).unlink(missing_ok=True)
        return tables


class DaskEngine:
    """Submit batches to a Dask cluster: ``scheduler`` = "tcp://host:8786", or None for a
    LocalCluster of ``workers`` processes on 127.0.0.1."""

    name = "dask"

    def __init__(self, spec: PipelineSpec, *, scheduler: str | None = None, workers: int = 2,
                 parquet_dir: str | None = None, timeout: float = 30.0) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover
            raise RuntimeError("the dask engine needs dask[distributed] (pip install 'lagebild[dask]')") from exc
        self.spec = spec
        self.parquet_dir = parquet_dir
        self.cluster: Any = None
        if scheduler:
            self.client = Client(scheduler, timeout=timeout)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", protocol="tcp", dashboard_address=":0")
            self.client = Client(self.cluster, timeout=timeout)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        key = hashlib.sha1(repr(spec).encode()).hexdigest()[:10]
        self.client.register_plugin(PipelinePlugin(spec), name=f"lagebild-pipeline-{key}")
        self._n = 0

    def submit(self, tasks: list[dict[str, Any]]) -> Any:
        self._n += 1
        if self.parquet_dir:
            fut = self.client.submit(analyse_to_parquet, tasks, self.spec, self.parquet_dir,
                                     f"batch-{self._n:06d}", pure=False)
            return _ParquetHandle(fut)
        return self.client.submit(analyse_tasks, tasks, self.spec, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
