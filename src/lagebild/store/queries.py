"""Typed filters and results for store queries; every filter becomes parameterised SQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..document import CERTAINTIES, ActorRef, Event, EventDate, EventLocation, Evidence
from ..ontology.tables import PLOVER_CATEGORIES


def _jsonable(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.isoformat(timespec="seconds")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, tuple | list):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


def _parse_date(s: str | None, name: str) -> dt.date | None:
    if s is None or s == "":
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise ValueError(f"{name} must be a date YYYY-MM-DD, not {s!r}") from None


def _split(s: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (s or "").split(",") if x.strip())


@dataclass(frozen=True)
class EventFilter:
    """Which events to select. Empty fields select everything."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    category: tuple[str, ...] = ()
    cameo: str | None = None
    certainty: tuple[str, ...] = ()
    negated: bool | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: float | None = None
    article_id: str | None = None
    language: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        bad = [c for c in self.category if c not in PLOVER_CATEGORIES]
        if bad:
            raise ValueError(f"unknown category {', '.join(bad)} (use {', '.join(PLOVER_CATEGORIES)})")
        badc = [c for c in self.certainty if c not in CERTAINTIES]
        if badc:
            raise ValueError(f"unknown certainty {', '.join(badc)} (use {', '.join(CERTAINTIES)})")
        if self.since and self.until and self.since > self.until:
            raise ValueError("since is after until")
        if self.cameo is not None and not re.fullmatch(r"\d{2,4}", self.cameo):
            raise ValueError(f"cameo must be 2-4 digits, not {self.cameo!r}")

    @classmethod
    def from_strings(cls, *, actor: str | None = None, source: str | None = None, target: str | None = None,
                     dyad: str | None = None, directed: bool = False, category: str | None = None,
                     cameo: str | None = None, certainty: str | None = None, negated: str | bool | None = None,
                     since: str | None = None, until: str | None = None, min_confidence: float | None = None,
                     article_id: str | None = None, language: str | None = None,
                     text: str | None = None) -> EventFilter:
        """Build a filter from command-line / query-string values; raises ValueError with a reason."""
        dy: tuple[str, str] | None = None
        if dyad:
            parts = _split(dyad)
            if len(parts) != 2:
                raise ValueError(f"dyad must be two actors separated by a comma (e.g. RUS,PRK), not {dyad!r}")
            dy = (parts[0], parts[1])
        neg: bool | None
        if isinstance(negated, str):
            if negated.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise ValueError(f"negated must be true or false, not {negated!r}")
            neg = negated.lower() in ("true", "yes", "1")
        else:
            neg = negated
        return cls(actor=actor or None, source=source or None, target=target or None, dyad=dy, directed=directed,
                   category=tuple(c.upper() for c in _split(category)), cameo=cameo or None,
                   certainty=tuple(c.lower() for c in _split(certainty)), negated=neg,
                   since=_parse_date(since, "since"), until=_parse_date(until, "until"),
                   min_confidence=min_confidence, article_id=article_id or None, language=language or None,
                   text=text or None)

    def is_empty(self) -> bool:
        return self == EventFilter()

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """SQL condition (without WHERE) and its parameters, over the events table as ``alias``."""
        conds: list[str] = []
        params: list[Any] = []
        a = alias

        def side(prefix: str, value: str) -> str:
            params.extend([value, value, value])
            return (f"({a}.{prefix}_country = ? OR {a}.{prefix}_actor_id = ? "
                    f"OR lower({a}.{prefix}_name) = lower(?))")

        if self.actor:
            conds.append(f"({side('source', self.actor)} OR {side('target', self.actor)})")
        if self.source:
            conds.append(side("source", self.source))
        if self.target:
            conds.append(side("target", self.target))
        if self.dyad:
            x, y = self.dyad
            fwd = f"({side('source', x)} AND {side('target', y)})"
            if self.directed:
                conds.append(fwd)
            else:
                conds.append(f"({fwd} OR ({side('source', y)} AND {side('target', x)}))")
        if self.category:
            conds.append(f"{a}.category IN ({', '.join('?' * len(self.category))})")
            params.extend(self.category)
        if self.cameo:
            conds.append(f"starts_with({a}.cameo, ?)")
            params.append(self.cameo)
        if self.certainty:
            conds.append(f"{a}.certainty IN ({', '.join('?' * len(self.certainty))})")
            params.extend(self.certainty)
        if self.negated is not None:
            conds.append(f"{a}.negated = ?")
            params.append(self.negated)
        if self.since:
            conds.append(f"coalesce({a}.date_end, {a}.date_start, {a}.published) >= ?")
            params.append(self.since)
        if self.until:
            conds.append(f"coalesce({a}.date_start, {a}.published) <= ?")
            params.append(self.until)
        if self.min_confidence is not None:
            conds.append(f"{a}.confidence >= ?")
            params.append(self.min_confidence)
        if self.article_id:
            conds.append(f"{a}.article_id = ?")
            params.append(self.article_id)
        if self.language:
            conds.append(f"{a}.language = ?")
            params.append(self.language)
        if self.text:
            conds.append(f"contains(lower({a}.evidence_text), lower(?))")
            params.append(self.text)
        return (" AND ".join(conds) or "TRUE"), params


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class StoreStats(_Dict):
    articles: int
    articles_total: int
    events: int
    actors: int
    mentions: int
    duplicates: int
    exact_duplicates: int
    near_duplicates: int
    rejects: int
    failed: int
    aggregates: int
    runs: int
    languages: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    schema_version: int = 0


