"""Finding event triggers in a clause: multiword expressions, verbs, adjectives, nouns."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Token
from ..lexicon.load import LangLexicon, Trigger

_RANK = {"MWE": 0, "VERB": 1, "ADJ": 2, "NOUN": 3}
_REFL = frozenset({"sich", "einander", "themselves", "each"})


@dataclass(slots=True)
class Hit:
    trigger: Trigger
    tok: int  # anchor token index
    toks: tuple[int, ...]  # all tokens of the trigger

    @property
    def rank(self) -> int:
        return _RANK.get(self.trigger.pos, 3)


def _keys(t: Token) -> list[str]:
    keys = [t.lemma]
    if t.lemma != t.text:
        keys.append(t.text)
    low = t.text.lower()
    if low not in keys:
        keys.append(low)
    if t.head:
        keys.append(t.head)
    return keys


def _token_matches(t: Token, part: str) -> bool:
    pl = part.lower()
    return t.lemma.lower() == pl or t.text.lower() == pl or (t.head or "").lower() == pl


def find_triggers(toks: list[Token], a: int, b: int, lex: LangLexicon) -> list[Hit]:
    """Triggers in tokens[a:b], best first; a verb-level trigger suppresses noun triggers."""
    hits: list[Hit] = []
    used: set[int] = set()
    has_refl = any(toks[i].text.lower() in _REFL for i in range(a, b))
    # multiword candidates: only those whose every part occurs in the clause (set look-ups)
    present: set[str] = set()
    for i in range(a, b):
        t = toks[i]
        present.add(t.lemma.lower())
        present.add(t.text.lower())
        if t.head:
            present.add(t.head.lower())
    cands: dict[int, Trigger] = {}
    for key in present:
        for mwe in lex.mwe_index.get(key, ()):
            if all(p.lower() in present for p in mwe.parts):
                cands[id(mwe)] = mwe
    for mwe in sorted(cands.values(), key=lambda t: -len(t.parts)):
        idx: list[int] = []
        for part in mwe.parts:
            j = next((i for i in range(a, b) if i not in idx and _token_matches(toks[i], part)), None)
            if j is None:
                break
            idx.append(j)
        else:
            if any(i in used for i in idx):
                continue
            if mwe.has("refl") and not has_refl:
                continue
            anchor = max(idx, key=lambda i: toks[i].pos in ("VERB", "ADJ"))
            hits.append(Hit(mwe, anchor, tuple(idx)))
            used.update(idx)
    for i in range(a, b):
        if i in used:
            continue
        t = toks[i]
        if t.pos in ("PUNCT", "NUM", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "PART"):
            continue
        options: list[Trigger] = []
        for k in _keys(t):
            options = lex.words.get(k, [])
            if options:
                break
        if not options:
            continue
        is_noun = t.text[:1].isupper() and t.pos in ("NOUN", "PROPN")
        pick = None
        for c in options:
            if c.pos == "NOUN" and not is_noun and t.text[:1].islower() and t.pos != "NOUN":
                continue
            if c.pos in ("VERB", "ADJ") and is_noun:
                continue
            if c.has("refl") and not has_refl:
                continue
            pick = c
            break
        if pick is not None:
            hits.append(Hit(pick, i, (i,)))
    hits.sort(key=lambda h: (h.rank, h.tok))
    if hits and hits[0].rank < 3:
        hits = [h for h in hits if h.rank < 3]
    return hits
