"""Article text cut into segments by the offsets of actors, places, times and event evidence.

The text is never turned into markup here: each :class:`Segment` carries plain text and the
kinds of span covering it, and the template escapes every segment (Jinja autoescape). Spans may
nest or overlap; the cut points are all span boundaries, so each piece has one set of classes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # actor | place | time | evidence | trigger
    label: str = ""
    event: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    events: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(x for x in self.labels if x))


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; spans outside the text or empty are ignored."""
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    starts: dict[int, list[Span]] = {}
    for s in valid:
        starts.setdefault(s.start, []).append(s)
    active: list[Span] = []
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        if a == b:
            continue
        if not active:
            out.append(Segment(text[a:b]))
            continue
        kinds = tuple(sorted({s.kind for s in active}))
        labels = tuple(s.label for s in active if s.label)
        events = tuple(dict.fromkeys(s.event for s in active if s.event))
        out.append(Segment(text[a:b], kinds, labels, events))
    return out


def _actor_label(a: Mapping[str, Any]) -> str:
    who = a.get("name") or a.get("text") or ""
    extra = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
    role = a.get("role")
    inner = ", ".join(x for x in (extra, role) if x)
    return f"{who} ({inner})" if inner else str(who)


def article_spans(article: Mapping[str, Any]) -> list[Span]:
    """Spans of a stored article (``EventStore.article()`` / ``Document.to_dict()`` shape)."""
    spans: list[Span] = []

    def ints(d: Mapping[str, Any], a: str, b: str) -> tuple[int, int] | None:
        s, e = d.get(a), d.get(b)
        return (s, e) if isinstance(s, int) and isinstance(e, int) else None

    for a in article.get("actors") or []:
        r = ints(a, "start", "end")
        if r:
            spans.append(Span(r[0], r[1], "actor", _actor_label(a)))
    for p in article.get("places") or []:
        r = ints(p, "start", "end")
        if r:
            label = p.get("name") or p.get("text") or ""
            spans.append(Span(r[0], r[1], "place", f"{label} ({p.get('country') or '?'})"))
    for t in article.get("times") or []:
        r = ints(t, "start", "end")
        if r:
            val = t.get("start_date") or "unresolved"
            if t.get("end_date") and t.get("end_date") != t.get("start_date"):
                val = f"{val} – {t['end_date']}"
            spans.append(Span(r[0], r[1], "time", f"{val} ({t.get('precision') or 'unknown'})"))
    for ev in article.get("events") or []:
        eid = str(ev.get("id"))
        evid = ev.get("evidence") or {}
        label = f"{ev.get('category')}: {_side(ev.get('source'))} → {_side(ev.get('target'))}"
        r = ints(evid, "start", "end")
        if r:
            spans.append(Span(r[0], r[1], "evidence", label, eid))
        r = ints(evid, "trigger_start", "trigger_end")
        if r:
            spans.append(Span(r[0], r[1], "trigger", "", eid))
        for m in ev.get("mentions") or []:
            r = ints(m, "start", "end")
            if r:
                spans.append(Span(r[0], r[1], "evidence", label, eid))
    return spans


def _side(a: Mapping[str, Any] | None) -> str:
    if not a:
        return "—"
    return str(a.get("name") or a.get("text") or a.get("country") or "?")


def paragraphs(segs: Sequence[Segment]) -> list[list[Segment]]:
    """Split segments at blank lines into paragraphs (line breaks inside stay for CSS pre-wrap)."""
    paras: list[list[Segment]] = [[]]
    for seg in segs:
        parts = seg.text.split("\n\n")
        for i, part in enumerate(parts):
            if i > 0:
                paras.append([])
            if part:
                paras[-1].append(Segment(part, seg.kinds, seg.labels, seg.events))
    return [p for p in paras if p]
