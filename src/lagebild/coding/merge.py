"""One event, many mentions: repeated codings of the same event in one article are merged.

Two events are the same when category, negation and the source/target countries agree (either
direction for symmetric events). A headline, kicker or lead mention is merged into the body's
event (whose evidence is kept first); several triggers in one sentence coding the same thing
collapse into one.
"""

from __future__ import annotations

from ..document import Document, Event

_TOP = frozenset({"kicker", "headline", "lead"})


def _section_kind(doc: Document, offset: int) -> str:
    for s in doc.sections:
        if s.start <= offset < s.end:
            return s.kind
    return "paragraph"


def merge_events(doc: Document, events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        top = _section_kind(doc, ev.evidence.start) in _TOP
        same = None
        for o in out:
            if not _equivalent(o, ev):
                continue
            o_top = _section_kind(doc, o.evidence.start) in _TOP
            same_sentence = doc.sentence_of(o.evidence.start) is doc.sentence_of(ev.evidence.start)
            if same_sentence or o_top != top or (o_top and top):
                same = o
                break
        if same is None:
            out.append(ev)
            continue
        if _section_kind(doc, same.evidence.start) in _TOP and not top:
            # the body's telling becomes the primary evidence
            ev.mentions = [same.evidence, *same.mentions, *ev.mentions]
            ev.confidence = max(ev.confidence, same.confidence)
            out[out.index(same)] = ev
        else:
            same.mentions.append(ev.evidence)
            same.confidence = max(same.confidence, ev.confidence)
    return out


def _equivalent(a: Event, b: Event) -> bool:
    if a.category != b.category or a.negated != b.negated:
        return False
    return _c(a) == _c(b) or _sym_equal(a, b)


def _c(ev: Event) -> tuple[str | None, str | None]:
    return (ev.source.country if ev.source else None, ev.target.country if ev.target else None)


def _sym_equal(a: Event, b: Event) -> bool:
    return (a.symmetric or b.symmetric) and set(_c(a)) == set(_c(b))
