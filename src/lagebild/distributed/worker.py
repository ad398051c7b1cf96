"""What runs in a worker process: build the pipeline once per process (cached by its spec),
analyse a batch of planned records and return the store rows as Arrow tables (or Parquet files)."""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..config import Config, load_config
from ..document import Document
from ..errors import PipelineError
from ..pipeline import Pipeline
from ..store.rows import BatchRows, document_rows


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the pipeline, hashable and picklable: a config file, overrides (JSON) and
    optionally a factory ``"package.module:function"`` taking the Config and returning a Pipeline
    (for custom stages; the module must be importable on every worker)."""

    config_path: str | None = None
    overrides: str = "{}"
    factory: str | None = None

    @classmethod
    def of(cls, config_path: str | None = None, overrides: dict[str, Any] | None = None,
           factory: str | None = None) -> PipelineSpec:
        return cls(str(config_path) if config_path else None, json.dumps(overrides or {}, sort_keys=True),
                   factory)

    def config(self) -> Config:
        return load_config(self.config_path, overrides=json.loads(self.overrides) or None)

    def build(self) -> Pipeline:
        cfg = self.config()
        if not self.factory:
            return Pipeline.from_config(cfg)
        module, _, name = self.factory.partition(":")
        if not module or not name:
            raise PipelineError(f"pipeline factory must be 'module:function', not {self.factory!r}")
        try:
            fn = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            raise PipelineError(f"cannot load pipeline factory {self.factory!r}: {exc}") from exc
        nlp = fn(cfg)
        if not isinstance(nlp, Pipeline):
            raise PipelineError(f"pipeline factory {self.factory!r} returned {type(nlp).__name__}, not a Pipeline")
        return nlp


_WARMUP = "Warm-up\nDie Regierung in Wien traf am Montag Vertreter der Europäischen Union."


@functools.lru_cache(maxsize=4)
def get_pipeline(spec: PipelineSpec) -> Pipeline:
    """The pipeline for ``spec``, built once per process (the per-worker cache). One short text is
    analysed right away so lazily loaded resources (lemma dictionaries, KB) load here, not in the
    first batch."""
    nlp = spec.build()
    # a stage failing on the warm-up text fails again later, and is reported per document
    with contextlib.suppress(Exception):
        nlp.analyze(_WARMUP, language="de", published="2024-01-01")
    return nlp


def warm(spec: PipelineSpec) -> None:
    """Process-pool initializer: build the pipeline before the first batch arrives."""
    get_pipeline(spec)


def _analyse_one(nlp: Pipeline, rec: dict[str, Any]) -> Document:
    try:
        return next(iter(nlp.pipe([rec], error_policy="report")))
    except Exception as exc:  # anything the error policy did not catch: this record fails, not the batch
        return Document(text="", id=rec["id"], error=f"{type(exc).__name__}: {exc}")


def analyse_rows(tasks: list[dict[str, Any]], spec: PipelineSpec) -> BatchRows:
    nlp = get_pipeline(spec)
    seqs = {t["id"]: int(t["seq"]) for t in tasks}
    records = [{k: v for k, v in t.items() if k != "seq"} for t in tasks]
    out = BatchRows()
    try:
        docs = list(nlp.pipe(records, error_policy="report"))
    except Exception:
        docs = [_analyse_one(nlp, r) for r in records]
    for doc in docs:
        document_rows(doc, doc.id, seqs[doc.id], out)
    return out


def analyse_tasks(tasks: list[dict[str, Any]], spec: PipelineSpec) -> dict[str, pa.Table]:
    """Analyse planned records (``id``, ``seq``, ``text``, ...) -> Arrow tables per store table."""
    return analyse_rows(tasks, spec).to_arrow()


def analyse_to_parquet(tasks: list[dict[str, Any]], spec: PipelineSpec, out_dir: str,
                       name: str) -> dict[str, str]:
    """Like analyse_tasks, but write one Parquet file per table under ``out_dir``; returns the paths."""
    import pyarrow.parquet as pq

    tables = analyse_tasks(tasks, spec)
    d = Path(out_dir)
    d.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table_name, table in tables.items():
        p = d / f"{name}.{table_name}.parquet"
        tmp = p.with_suffix(".parquet.tmp")
        pq.write_table(table, tmp)
        tmp.replace(p)
        paths[table_name] = str(p)
    return paths
