"""Before analysis: decide for each input article whether it is new, already stored, an exact or
a near duplicate, and give new articles their id and sequence number.

The planner is run by the single writer, in input order, against the store plus everything
planned earlier in this run, so a run killed and restarted plans exactly as a clean run does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from ..ingest.dedupe import Fingerprint, MinHashParams, NearDupIndex, content_hash, fingerprint, similarity
from ..ingest.model import Article, Item, Reject

SIMPLE_ID = re.compile(r"[A-Za-z0-9._:\-]{1,80}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._:\-]+")


@dataclass(slots=True)
class PlannedArticle:
    article: Article
    id: str
    seq: int
    content_hash: str
    record_key: str
    signature: list[int] | None
    bands: list[int]
    duplicate_of: str | None = None
    similarity: float | None = None

    def task(self) -> dict[str, Any]:
        """The record sent to an analysis worker."""
        rec = self.article.record()
        rec["id"] = self.id
        rec["seq"] = self.seq
        return rec


@dataclass
class Plan:
    analyse: list[PlannedArticle] = field(default_factory=list)
    near: list[PlannedArticle] = field(default_factory=list)
    exact: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    unchanged: int = 0
    read: int = 0


def origin_base(origin: str) -> str:
    """The file or URL part of an origin (without :line or #item)."""
    base = re.sub(r":\d+$", "", origin)
    return re.sub(r"#item\d+$|#\d+$", "", base)


def record_key(art: Article, chash: str) -> str:
    """What identifies an input record across runs: its id, else its URL, else file + content."""
    if art.id:
        return f"id:{art.id}"
    if art.url:
        return f"url:{art.url}"
    return f"file:{origin_base(art.origin)}#{chash[:16]}"


def _id_candidates(art: Article, chash: str) -> list[str]:
    out: list[str] = []
    if art.id:
        if SIMPLE_ID.fullmatch(art.id):
            out.append(art.id)
        safe = _UNSAFE.sub("_", art.id)[:60].strip("_") or "x"
        out += [f"{safe}~{chash[:8]}", f"{safe}~{chash[:16]}"]
    out += [f"h{chash[:15]}", f"h{chash}"]
    return out


class _Temp:
    """Register an Arrow table under a fixed name for the duration of a block."""

    def __init__(self, con: Any, name: str, table: pa.Table) -> None:
        self.con, self.name, self.table = con, name, table

    def __enter__(self) -> str:
        self.con.register(self.name, self.table)
        return self.name

    def __exit__(self, *exc: object) -> None:
        self.con.unregister(self.name)


class Planner:
    def __init__(self, con: Any, params: MinHashParams | None = None, run_id: str | None = None) -> None:
        self.con = con
        self.params = params or MinHashParams()
        self.run_id = run_id
        seq = con.execute("SELECT max(seq) FROM articles").fetchall()[0][0]
        self.next_seq = int(seq or 0) + 1
        self.hashes: dict[str, tuple[str, str]] = {}
        self.ids: set[str] = set()
        self.index = NearDupIndex(self.params)
        self.seqs: dict[str, int] = {}
        self._token_cache: dict[str, int] = {}

    # -- store look-ups for a whole chunk at once

    def _stored_hashes(self, hashes: list[str]) -> dict[str, tuple[str, str]]:
        if not hashes:
            return {}
        with _Temp(self.con, "_lb_hashes", pa.table({"h": pa.array(hashes, pa.string())})):
            rows = self.con.execute("SELECT a.content_hash, a.id, a.record_key FROM articles a "
                                    "JOIN _lb_hashes k ON a.content_hash = k.h").fetchall()
        return {h: (i, k) for h, i, k in rows}

    def _stored_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        with _Temp(self.con, "_lb_ids", pa.table({"i": pa.array(ids, pa.string())})):
            rows = self.con.execute("SELECT a.id FROM articles a JOIN _lb_ids k ON a.id = k.i").fetchall()
        return {r[0] for r in rows}

    def _stored_candidates(self, bands: list[int],
                           ) -> tuple[dict[int, list[str]], dict[str, tuple[list[int], int]]]:
        if not bands:
            return {}, {}
        with _Temp(self.con, "_lb_bands", pa.table({"b": pa.array(bands, pa.int64())})):
            rows = self.con.execute(
                "SELECT l.band_hash, l.article_id, a.minhash, a.seq FROM lsh_bands l JOIN _lb_bands k "
                "ON l.band_hash = k.b JOIN articles a ON a.id = l.article_id").fetchall()
        by_band: dict[int, list[str]] = {}
        sigs: dict[str, tuple[list[int], int]] = {}
        for bh, aid, sig, seq in rows:
            by_band.setdefault(bh, []).append(aid)
            if sig is not None:
                sigs[aid] = (list(sig), int(seq))
        return by_band, sigs

    # -- planning

    def plan(self, items: list[Item]) -> Plan:
        plan = Plan()
        hashed: list[tuple[Article, str]] = []
        for it in items:
            plan.read += 1
            if isinstance(it, Reject):
                plan.rejects.append(it)
            else:
                hashed.append((it, content_hash(it.text)))
        stored = self._stored_hashes([h for _, h in hashed])
        # the MinHash signature is only needed for texts not stored yet
        arts: list[tuple[Article, Fingerprint]] = [
            (a, Fingerprint(h, None, []) if h in stored or h in self.hashes
             else fingerprint(a.text, self.params, self._token_cache, chash=h)) for a, h in hashed]
        if len(self._token_cache) > 1_000_000:
            self._token_cache.clear()
        taken = self._stored_ids([c for a, fp in arts for c in _id_candidates(a, fp.content_hash)])
        db_bands, db_sigs = self._stored_candidates(sorted({b for _, fp in arts for b in fp.bands}))
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        for art, fp in arts:
            h = fp.content_hash
            rk = record_key(art, h)
            prev = self.hashes.get(h) or stored.get(h)
            if prev is not None:
                if prev[1] == rk:
                    plan.unchanged += 1
                else:
                    plan.exact.append({"content_hash": h, "record_key": rk, "duplicate_of": prev[0],
                                       "kind": "exact", "similarity": 1.0, "origin": art.origin,
                                       "article_id": None, "run_id": self.run_id, "detected_at": now})
                continue
            best: tuple[str, float] | None = None
            if fp.signature is not None:
                # candidates from this run and from the store; ties go to the earliest article
                cands: dict[str, tuple[list[int], int]] = {
                    c: (self.index.sigs[c], self.seqs[c]) for c in self.index.candidates(fp.bands)}
                for bh in fp.bands:
                    for c in db_bands.get(bh, ()):
                        if c not in cands and c in db_sigs:
                            cands[c] = db_sigs[c]
                scored = [(similarity(fp.signature, sig), seq, c) for c, (sig, seq) in cands.items()]
                ok = [x for x in scored if x[0] >= self.params.threshold]
                if ok:
                    s_best, _, c_best = min(ok, key=lambda x: (-x[0], x[1]))
                    best = (c_best, s_best)
            aid = next(c for c in _id_candidates(art, h) if c not in taken and c not in self.ids)
            pa_ = PlannedArticle(art, aid, self.next_seq, h, rk, fp.signature, fp.bands)
            self.next_seq += 1
            self.ids.add(aid)
            self.seqs[aid] = pa_.seq
            self.hashes[h] = (aid, rk)
            if best is not None:
                pa_.duplicate_of, pa_.similarity = best
                plan.near.append(pa_)
            else:
                if fp.signature is not None:
                    self.index.add(aid, fp.signature, fp.bands)
                plan.analyse.append(pa_)
        return plan
