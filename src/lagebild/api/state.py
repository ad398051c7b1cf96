"""Everything one app instance holds: the store connections, the pipeline, cached analyses.

Nothing here is module-global: :func:`lagebild.api.create_app` builds one :class:`AppState` per
app and keeps it on ``app.state.lagebild``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..analysis.base import EventPoint, default_category_quad, load_points

if TYPE_CHECKING:
    from ..config import Config
    from ..document import Document
    from ..pipeline import Pipeline
    from ..store import EventStore

DEFAULT_MAX_BODY = 2_000_000
T = TypeVar("T")


class StorePool:
    """A few EventStore connections to one database, one per concurrent request.

    DuckDB connections are not shared between threads; each request borrows one. All connections
    of a process share the same database instance, so a write is seen by the others at once.
    """

    def __init__(self, path: str, *, read_only: bool, size: int = 4) -> None:
        from ..store import EventStore

        self.path = path
        self.read_only = read_only
        self._all: list[EventStore] = []
        self._free: queue.SimpleQueue[EventStore] = queue.SimpleQueue()
        try:
            for _ in range(max(1, size)):
                st = EventStore(path, read_only=read_only)
                self._all.append(st)
                self._free.put(st)
        except Exception:
            self.close()
            raise

    @contextmanager
    def store(self) -> Iterator[EventStore]:
        st = self._free.get()
        try:
            yield st
        finally:
            self._free.put(st)

    def close(self) -> None:
        for st in self._all:
            with contextlib.suppress(Exception):  # closing on shutdown must not raise
                st.close()
        self._all.clear()


@dataclass
class AppState:
    db_path: str
    pool: StorePool
    allow_ingest: bool = False
    ingest_token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    config: Config | None = None
    config_path: str | None = None
    _pipeline: Pipeline | None = None
    _pipeline_lock: threading.Lock = field(default_factory=threading.Lock)
    _analyze_lock: threading.Lock = field(default_factory=threading.Lock)
    _write_lock: threading.Lock = field(default_factory=threading.Lock)
    _points: list[EventPoint] | None = None
    _points_lock: threading.Lock = field(default_factory=threading.Lock)
    _category_quad: dict[str, int] | None = None
    _memo: OrderedDict[tuple[Any, ...], Any] = field(default_factory=OrderedDict)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock)
    memo_size: int = 256
    generation: int = 0

    @property
    def category_quad(self) -> dict[str, int]:
        if self._category_quad is None:
            self._category_quad = default_category_quad()
        return self._category_quad

    def pipeline(self) -> Pipeline:
        """The app's one pipeline, built on first use."""
        with self._pipeline_lock:
            if self._pipeline is None:
                from ..config import load_config
                from ..pipeline import Pipeline

                cfg = self.config or load_config(self.config_path)
                self._pipeline = Pipeline.from_config(cfg)
            return self._pipeline

    def analyze(self, text: str, **meta: Any) -> Document:
        nlp = self.pipeline()
        with self._analyze_lock:
            return nlp.analyze(text, **meta)

    @contextmanager
    def analyzing(self) -> Iterator[None]:
        """Hold the pipeline for a batch (stages are not assumed to be thread-safe)."""
        with self._analyze_lock:
            yield

    def points(self) -> list[EventPoint]:
        """Every stored event as an EventPoint, loaded once (reloaded after an ingest)."""
        with self._points_lock:
            if self._points is None:
                with self.pool.store() as st:
                    self._points = load_points(st, category_quad=self.category_quad)
            return self._points

    def data_start(self) -> dt.date | None:
        pts = self.points()
        return min((p.day for p in pts), default=None)

    def memo(self, key: tuple[Any, ...], fn: Callable[[], T]) -> T:
        """An analysis result cached per app until the next ingest (least recently used dropped)."""
        with self._memo_lock:
            k = (self.generation, *key)
            if k in self._memo:
                self._memo.move_to_end(k)
                return cast(T, self._memo[k])
        value = fn()
        with self._memo_lock:
            self._memo[k] = value
            while len(self._memo) > self.memo_size:
                self._memo.popitem(last=False)
        return value

    def invalidate(self) -> None:
        with self._points_lock, self._memo_lock:
            self._points = None
            self._memo.clear()
            self.generation += 1

    @contextmanager
    def writer(self) -> Iterator[EventStore]:
        with self._write_lock, self.pool.store() as st:
            yield st

    def close(self) -> None:
        self.pool.close()