@dataclass(frozen=True)
class ArticleSummary(_Dict):
    id: str
    title: str | None
    published: dt.date | None
    url: str | None
    source: str | None
    language: str | None
    n_events: int
    duplicate_of: str | None
    status: str
    ingested_at: dt.datetime | None
    run_id: str | None


@dataclass(frozen=True)
class ActorSummary(_Dict):
    actor_id: str
    name: str | None
    type: str | None
    country: str | None
    sector: str | None
    mentions: int
    events: int
    articles: int
    first_seen: dt.date | None
    last_seen: dt.date | None


@dataclass(frozen=True)
class EventRecord:
    """A stored event: the contract's Event plus where it was found."""

    id: str
    gid: int
    article_id: str
    event: Event
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None
    cluster_id: str | None = None
    is_root: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = self.event.to_dict()
        d["event_key"] = d["id"]
        d["id"] = self.id
        d.update(gid=self.gid, article_id=self.article_id, published=_jsonable(self.published), url=self.url,
                 title=self.title, language=self.language, cluster_id=self.cluster_id, is_root=self.is_root)
        return d


@dataclass(frozen=True)
class AggregateEvent(_Dict):
    cluster_id: str
    category: str
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    source_code: str | None
    target_code: str | None
    source_country: str | None
    target_country: str | None
    negated: bool
    date_start: dt.date | None
    date_end: dt.date | None
    num_mentions: int
    num_sources: int
    num_articles: int
    num_events: int
    first_event_id: str | None
    first_article_id: str | None
    source_url: str | None
    event_ids: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class DyadCount(_Dict):
    source: str | None
    target: str | None
    category: str
    events: int
    articles: int
    goldstein_mean: float | None
    first_date: dt.date | None
    last_date: dt.date | None


@dataclass(frozen=True)
class TimelinePoint(_Dict):
    period: dt.date
    category: str
    events: int
    goldstein_sum: float | None


@dataclass(frozen=True)
class RejectRow(_Dict):
    origin: str
    reason: str
    code: str | None
    record_id: str | None
    run_id: str | None
    rejected_at: dt.datetime | None


@dataclass(frozen=True)
class DuplicateRow(_Dict):
    content_hash: str
    record_key: str
    duplicate_of: str
    kind: str
    similarity: float | None
    origin: str | None
    article_id: str | None
    run_id: str | None


@dataclass(frozen=True)
class RunRow(_Dict):
    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    engine: str | None
    workers: int | None
    inputs: tuple[str, ...]
    new_articles: int
    duplicates: int
    unchanged: int
    rejects: int
    failed: int
    events: int


@dataclass(frozen=True)
class BatchResult(_Dict):
    new: int = 0
    duplicates: int = 0
    unchanged: int = 0
    rejects: int = 0
    failed: int = 0
    events: int = 0
    article_ids: tuple[str, ...] = ()


# ---------------------------------------------------------------- row -> Event


def _ref(row: dict[str, Any], prefix: str) -> ActorRef | None:
    text = row.get(f"{prefix}_text")
    if text is None and row.get(f"{prefix}_actor_id") is None and row.get(f"{prefix}_country") is None:
        return None
    return ActorRef(text=text or "", start=_int(row.get(f"{prefix}_char_start")),
                    end=_int(row.get(f"{prefix}_char_end")), actor_id=row.get(f"{prefix}_actor_id"),
                    name=row.get(f"{prefix}_name"), country=row.get(f"{prefix}_country"),
                    sector=row.get(f"{prefix}_sector"), type=row.get(f"{prefix}_type"))


def _int(v: Any, default: int = -1) -> int:
    return int(v) if v is not None else default


def event_from_row(row: dict[str, Any], mentions: list[Evidence] | None = None) -> Event:
    loc = None
    if row.get("location_name") is not None:
        loc = EventLocation(row["location_name"], row.get("location_country"), row.get("location_lat"),
                            row.get("location_lon"), row.get("location_text"), row.get("location_char_start"),
                            row.get("location_char_end"))
    return Event(
        id=row.get("event_key") or row["id"], category=row["category"],
        evidence=Evidence(row.get("evidence_text") or "", _int(row.get("evidence_start")),
                          _int(row.get("evidence_end")), row.get("trigger"), row.get("trigger_start"),
                          row.get("trigger_end")),
        mode=row.get("mode"), context=list(row.get("context") or []), cameo=row.get("cameo"),
        quad_class=row.get("quad_class"), goldstein=row.get("goldstein"),
        source=_ref(row, "source"), target=_ref(row, "target"), negated=bool(row.get("negated")),
        certainty=row.get("certainty") or "asserted", attributed_to=_ref(row, "attributed"),
        date=EventDate(row.get("date_start"), row.get("date_end"), row.get("date_precision") or "unknown",
                       row.get("date_text")),
        location=loc, confidence=row["confidence"] if row.get("confidence") is not None else 0.5,
        symmetric=bool(row.get("is_symmetric")), mentions=list(mentions or []),
    )


def record_from_row(row: dict[str, Any], mentions: list[Evidence] | None = None) -> EventRecord:
    return EventRecord(id=row["id"], gid=row["gid"], article_id=row["article_id"],
                       event=event_from_row(row, mentions), published=row.get("published"),
                       url=row.get("url"), title=row.get("title"), language=row.get("language"),
                       cluster_id=row.get("cluster_id"), is_root=bool(row.get("is_root")))
