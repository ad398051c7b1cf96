"""EventStore: the DuckDB event store (one writing process; any number of read-only ones)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..document import Document, Evidence
from ..errors import StoreError
from ..ingest.dedupe import MinHashParams
from ..ingest.model import Article
from ..langid import detect_language
from .aggregate import rebuild_aggregates
from .migrations import LATEST, applied_versions, migrate
from .planner import Plan, PlannedArticle, Planner, _Temp
from .queries import (
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
    record_from_row,
)
from .rows import SCHEMAS, batch_rows

ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("seq", pa.int64()), ("content_hash", pa.string()), ("external_id", pa.string()),
    ("record_key", pa.string()), ("title", pa.string()), ("published", pa.date32()), ("url", pa.string()),
    ("source", pa.string()), ("language", pa.string()), ("text", pa.string()), ("origin", pa.string()),
    ("ingested_at", pa.timestamp("us")), ("run_id", pa.string()), ("duplicate_of", pa.string()),
    ("similarity", pa.float64()), ("status", pa.string()), ("error", pa.string()), ("n_events", pa.int32()),
    ("minhash", pa.list_(pa.int64())), ("sections", pa.string()), ("sentences", pa.string()),
    ("warnings", pa.list_(pa.string())),
])

DUPLICATE_SCHEMA = pa.schema([
    ("content_hash", pa.string()), ("record_key", pa.string()), ("duplicate_of", pa.string()),
    ("kind", pa.string()), ("similarity", pa.float64()), ("origin", pa.string()), ("article_id", pa.string()),
    ("run_id", pa.string()), ("detected_at", pa.timestamp("us")),
])

REJECT_SCHEMA = pa.schema([
    ("origin", pa.string()), ("reason", pa.string()), ("code", pa.string()), ("record_id", pa.string()),
    ("run_id", pa.string()), ("rejected_at", pa.timestamp("us")),
])

_EVENT_SELECT = """
SELECT e.*, a.url, a.title, m.cluster_id
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN aggregate_members m ON m.event_id = e.id
"""

_ORDERS = {
    "date": "coalesce(e.date_start, e.published) NULLS LAST, e.gid",
    "-date": "coalesce(e.date_start, e.published) DESC NULLS LAST, e.gid DESC",
    "confidence": "e.confidence DESC NULLS LAST, e.gid",
    "document": "e.gid",
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _dicts(cur: Any) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


class EventStore:
    """Open (and migrate) a store. See ``lagebild/store/README.md`` for the API and the schema."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._local = threading.local()
        self._lock = threading.Lock()
        self._wlock = threading.RLock()
        self._cursors: list[Any] = []
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                msg = f"the store {self.path} is in use by another process (one writer at a time): {msg}"
            raise StoreError(f"cannot open store {self.path}: {msg}") from exc
        if read_only:
            versions = applied_versions(self.con)
            if not versions:
                self.con.close()
                raise StoreError(f"{self.path} is not a Lagebild store (no schema_migrations table)")
            if max(versions) > LATEST:
                self.con.close()
                raise StoreError(f"{self.path} has schema version {max(versions)}, newer than this Lagebild")
        else:
            migrate(self.con)

    # -- lifecycle

    def close(self) -> None:
        for cur in self._cursors:
            with contextlib.suppress(duckdb.Error):
                cur.close()
        self._cursors.clear()
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> Any:
        """A separate DuckDB cursor on the same database (one per thread)."""
        return self.con.cursor()

    def _read(self) -> Any:
        """The connection for reads: a cursor kept for the calling thread (a DuckDB connection
        must not be used by two threads at once; writes go through ``self.con`` under a lock)."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            with self._lock:
                cur = self._local.cursor = self.con.cursor()
                self._cursors.append(cur)
        return cur

    @property
    def schema_version(self) -> int:
        v = applied_versions(self._read())
        return max(v) if v else 0

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return _dicts(self._read().execute(sql, list(params)))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._read().execute(sql, list(params)).fetchall()
        return rows[0][0] if rows else None

    # -- runs

    def begin_run(self, *, inputs: Sequence[str] = (), engine: str = "local", workers: int = 1) -> str:
        with self._wlock:
            from .. import __version__

            run_id = f"{_now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
            self.con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
            self.con.execute("INSERT INTO ingest_runs (run_id, started_at, status, engine, workers, inputs, "
                             "lagebild_version) VALUES (?, ?, 'running', ?, ?, ?, ?)",
                             [run_id, _now(), engine, workers, list(inputs), __version__])
            return run_id

    def finish_run(self, run_id: str, status: str = "done") -> None:
        with self._wlock:
            self.con.execute("UPDATE ingest_runs SET status = ?, finished_at = ? WHERE run_id = ?",
                             [status, _now(), run_id])

    def planner(self, params: MinHashParams | None = None, run_id: str | None = None) -> Planner:
        return Planner(self.con, params, run_id)

    # -- writing

    def write_plan(self, plan: Plan, analysed: dict[str, pa.Table] | None, run_id: str | None) -> BatchResult:
        """Store one planned and analysed batch in one transaction."""
        with self._wlock:
            now = _now()
            tables = analysed if analysed is not None else {n: s.empty_table() for n, s in SCHEMAS.items()}
            info = {r["id"]: r for r in tables["analysis"].to_pylist()}
            art_rows: list[dict[str, Any]] = []
            failed: list[tuple[PlannedArticle, str]] = []
            for p in plan.analyse:
                r = info.get(p.id)
                if r is None:
                    r = {"status": "failed", "error": "no analysis result for this article", "n_events": 0}
                if r["status"] == "failed":
                    failed.append((p, str(r.get("error"))))
                art_rows.append(self._article_row(p, now, run_id, r))
            for p in plan.near:
                art_rows.append(self._article_row(p, now, run_id, {"status": "duplicate", "n_events": 0}))
            lsh = [{"band_hash": b, "article_id": p.id} for p in plan.analyse for b in dict.fromkeys(p.bands)]
            dups = list(plan.exact) + [
                {"content_hash": p.content_hash, "record_key": p.record_key, "duplicate_of": p.duplicate_of,
                 "kind": "near", "similarity": p.similarity, "origin": p.article.origin, "article_id": p.id,
                 "run_id": run_id, "detected_at": now} for p in plan.near]
            rej = [{"origin": r.origin, "reason": r.reason, "code": r.code, "record_id": r.record_id,
                    "run_id": run_id, "rejected_at": now} for r in plan.rejects]
            rej += [{"origin": p.article.origin, "reason": f"analysis failed: {err}", "code": "E021",
                     "record_id": p.article.id, "run_id": run_id, "rejected_at": now} for p, err in failed]
            rej = list({(r["origin"], r["reason"]): r for r in rej}.values())
            actors = tables["actors"]
            n_events = tables["events"].num_rows
            con = self.con
            con.execute("BEGIN TRANSACTION")
            try:
                self._insert("articles", pa.Table.from_pylist(art_rows, schema=ARTICLE_SCHEMA))
                if lsh:
                    self._insert("lsh_bands", pa.table({"band_hash": pa.array([x["band_hash"] for x in lsh], pa.int64()),
                                                        "article_id": [x["article_id"] for x in lsh]}))
                for name in ("mentions", "events", "event_evidence"):
                    if tables[name].num_rows:
                        self._insert(name, tables[name])
                if actors.num_rows:
                    self._insert("actors", actors, on_conflict=True, dedupe_key="actor_id")
                if dups:
                    self._insert("duplicates", pa.Table.from_pylist(dups, schema=DUPLICATE_SCHEMA), on_conflict=True)
                if rej:
                    self._insert("rejects", pa.Table.from_pylist(rej, schema=REJECT_SCHEMA), on_conflict=True)
                if run_id:
                    con.execute("UPDATE ingest_runs SET new_articles = new_articles + ?, duplicates = duplicates + ?, "
                                "unchanged = unchanged + ?, rejects = rejects + ?, failed = failed + ?, "
                                "events = events + ? WHERE run_id = ?",
                                [len(plan.analyse) - len(failed), len(dups), plan.unchanged, len(plan.rejects),
                                 len(failed), n_events, run_id])
                con.execute("COMMIT")
            except Exception as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"cannot write batch: {type(exc).__name__}: {exc}") from exc
            return BatchResult(new=len(plan.analyse) - len(failed), duplicates=len(dups), unchanged=plan.unchanged,
                               rejects=len(plan.rejects), failed=len(failed), events=n_events,
                               article_ids=tuple(p.id for p in plan.analyse))

    def _article_row(self, p: PlannedArticle, now: dt.datetime, run_id: str | None,
                     r: dict[str, Any]) -> dict[str, Any]:
        a = p.article
        lang = r.get("language") or a.language or detect_language(a.text)
        return {
            "id": p.id, "seq": p.seq, "content_hash": p.content_hash, "external_id": a.id,
            "record_key": p.record_key, "title": a.title or r.get("title"), "published": a.published,
            "url": a.url, "source": a.source, "language": lang, "text": a.text, "origin": a.origin,
            "ingested_at": now, "run_id": run_id, "duplicate_of": p.duplicate_of, "similarity": p.similarity,
            "status": r["status"], "error": r.get("error"), "n_events": r.get("n_events") or 0,
            "minhash": p.signature, "sections": r.get("sections"), "sentences": r.get("sentences"),
            "warnings": r.get("warnings") or [],
        }

    def _insert(self, table: str, data: pa.Table, *, on_conflict: bool = False,
                dedupe_key: str | None = None) -> None:
        if dedupe_key is not None:
            seen: set[Any] = set()
            keep = []
            for i, k in enumerate(data.column(dedupe_key).to_pylist()):
                if k not in seen:
                    seen.add(k)
                    keep.append(i)
            data = data.take(keep)
        cols = ", ".join(f'"{c}"' for c in data.column_names)
        with _Temp(self.con, "_lb_insert", data):
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _lb_insert"
                             + (" ON CONFLICT DO NOTHING" if on_conflict else ""))

    def ingest_documents(self, docs: Iterable[Document], run_id: str | None = None, *,
                         params: MinHashParams | None = None) -> BatchResult:
        """Store already analysed Documents (dedupe, ids, events) in one transaction."""
        with self._wlock:
            docs = list(docs)
            items = []
            by_origin: dict[str, Document] = {}
            for n, d in enumerate(docs):
                origin = f"api:{d.id}#{n}"
                by_origin[origin] = d
                items.append(Article(text=d.text, origin=origin, id=d.id if d.id != "doc" else None, title=d.title,
                                     published=d.published, url=d.url, source=d.source, language=d.language))
            plan = self.planner(params, run_id).plan(items)  # type: ignore[arg-type]
            triples = []
            for p in plan.analyse:
                d = by_origin[p.article.origin]
                triples.append((d, p.id, p.seq))
            return self.write_plan(plan, batch_rows(triples).to_arrow(), run_id)

    def refresh_aggregates(self, window_days: int = 1) -> int:
        with self._wlock:
            return rebuild_aggregates(self.con, window_days)

    # -- reading

    def stats(self) -> StoreStats:
        con = self._read()
        row = con.execute("""SELECT
            (SELECT count(*) FROM articles WHERE status = 'analysed'),
            (SELECT count(*) FROM articles),
            (SELECT count(*) FROM events),
            (SELECT count(*) FROM actors),
            (SELECT count(*) FROM mentions),
            (SELECT count(*) FROM duplicates),
            (SELECT count(*) FROM duplicates WHERE kind = 'exact'),
            (SELECT count(*) FROM duplicates WHERE kind = 'near'),
            (SELECT count(*) FROM rejects),
            (SELECT count(*) FROM articles WHERE status = 'failed'),
            (SELECT count(*) FROM aggregates),
            (SELECT count(*) FROM ingest_runs),
            (SELECT min(published) FROM articles),
            (SELECT max(published) FROM articles)""").fetchall()[0]
        langs = dict(con.execute("SELECT coalesce(language, '?'), count(*) FROM articles "
                                      "WHERE status = 'analysed' GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
        cats = dict(con.execute("SELECT category, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
                    .fetchall())
        return StoreStats(articles=row[0], articles_total=row[1], events=row[2], actors=row[3], mentions=row[4],
                          duplicates=row[5], exact_duplicates=row[6], near_duplicates=row[7], rejects=row[8],
                          failed=row[9], aggregates=row[10], runs=row[11], languages=langs, categories=cats,
                          first_date=row[12], last_date=row[13], schema_version=self.schema_version)

    def _article_where(self, query: str | None, since: dt.date | None, until: dt.date | None,
                       source: str | None, language: str | None, include_duplicates: bool,
                       ) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if not include_duplicates:
            conds.append("status <> 'duplicate'")
        if query:
            conds.append("(contains(lower(title), lower(?)) OR contains(lower(text), lower(?)))")
            params += [query, query]
        if since:
            conds.append("published >= ?")
            params.append(since)
        if until:
            conds.append("published <= ?")
            params.append(until)
        if source:
            conds.append("source = ?")
            params.append(source)
        if language:
            conds.append("language = ?")
            params.append(language)
        return " AND ".join(conds) or "TRUE", params

    def articles(self, limit: int = 50, offset: int = 0, *, query: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None, source: str | None = None,
                 language: str | None = None, include_duplicates: bool = False) -> list[ArticleSummary]:
        where, params = self._article_where(query, since, until, source, language, include_duplicates)
        rows = self._q(f"SELECT id, title, published, url, source, language, n_events, duplicate_of, status, "
                       f"ingested_at, run_id FROM articles WHERE {where} "
                       f"ORDER BY published DESC NULLS LAST, seq DESC LIMIT ? OFFSET ?",
                       [*params, int(limit), int(offset)])
        return [ArticleSummary(**r) for r in rows]

    def count_articles(self, *, query: str | None = None, since: dt.date | None = None,
                       until: dt.date | None = None, source: str | None = None, language: str | None = None,
                       include_duplicates: bool = False) -> int:
        where, params = self._article_where(query, since, until, source, language, include_duplicates)
        return int(self._one(f"SELECT count(*) FROM articles WHERE {where}", params))

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self._q("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            return None
        a = rows[0]
        ments = self._q("SELECT * FROM mentions WHERE article_id = ? ORDER BY kind, idx", [article_id])
        actors, places, times = [], [], []
        for m in ments:
            if m["kind"] == "actor":
                actors.append({"text": m["text"], "start": m["char_start"], "end": m["char_end"],
                               "actor_id": m["actor_id"], "name": m["name"], "type": m["type"],
                               "country": m["country"], "sector": m["sector"], "role": m["role"],
                               "method": m["method"], "number": m["number"], "confidence": m["confidence"]})
            elif m["kind"] == "place":
                places.append({"text": m["text"], "start": m["char_start"], "end": m["char_end"],
                               "name": m["name"], "country": m["country"], "lat": m["lat"], "lon": m["lon"],
                               "place_id": m["place_id"], "kind": m["place_kind"]})
            else:
                times.append({"text": m["text"], "start": m["char_start"], "end": m["char_end"],
                              "start_date": m["start_date"].isoformat() if m["start_date"] else None,
                              "end_date": m["end_date"].isoformat() if m["end_date"] else None,
                              "precision": m["precision"], "unresolved": bool(m["unresolved"])})
        evs = self.events(EventFilter(article_id=article_id), limit=10_000, order="document")
        ev_dicts = []
        for r in evs:
            d = r.event.to_dict()
            d["store_id"] = r.id
            d["cluster_id"] = r.cluster_id
            ev_dicts.append(d)
        return {
            "id": a["id"], "language": a["language"],
            "published": a["published"].isoformat() if a["published"] else None,
            "title": a["title"], "url": a["url"], "source": a["source"],
            "actors": actors, "places": places, "times": times, "events": ev_dicts,
            "sections": json.loads(a["sections"]) if a["sections"] else [],
            "sentences": json.loads(a["sentences"]) if a["sentences"] else [],
            "warnings": list(a["warnings"] or []), "text": a["text"],
            **({"error": a["error"]} if a["error"] else {}),
            "store": {"content_hash": a["content_hash"], "duplicate_of": a["duplicate_of"],
                      "similarity": a["similarity"], "status": a["status"], "error": a["error"],
                      "ingested_at": a["ingested_at"].isoformat(timespec="seconds") if a["ingested_at"] else None,
                      "run_id": a["run_id"], "origin": a["origin"], "external_id": a["external_id"],
                      "seq": a["seq"]},
        }

    def document(self, article_id: str) -> Document | None:
        d = self.article(article_id)
        return Document.from_dict(d) if d is not None else None

    def _records(self, rows: list[dict[str, Any]]) -> list[EventRecord]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        extra: dict[str, list[Evidence]] = {}
        with _Temp(self._read(), "_lb_eids", pa.table({"i": pa.array(ids, pa.string())})):
            for m in self._q("SELECT v.* FROM event_evidence v JOIN _lb_eids k ON v.event_id = k.i "
                             "WHERE v.idx > 0 ORDER BY v.event_id, v.idx"):
                extra.setdefault(m["event_id"], []).append(
                    Evidence(m["text"] or "", m["char_start"], m["char_end"], m["trigger"], m["trigger_start"],
                             m["trigger_end"]))
        return [record_from_row(r, extra.get(r["id"])) for r in rows]

    def events(self, filters: EventFilter | None = None, limit: int = 100, offset: int = 0, *,
               order: str = "date") -> list[EventRecord]:
        if order not in _ORDERS:
            raise ValueError(f"order must be one of {', '.join(_ORDERS)}")
        where, params = (filters or EventFilter()).where("e")
        rows = self._q(f"{_EVENT_SELECT} WHERE {where} ORDER BY {_ORDERS[order]} LIMIT ? OFFSET ?",
                       [*params, int(limit), int(offset)])
        return self._records(rows)

    def count_events(self, filters: EventFilter | None = None) -> int:
        where, params = (filters or EventFilter()).where("e")
        return int(self._one(f"SELECT count(*) FROM events e WHERE {where}", params))

    def event(self, event_id: str) -> EventRecord | None:
        rows = self._q(f"{_EVENT_SELECT} WHERE e.id = ?", [event_id])
        recs = self._records(rows)
        return recs[0] if recs else None

    def dyad_events(self, a: str, b: str, filters: EventFilter | None = None, *, directed: bool = False,
                    limit: int = 100, offset: int = 0) -> list[EventRecord]:
        import dataclasses

        f = dataclasses.replace(filters or EventFilter(), dyad=(a, b), directed=directed)
        return self.events(f, limit, offset)

    def events_table(self, filters: EventFilter | None = None) -> pa.Table:
        where, params = (filters or EventFilter()).where("e")
        return arrow_query(self._read(), f"SELECT e.* FROM events e WHERE {where} ORDER BY e.gid", params)

    def dyads(self, filters: EventFilter | None = None, limit: int = 100) -> list[DyadCount]:
        where, params = (filters or EventFilter()).where("e")
        rows = self._q(f"""SELECT e.source_country AS source, e.target_country AS target, e.category,
                CAST(count(*) AS INTEGER) AS events, CAST(count(DISTINCT e.article_id) AS INTEGER) AS articles,
                avg(e.goldstein) AS goldstein_mean, min(coalesce(e.date_start, e.published)) AS first_date,
                max(coalesce(e.date_end, e.date_start, e.published)) AS last_date
            FROM events e WHERE {where} AND (e.source_country IS NOT NULL OR e.target_country IS NOT NULL)
            GROUP BY 1, 2, 3 ORDER BY events DESC, 1, 2, 3 LIMIT ?""", [*params, int(limit)])
        return [DyadCount(**r) for r in rows]

    def timeline(self, filters: EventFilter | None = None, interval: str = "day") -> list[TimelinePoint]:
        if interval not in ("day", "week", "month"):
            raise ValueError("interval must be day, week or month")
        where, params = (filters or EventFilter()).where("e")
        rows = self._q(f"""SELECT CAST(date_trunc(?, coalesce(e.date_start, e.published)) AS DATE) AS period,
                e.category, CAST(count(*) AS INTEGER) AS events, sum(e.goldstein) AS goldstein_sum
            FROM events e WHERE {where} AND coalesce(e.date_start, e.published) IS NOT NULL
            GROUP BY 1, 2 ORDER BY 1, 2""", [interval, *params])
        return [TimelinePoint(**r) for r in rows]

    def actors(self, limit: int = 100, offset: int = 0, *, country: str | None = None,
               query: str | None = None) -> list[ActorSummary]:
        conds, params = [], []
        if country:
            conds.append("ac.country = ?")
            params.append(country)
        if query:
            conds.append("(contains(lower(ac.name), lower(?)) OR contains(lower(ac.actor_id), lower(?)))")
            params += [query, query]
        return self._actors(" AND ".join(conds) or "TRUE", params, limit, offset)

    def actor(self, actor_id: str) -> ActorSummary | None:
        rows = self._actors("ac.actor_id = ?", [actor_id], 1, 0)
        return rows[0] if rows else None

    def _actors(self, where: str, params: list[Any], limit: int, offset: int) -> list[ActorSummary]:
        rows = self._q(f"""
            WITH m AS (SELECT mn.actor_id, count(*) AS mentions,
                              min(a.published) AS first_pub, max(a.published) AS last_pub
                       FROM mentions mn JOIN articles a ON a.id = mn.article_id
                       WHERE mn.kind = 'actor' AND mn.actor_id IS NOT NULL GROUP BY 1),
                 x AS (SELECT source_actor_id AS actor_id, id, article_id, coalesce(date_start, published) AS d
                       FROM events WHERE source_actor_id IS NOT NULL
                       UNION ALL
                       SELECT target_actor_id, id, article_id, coalesce(date_start, published)
                       FROM events WHERE target_actor_id IS NOT NULL),
                 ev AS (SELECT actor_id, count(DISTINCT id) AS events, min(d) AS first_seen, max(d) AS last_seen
                        FROM x GROUP BY 1),
                 arts AS (SELECT actor_id, count(DISTINCT article_id) AS articles FROM (
                            SELECT actor_id, article_id FROM mentions WHERE kind = 'actor' AND actor_id IS NOT NULL
                            UNION SELECT actor_id, article_id FROM x) GROUP BY 1)
            SELECT ac.actor_id, ac.name, ac.type, ac.country, ac.sector,
                   CAST(coalesce(m.mentions, 0) AS INTEGER) AS mentions,
                   CAST(coalesce(ev.events, 0) AS INTEGER) AS events,
                   CAST(coalesce(arts.articles, 0) AS INTEGER) AS articles,
                   least(coalesce(ev.first_seen, m.first_pub), coalesce(m.first_pub, ev.first_seen)) AS first_seen,
                   greatest(coalesce(ev.last_seen, m.last_pub), coalesce(m.last_pub, ev.last_seen)) AS last_seen
            FROM actors ac LEFT JOIN m USING (actor_id) LEFT JOIN ev USING (actor_id)
                 LEFT JOIN arts USING (actor_id)
            WHERE {where}
            ORDER BY mentions DESC, events DESC, ac.actor_id LIMIT ? OFFSET ?""",
                       [*params, int(limit), int(offset)])
        return [ActorSummary(**r) for r in rows]

    def aggregates(self, filters: EventFilter | None = None, limit: int = 100,
                   offset: int = 0) -> list[AggregateEvent]:
        f = filters or EventFilter()
        params: list[Any] = []
        cond = "TRUE"
        if not f.is_empty():
            where, params = f.where("e")
            cond = ("g.cluster_id IN (SELECT m.cluster_id FROM aggregate_members m JOIN events e "
                    f"ON e.id = m.event_id WHERE {where})")
        rows = self._q(f"""SELECT g.*, list(m.event_id ORDER BY m.event_id) AS event_ids,
                list(DISTINCT m.article_id ORDER BY m.article_id) AS article_ids
            FROM aggregates g JOIN aggregate_members m USING (cluster_id)
            WHERE {cond}
            GROUP BY ALL ORDER BY g.num_articles DESC, g.num_mentions DESC, g.date_start, g.cluster_id
            LIMIT ? OFFSET ?""", [*params, int(limit), int(offset)])
        return [self._aggregate(r) for r in rows]

    def aggregate(self, cluster_id: str) -> AggregateEvent | None:
        rows = self._q("""SELECT g.*, list(m.event_id ORDER BY m.event_id) AS event_ids,
                list(DISTINCT m.article_id ORDER BY m.article_id) AS article_ids
            FROM aggregates g JOIN aggregate_members m USING (cluster_id) WHERE g.cluster_id = ?
            GROUP BY ALL""", [cluster_id])
        return self._aggregate(rows[0]) if rows else None

    @staticmethod
    def _aggregate(r: dict[str, Any]) -> AggregateEvent:
        r = dict(r)
        r.pop("window_days", None)
        r["event_ids"] = tuple(r.get("event_ids") or ())
        r["article_ids"] = tuple(r.get("article_ids") or ())
        r["negated"] = bool(r.get("negated"))
        return AggregateEvent(**r)

    def rejects(self, limit: int = 100, offset: int = 0) -> list[RejectRow]:
        rows = self._q("SELECT origin, reason, code, record_id, run_id, rejected_at FROM rejects "
                       "ORDER BY rejected_at, origin LIMIT ? OFFSET ?", [int(limit), int(offset)])
        return [RejectRow(**r) for r in rows]

    def duplicates(self, limit: int = 100, offset: int = 0) -> list[DuplicateRow]:
        rows = self._q("SELECT content_hash, record_key, duplicate_of, kind, similarity, origin, article_id, "
                       "run_id FROM duplicates ORDER BY detected_at, origin LIMIT ? OFFSET ?",
                       [int(limit), int(offset)])
        return [DuplicateRow(**r) for r in rows]

    def runs(self) -> list[RunRow]:
        rows = self._q("SELECT run_id, started_at, finished_at, status, engine, workers, inputs, new_articles, "
                       "duplicates, unchanged, rejects, failed, events FROM ingest_runs ORDER BY started_at")
        out = []
        for r in rows:
            r["inputs"] = tuple(r["inputs"] or ())
            out.append(RunRow(**r))
        return out


def arrow_query(con: Any, sql: str, params: Sequence[Any] = ()) -> pa.Table:
    """Run a parameterised query and return its rows as an Arrow table (DuckDB 1.x and 2.x)."""
    rel = con.sql(sql, params=list(params)) if params else con.sql(sql)
    for name in ("to_arrow_table", "fetch_arrow_table", "arrow"):
        fn = getattr(rel, name, None)
        if fn is not None:
            out = fn()
            return out.read_all() if isinstance(out, pa.RecordBatchReader) else out
    raise StoreError("this DuckDB version cannot return Arrow tables")
