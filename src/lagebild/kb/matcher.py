"""Fast surface-form matching: one Aho-Corasick automaton over every KB form, built once."""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from .model import Form, KnowledgeBase

# kinds that may stand before a hyphen as the modifier of a compound (Kreml-Sprecher, US-Denkfabrik)
MODIFIER_KINDS = frozenset({"prefix", "seat", "capital", "country", "organisation", "person", "adjective"})


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    forms: tuple[Form, ...]
    # followed by a hyphen: the modifier part of a compound
    modifier: bool = False

    @property
    def kinds(self) -> set[str]:
        return {f.kind for f in self.forms}

    def first(self, *kinds: str) -> Form | None:
        for k in kinds:
            for f in self.forms:
                if f.kind == k:
                    return f
        return None


class Matcher:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.automaton = ahocorasick.Automaton()
        grouped: dict[str, list[Form]] = {}
        for f in kb.forms:
            if len(f.surface) >= 2:
                grouped.setdefault(f.surface, []).append(f)
        for surface, forms in grouped.items():
            self.automaton.add_word(surface, (len(surface), tuple(forms)))
        if grouped:
            self.automaton.make_automaton()
        self.empty = not grouped

    def find(self, text: str, lang: str) -> list[Match]:
        """Leftmost-longest matches at word boundaries, for forms of ``lang`` or any language."""
        if self.empty:
            return []
        n = len(text)
        cands: list[Match] = []
        for end_idx, (length, forms) in self.automaton.iter(text):
            end = end_idx + 1
            start = end - length
            before = text[start - 1] if start > 0 else " "
            after = text[end] if end < n else " "
            if before.isalnum() or after.isalnum():
                continue
            ok = tuple(f for f in forms if f.lang in ("*", lang))
            if not ok:
                continue
            modifier = after == "-" and end + 1 < n and text[end + 1].isalpha()
            if modifier:
                ok = tuple(f for f in ok if f.kind in MODIFIER_KINDS)
            elif any(f.kind == "prefix" for f in ok):
                ok = tuple(f for f in ok if f.kind != "prefix")
            if before == "-" and start > 1 and text[start - 2].isalnum():
                # the head of a compound: only agents (Kreml-Sprecher) count
                ok = tuple(f for f in ok if f.kind == "agent")
            if ok:
                cands.append(Match(start, end, ok, modifier))
        cands.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Match] = []
        last_end = -1
        for m in cands:
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
        return out
