"""Analysed Documents -> store rows as Arrow tables (built in workers, loaded by the one writer)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from ..document import ActorRef, Document, Event

MAX_EVENTS_PER_ARTICLE = 999  # events.gid = article seq * 1000 + n

_S, _I, _F, _B, _D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()

ANALYSIS_SCHEMA = pa.schema([
    ("id", _S), ("language", _S), ("title", _S), ("status", _S), ("error", _S), ("n_events", _I),
    ("sections", _S), ("sentences", _S), ("warnings", pa.list_(_S)),
])

MENTION_SCHEMA = pa.schema([
    ("article_id", _S), ("kind", _S), ("idx", _I), ("text", _S), ("char_start", _I), ("char_end", _I),
    ("actor_id", _S), ("name", _S), ("type", _S), ("country", _S), ("sector", _S), ("role", _S),
    ("method", _S), ("number", _S), ("confidence", _F), ("lat", _F), ("lon", _F), ("place_id", _S),
    ("place_kind", _S), ("start_date", _D), ("end_date", _D), ("precision", _S), ("unresolved", _B),
])


def _actor_fields(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_text", _S), (f"{prefix}_char_start", _I), (f"{prefix}_char_end", _I),
            (f"{prefix}_actor_id", _S), (f"{prefix}_name", _S), (f"{prefix}_country", _S),
            (f"{prefix}_sector", _S), (f"{prefix}_type", _S)]


EVENT_SCHEMA = pa.schema([
    ("id", _S), ("gid", pa.int64()), ("article_id", _S), ("idx", _I), ("event_key", _S), ("category", _S),
    ("mode", _S), ("context", pa.list_(_S)), ("cameo", _S), ("quad_class", _I), ("goldstein", _F),
    *_actor_fields("source"), *_actor_fields("target"), *_actor_fields("attributed"),
    ("negated", _B), ("certainty", _S), ("is_symmetric", _B), ("date_start", _D), ("date_end", _D),
    ("date_precision", _S), ("date_text", _S), ("location_name", _S), ("location_country", _S),
    ("location_lat", _F), ("location_lon", _F), ("location_text", _S), ("location_char_start", _I),
    ("location_char_end", _I), ("evidence_text", _S), ("evidence_start", _I), ("evidence_end", _I),
    ("trigger", _S), ("trigger_start", _I), ("trigger_end", _I), ("confidence", _F), ("is_root", _B),
    ("n_mentions", _I), ("published", _D), ("language", _S),
])

EVIDENCE_SCHEMA = pa.schema([
    ("event_id", _S), ("idx", _I), ("article_id", _S), ("is_primary", _B), ("text", _S), ("char_start", _I),
    ("char_end", _I), ("trigger", _S), ("trigger_start", _I), ("trigger_end", _I),
])

ACTOR_SCHEMA = pa.schema([
    ("actor_id", _S), ("name", _S), ("type", _S), ("country", _S), ("sector", _S), ("role", _S),
])

SCHEMAS = {"analysis": ANALYSIS_SCHEMA, "mentions": MENTION_SCHEMA, "events": EVENT_SCHEMA,
           "event_evidence": EVIDENCE_SCHEMA, "actors": ACTOR_SCHEMA}


@dataclass
class BatchRows:
    """Row lists per table for one batch of analysed documents."""

    analysis: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_evidence: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)

    def to_arrow(self) -> dict[str, pa.Table]:
        return {name: pa.Table.from_pylist(getattr(self, name), schema=schema)
                for name, schema in SCHEMAS.items()}


def _root_end(doc: Document) -> int:
    """Offset where the headline/lead part ends: events before it count as root events (GDELT)."""
    heads = [s.end for s in doc.sections if s.kind in ("kicker", "headline", "lead")]
    if heads:
        return max(heads)
    if doc.sections:
        return doc.sections[0].end
    if doc.sentences:
        return doc.sentences[0].end
    return 0


def _ref_cols(prefix: str, ref: ActorRef | None) -> dict[str, Any]:
    if ref is None:
        return {f"{prefix}_{k}": None for k in ("text", "char_start", "char_end", "actor_id", "name", "country",
                                                "sector", "type")}
    return {f"{prefix}_text": ref.text, f"{prefix}_char_start": ref.start, f"{prefix}_char_end": ref.end,
            f"{prefix}_actor_id": ref.actor_id, f"{prefix}_name": ref.name, f"{prefix}_country": ref.country,
            f"{prefix}_sector": ref.sector, f"{prefix}_type": ref.type}


def event_row(doc: Document, article_id: str, seq: int, n: int, ev: Event, root_end: int) -> dict[str, Any]:
    loc = ev.location
    row: dict[str, Any] = {
        "id": f"{article_id}:{n}", "gid": seq * 1000 + n, "article_id": article_id, "idx": n,
        "event_key": ev.id, "category": ev.category, "mode": ev.mode, "context": list(ev.context),
        "cameo": ev.cameo, "quad_class": ev.quad_class, "goldstein": ev.goldstein,
        **_ref_cols("source", ev.source), **_ref_cols("target", ev.target),
        **_ref_cols("attributed", ev.attributed_to),
        "negated": bool(ev.negated), "certainty": ev.certainty, "is_symmetric": bool(ev.symmetric),
        "date_start": ev.date.start, "date_end": ev.date.end, "date_precision": ev.date.precision,
        "date_text": ev.date.text,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "location_text": loc.text if loc else None, "location_char_start": loc.start if loc else None,
        "location_char_end": loc.end if loc else None,
        "evidence_text": ev.evidence.text, "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
        "trigger": ev.evidence.trigger, "trigger_start": ev.evidence.trigger_start,
        "trigger_end": ev.evidence.trigger_end, "confidence": ev.confidence,
        "is_root": 0 <= ev.evidence.start < root_end, "n_mentions": 1 + len(ev.mentions),
        "published": doc.published, "language": doc.language,
    }
    return row


def document_rows(doc: Document, article_id: str, seq: int, out: BatchRows | None = None) -> BatchRows:
    """Append the rows of one analysed (or failed) document to ``out``."""
    out = out if out is not None else BatchRows()
    if doc.error:
        out.analysis.append({"id": article_id, "language": doc.language, "title": doc.title, "status": "failed",
                             "error": doc.error, "n_events": 0, "sections": None, "sentences": None,
                             "warnings": list(doc.warnings)})
        return out
    events = doc.events[:MAX_EVENTS_PER_ARTICLE]
    warnings = list(doc.warnings)
    if len(doc.events) > MAX_EVENTS_PER_ARTICLE:
        warnings.append(f"store: only the first {MAX_EVENTS_PER_ARTICLE} of {len(doc.events)} events kept")
    out.analysis.append({
        "id": article_id, "language": doc.language, "title": doc.title, "status": "analysed", "error": None,
        "n_events": len(events),
        "sections": json.dumps([s.to_dict() for s in doc.sections], separators=(",", ":")),
        "sentences": json.dumps([s.to_dict() for s in doc.sentences], separators=(",", ":")),
        "warnings": warnings,
    })
    seen_actors: set[str] = set()

    def actor(actor_id: str | None, name: str | None, type_: str | None, country: str | None,
              sector: str | None, role: str | None) -> None:
        if actor_id and actor_id not in seen_actors:
            seen_actors.add(actor_id)
            out.actors.append({"actor_id": actor_id, "name": name, "type": type_, "country": country,
                               "sector": sector, "role": role})

    blank = {k: None for k in MENTION_SCHEMA.names}
    for i, a in enumerate(doc.actors):
        out.mentions.append({**blank, "article_id": article_id, "kind": "actor", "idx": i, "text": a.text,
                             "char_start": a.start, "char_end": a.end, "actor_id": a.actor_id, "name": a.name,
                             "type": a.type, "country": a.country, "sector": a.sector, "role": a.role,
                             "method": a.method, "number": a.number, "confidence": a.confidence})
        actor(a.actor_id, a.name, a.type, a.country, a.sector, a.role)
    for i, p in enumerate(doc.places):
        out.mentions.append({**blank, "article_id": article_id, "kind": "place", "idx": i, "text": p.text,
                             "char_start": p.start, "char_end": p.end, "name": p.name, "country": p.country,
                             "lat": p.lat, "lon": p.lon, "place_id": p.place_id, "place_kind": p.kind})
    for i, t in enumerate(doc.times):
        out.mentions.append({**blank, "article_id": article_id, "kind": "time", "idx": i, "text": t.text,
                             "char_start": t.start, "char_end": t.end, "start_date": t.start_date,
                             "end_date": t.end_date, "precision": t.precision, "unresolved": t.unresolved})
    root_end = _root_end(doc)
    for n, ev in enumerate(events):
        out.events.append(event_row(doc, article_id, seq, n, ev, root_end))
        eid = f"{article_id}:{n}"
        for j, sp in enumerate([ev.evidence, *ev.mentions]):
            out.event_evidence.append({
                "event_id": eid, "idx": j, "article_id": article_id, "is_primary": j == 0, "text": sp.text,
                "char_start": sp.start, "char_end": sp.end, "trigger": sp.trigger,
                "trigger_start": sp.trigger_start, "trigger_end": sp.trigger_end})
        for ref in (ev.source, ev.target, ev.attributed_to):
            if ref is not None:
                actor(ref.actor_id, ref.name, ref.type, ref.country, ref.sector, None)
    return out


def batch_rows(docs: Iterable[tuple[Document, str, int]]) -> BatchRows:
    """Rows for (document, article id, article seq) triples."""
    out = BatchRows()
    for doc, aid, seq in docs:
        document_rows(doc, aid, seq, out)
    return out


def concat(parts: Sequence[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    return {name: pa.concat_tables([p[name] for p in parts]) if parts else schema.empty_table()
            for name, schema in SCHEMAS.items()}
