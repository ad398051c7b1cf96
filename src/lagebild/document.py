"""The Document: the one object every pipeline stage receives and returns.

Every span keeps character offsets (Python string indices) into ``Document.text``.
``Document.to_dict()`` gives the output contract's shape; ``Document.from_dict()`` restores it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

SECTION_KINDS = ("kicker", "headline", "lead", "subheading", "paragraph")
CERTAINTIES = ("asserted", "reported", "alleged", "assessed", "planned", "hypothetical")
PRECISIONS = ("day", "week", "month", "year", "unknown")
ACTOR_TYPES = ("person", "state", "organisation", "group", "agent")


def _date_str(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def parse_date(s: Any) -> dt.date | None:
    """A date from a date, datetime or ISO string (time part ignored); None for None/""; ValueError else."""
    if s is None or s == "":
        return None
    if isinstance(s, dt.datetime):
        return s.date()
    if isinstance(s, dt.date):
        return s
    return dt.date.fromisoformat(str(s)[:10])


@dataclass(slots=True)
class Section:
    kind: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""
    # German compounds: the head noun's lemma (Waffenlieferungen -> Lieferung), else None.
    head: str | None = None
    # Elliptic compounds: the full word the truncated form stands for
    # ("Technologie-" in "Technologie- und Energielieferungen" -> "Technologielieferungen").
    expanded: str | None = None
    # Separable verbs: index of the particle joined into this verb's lemma, or of the verb
    # this particle belongs to.
    joined: int | None = None
    is_sent_start: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end,
                             "lemma": self.lemma, "pos": self.pos}
        if self.head is not None:
            d["head"] = self.head
        if self.expanded is not None:
            d["expanded"] = self.expanded
        if self.joined is not None:
            d["joined"] = self.joined
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Token:
        return cls(text=d["text"], start=d["start"], end=d["end"], lemma=d.get("lemma", ""),
                   pos=d.get("pos", ""), head=d.get("head"), expanded=d.get("expanded"),
                   joined=d.get("joined"))


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    token_start: int
    token_end: int
    section: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "token_start": self.token_start,
                "token_end": self.token_end, "section": self.section}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(d["start"], d["end"], d.get("token_start", 0), d.get("token_end", 0),
                   d.get("section", -1))


@dataclass(slots=True)
class ActorRef:
    """An actor as an event argument or attribution (contract: source/target/attributed_to)."""

    text: str
    start: int
    end: int
    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "actor_id": self.actor_id,
                "name": self.name, "country": self.country, "sector": self.sector, "type": self.type}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActorRef:
        return cls(text=d.get("text") or "", start=d.get("start", -1), end=d.get("end", -1),
                   actor_id=d.get("actor_id"), name=d.get("name"), country=d.get("country"),
                   sector=d.get("sector"), type=d.get("type"))


@dataclass(slots=True)
class ActorMention:
    """A span that names an actor, resolved (where possible) against the knowledge base."""

    text: str
    start: int
    end: int
    actor_id: str | None = None
    name: str | None = None
    type: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    # how it was found: kb | role | context | coref | plural
    method: str = "kb"
    number: str = "sg"
    confidence: float = 1.0

    def ref(self) -> ActorRef:
        return ActorRef(self.text, self.start, self.end, self.actor_id, self.name, self.country,
                        self.sector, self.type)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "actor_id": self.actor_id,
                "name": self.name, "type": self.type, "country": self.country, "sector": self.sector,
                "role": self.role, "method": self.method, "number": self.number,
                "confidence": self.confidence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActorMention:
        return cls(text=d["text"], start=d["start"], end=d["end"], actor_id=d.get("actor_id"),
                   name=d.get("name"), type=d.get("type"), country=d.get("country"),
                   sector=d.get("sector"), role=d.get("role"), method=d.get("method", "kb"),
                   number=d.get("number", "sg"), confidence=d.get("confidence", 1.0))


@dataclass(slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_id: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "country": self.country, "lat": self.lat, "lon": self.lon,
                "place_id": self.place_id, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PlaceMention:
        return cls(text=d["text"], start=d["start"], end=d["end"], name=d.get("name"),
                   country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
                   place_id=d.get("place_id"), kind=d.get("kind"))


@dataclass(slots=True)
class TimeExpr:
    text: str
    start: int
    end: int
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    precision: str = "unknown"
    # relative expressions without a publication date stay unresolved and are flagged
    unresolved: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "start_date": _date_str(self.start_date), "end_date": _date_str(self.end_date),
                "precision": self.precision, "unresolved": self.unresolved}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpr:
        return cls(text=d["text"], start=d["start"], end=d["end"],
                   start_date=parse_date(d.get("start_date")), end_date=parse_date(d.get("end_date")),
                   precision=d.get("precision", "unknown"), unresolved=d.get("unresolved", False))


@dataclass(slots=True)
class EventDate:
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str = "unknown"
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": _date_str(self.start), "end": _date_str(self.end),
                "precision": self.precision, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> EventDate:
        d = d or {}
        return cls(parse_date(d.get("start")), parse_date(d.get("end")),
                   d.get("precision", "unknown"), d.get("text"))


@dataclass(slots=True)
class EventLocation:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> EventLocation | None:
        if not d:
            return None
        return cls(d["name"], d.get("country"), d.get("lat"), d.get("lon"), d.get("text"),
                   d.get("start"), d.get("end"))


@dataclass(slots=True)
class Evidence:
    text: str
    start: int
    end: int
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "trigger": self.trigger,
                "trigger_start": self.trigger_start, "trigger_end": self.trigger_end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(d.get("text") or "", d.get("start", -1), d.get("end", -1), d.get("trigger"),
                   d.get("trigger_start"), d.get("trigger_end"))


@dataclass(slots=True)
class Event:
    id: str
    category: str
    evidence: Evidence
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    negated: bool = False
    certainty: str = "asserted"
    attributed_to: ActorRef | None = None
    date: EventDate = field(default_factory=EventDate)
    location: EventLocation | None = None
    confidence: float = 0.5
    symmetric: bool = False
    # further evidence spans of the same event (headline and body telling it twice)
    mentions: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "category": self.category, "mode": self.mode, "context": list(self.context),
            "cameo": self.cameo, "quad_class": self.quad_class, "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "negated": self.negated, "certainty": self.certainty,
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "evidence": self.evidence.to_dict(), "confidence": self.confidence,
            "symmetric": self.symmetric, "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        def ref(x: Any) -> ActorRef | None:
            return ActorRef.from_dict(x) if x else None

        ctx = d.get("context") or []
        return cls(
            id=d["id"], category=d["category"], evidence=Evidence.from_dict(d.get("evidence") or {}),
            mode=d.get("mode"), context=[ctx] if isinstance(ctx, str) else list(ctx),
            cameo=d.get("cameo"), quad_class=d.get("quad_class"), goldstein=d.get("goldstein"),
            source=ref(d.get("source")), target=ref(d.get("target")), negated=bool(d.get("negated")),
            certainty=d.get("certainty", "asserted"), attributed_to=ref(d.get("attributed_to")),
            date=EventDate.from_dict(d.get("date")), location=EventLocation.from_dict(d.get("location")),
            confidence=d.get("confidence", 0.5), symmetric=bool(d.get("symmetric", False)),
            mentions=[Evidence.from_dict(m) for m in d.get("mentions", [])],
        )


@dataclass
class Document:
    text: str
    id: str = "doc"
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # problems that did not stop the analysis (stage, message)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    # names of the stages that have run, in order
    processed: list[str] = field(default_factory=list)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_tokens(self, sent: Sentence) -> list[Token]:
        return self.tokens[sent.token_start:sent.token_end]

    def sentence_of(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def section_text(self, kind: str) -> list[str]:
        return [self.text[s.start:s.end] for s in self.sections if s.kind == kind]

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "language": self.language, "published": _date_str(self.published),
            "title": self.title, "url": self.url, "source": self.source,
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
            "sections": [s.to_dict() for s in self.sections],
            "sentences": [s.to_dict() for s in self.sentences],
            "warnings": list(self.warnings),
            "text": self.text,
        }
        if tokens:
            d["tokens"] = [t.to_dict() for t in self.tokens]
        if self.error:
            d["error"] = self.error
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            text=d.get("text") or "", id=d.get("id") or "doc", title=d.get("title"),
            published=parse_date(d.get("published")), url=d.get("url"), source=d.get("source"),
            language=d.get("language"),
            sections=[Section(s["kind"], s["start"], s["end"]) for s in d.get("sections", [])],
            sentences=[Sentence.from_dict(s) for s in d.get("sentences", [])],
            tokens=[Token.from_dict(t) for t in d.get("tokens", [])],
            actors=[ActorMention.from_dict(a) for a in d.get("actors", [])],
            places=[PlaceMention.from_dict(p) for p in d.get("places", [])],
            times=[TimeExpr.from_dict(t) for t in d.get("times", [])],
            events=[Event.from_dict(e) for e in d.get("events", [])],
            warnings=list(d.get("warnings", [])), error=d.get("error"),
        )
