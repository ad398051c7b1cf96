"""PLOVER JSON export (PLOVER manual, "Data Fields"): one JSON object per event, one per line.

Required fields ``id``, ``date``, ``actor``, ``event``; optional ``enddate``, ``recipient``,
``event_loc``, ``event_text``, ``quad_code``, ``event_scale`` (PLOVER score), ``mode``,
``context``, ``text``, ``text_info``, ``cite_info``, ``coder``, ``coded_date``. Entities carry the
manual's ``code``/``sector``/``entity_text``/``identifier_*`` fields and the example block's
``raw_text``/``entity_name``/``country_name``/``sector_code``. Symmetric events (both sides act)
list all entities as ``actor`` with no ``recipient``, as the manual asks. Lagebild's own fields
(negation, certainty, attribution, CAMEO, Goldstein, confidence, article) are added under their
contract names, which PLOVER allows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..document import ActorRef
from ..store.duck import EventStore
from ..store.queries import EventFilter, EventRecord
from .tables import CodeTables, load_tables
from .target import write_lines

CODEBOOK = "plover-2.0"


def _entity(ref: ActorRef | None, t: CodeTables) -> dict[str, Any] | None:
    if ref is None:
        return None
    country = ref.country or ""
    code: str | None = country or None
    country_name = None
    if country.startswith("IGO:"):
        igo = t.igos.get(country[4:].upper())
        code = igo.plover_code if igo else "IGO"
        country_name = igo.name if igo else country[4:]
    elif country.startswith("NSA:"):
        code = "IMG"
    elif country == "XKX":
        code = "KOS"  # the manual's code for Kosovo
        country_name = "Kosovo"
    elif country in t.countries:
        country_name = t.countries[country].name
    return {
        "code": code, "sector": ref.sector, "entity_text": ref.text or None,
        "identifier_id": ref.actor_id, "identifier_text": ref.name,
        "raw_text": ref.text or None, "entity_name": ref.name, "country_name": country_name,
        "sector_code": ref.sector, "type": ref.type,
    }


def plover_record(rec: EventRecord, t: CodeTables, *, coded: dt.date | None = None,
                  include_text: bool = True) -> dict[str, Any]:
    ev = rec.event
    src, tgt = _entity(ev.source, t), _entity(ev.target, t)
    if ev.symmetric:
        actors = [x for x in (src, tgt) if x]
        recipients: list[dict[str, Any]] = []
    else:
        actors = [src] if src else []
        recipients = [tgt] if tgt else []
    default = t.category_default(ev.category, ev.mode)
    date = ev.date.start or rec.published
    loc = None
    if ev.location is not None:
        c = t.countries.get(ev.location.country or "")
        loc = {"extracted_place": ev.location.text or ev.location.name, "resolved_place": ev.location.name,
               "lat": ev.location.lat, "lon": ev.location.lon, "country": c.name if c else None,
               "country_code": ev.location.country}
    d: dict[str, Any] = {
        "id": rec.id,
        "has_event": True,
        "date": date.isoformat() if date else None,
        "enddate": ev.date.end.isoformat() if ev.date.end and ev.date.end != ev.date.start else None,
        "actor": actors,
        "recipient": recipients,
        "event": [ev.category],
        "mode": [ev.mode] if ev.mode else [],
        "context": list(ev.context),
        "quad_code": ev.quad_class if ev.quad_class is not None else (default.quad_class if default else None),
        "event_scale": default.score if default else None,
        "event_text": [ev.evidence.trigger] if ev.evidence.trigger else [],
        "event_loc": loc,
        "text_info": {"start": ev.evidence.start, "end": ev.evidence.end},
        "cite_info": {"corpus": "lagebild", "url": rec.url, "title": rec.title, "language": rec.language,
                      "citation": rec.article_id, "coder": "lagebild", "codebook": CODEBOOK},
        "coder": "lagebild",
        "coded_date": (coded or dt.date.today()).isoformat(),
        # Lagebild's fields (contract names)
        "negated": ev.negated, "certainty": ev.certainty,
        "attributed_to": _entity(ev.attributed_to, t),
        "cameo": ev.cameo, "goldstein": ev.goldstein, "confidence": ev.confidence,
        "date_precision": ev.date.precision, "article_id": rec.article_id, "cluster_id": rec.cluster_id,
    }
    if include_text:
        d["text"] = ev.evidence.text
    return d


def plover_records(store: EventStore, filters: EventFilter | None = None, *, include_text: bool = True,
                   page: int = 1000) -> Iterator[dict[str, Any]]:
    t = load_tables()
    offset = 0
    while True:
        recs = store.events(filters, limit=page, offset=offset)
        for r in recs:
            yield plover_record(r, t, include_text=include_text)
        if len(recs) < page:
            return
        offset += page


def write_plover(store: EventStore, out: str | Path | IO[str], filters: EventFilter | None = None, *,
                 include_text: bool = True) -> int:
    """PLOVER JSON Lines; returns the number of records."""
    return write_lines(out, (json.dumps(d, ensure_ascii=False)
                             for d in plover_records(store, filters, include_text=include_text)))
