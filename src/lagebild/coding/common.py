"""Shared pieces of the event coder: framing state, argument constants and small helpers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..document import ActorMention, ActorRef, Document, Event, Evidence, TimeExpr
from ..tsv import package_data, read_tsv
from .arguments import Arg
from .clauses import Clause

# categories whose events are coded without a recipient ("Demonstranten protestierten")
NO_RECIPIENT_OK = frozenset({"PROTEST", "MOBILIZE", "RETREAT"})
# verbal acts after which Konjunktiv sentences continue the speaker's words
SPEECH_ACTS = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})
# events whose sub/infinitive clause states what is alleged, denied or demanded, not a further event
CONTENT_CATEGORIES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})


@dataclass
class Frame:
    """How a governing clause frames what follows (reported, assessed, planned) and by whom."""

    certainty: str | None = None
    attributed: ActorMention | None = None
    subject: ActorMention | None = None


@dataclass
class SentenceState:
    frame: Frame = field(default_factory=Frame)
    last_subject: ActorMention | None = None
    date: TimeExpr | None = None
    events: list[Event] = field(default_factory=list)
    # the events of the earlier sentences of the document (per document: the coder keeps no state)
    done: list[Event] = field(default_factory=list)

    def prior(self) -> list[Event]:
        """All events so far, oldest first."""
        return self.done + self.events


def load_intent_table() -> dict[str, tuple[str, str]]:
    return {r["category"]: (r["intent_category"], r["cameo"])
            for _, r in read_tsv(package_data("coding", "data", "intent.tsv"),
                                 required=("category", "intent_category", "cameo"))}


def subject_of(args: list[Arg]) -> ActorMention | None:
    bare = [x for x in args if x.prep is None and not x.genitive]
    return bare[0].mention if bare else None


def same_actor(a: ActorMention | ActorRef, b: ActorMention | ActorRef) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return a.start == b.start and a.end == b.end


def as_mention(ref: ActorRef) -> ActorMention:
    return ActorMention(ref.text, ref.start, ref.end, ref.actor_id, ref.name, ref.type, ref.country, ref.sector,
                        None, "context")


def mention_for(actors: list[ActorMention], ref: ActorRef) -> ActorMention | None:
    return next((m for m in actors if m.start == ref.start and m.end == ref.end), None)


def evidence_for(doc: Document, cl: Clause, trigger: str | None, ts: int | None = None,
              te: int | None = None) -> Evidence:
    return Evidence(doc.text[cl.start:cl.end], cl.start, cl.end, trigger, ts, te)


def event_id(doc: Document, ev: Event) -> str:
    key = f"{doc.id}|{ev.evidence.start}|{ev.evidence.end}|{ev.category}|{ev.evidence.trigger_start}|" \
          f"{ev.source.start if ev.source else ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
