"""Source and target of an event from the clause: prepositions, order, passive, symmetry."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import ActorMention, Document, Token
from .words import WordLists

_SKIP_BEFORE = frozenset({"DET", "ADJ", "NUM", "ADV"})
_GEN_MARK = frozenset({"des", "der", "of"})
_ATTRIB = frozenset({"laut", "zufolge", "according", "citing"})


@dataclass(slots=True)
class Arg:
    mention: ActorMention
    prep: str | None
    index: int  # first token index
    genitive: bool = False


def _tok_at(doc: Document, a: int, b: int, char: int) -> int | None:
    for i in range(a, b):
        if doc.tokens[i].start <= char < doc.tokens[i].end or doc.tokens[i].start >= char:
            return i
    return None


def clause_args(doc: Document, a: int, b: int, actors: list[ActorMention]) -> list[Arg]:
    """Actor mentions inside tokens[a:b], with the preposition that governs each."""
    toks = doc.tokens
    if a >= b:
        return []
    lo, hi = toks[a].start, toks[b - 1].end
    out: list[Arg] = []
    for m in sorted(actors, key=lambda m: m.start):
        if not (lo <= m.start < hi):
            continue
        i = _tok_at(doc, a, b, m.start)
        if i is None:
            continue
        prep = None
        gen = False
        j = i - 1
        steps = 0
        while j >= a and steps < 4:
            t = toks[j]
            low = t.text.lower()
            if low == "of" and j - 1 >= a and toks[j - 1].pos in ("NOUN", "PROPN"):
                gen = True  # "positions of the Palestinian security forces"
                break
            if t.pos == "ADP" or low in _ATTRIB or low in ("als", "as"):
                prep = {"im": "in", "am": "an", "zum": "zu", "zur": "zu", "vom": "von", "beim": "bei",
                        "ins": "in"}.get(low, low)
                break
            if low in _GEN_MARK and j - 1 >= a and toks[j - 1].pos in ("NOUN", "PROPN") \
                    and not toks[j - 1].text[:1].islower():
                gen = True
                break
            if t.pos == "DET" and j + 1 < b and toks[j + 1].pos == "DET" and j + 1 < i:
                break  # "in dem der Diplomat": the first DET is a relative pronoun
            if t.pos in _SKIP_BEFORE or (t.text[:1].islower() and t.pos not in ("VERB", "AUX")):
                j -= 1
                steps += 1
                continue
            break
        # "ein Krankenhaus von Rebellen": von after a noun is a genitive, not an agent
        if prep == "von" and j - 1 >= a and toks[j].text.lower() == "von" and toks[j - 1].pos == "NOUN":
            prep, gen = None, True
        if m.method == "modifier":
            prep, gen = None, True  # "US-Drohnenangriff": a participant only as a genitive
        # coordination: "zwischen Putin und Kim" -> Kim inherits "zwischen"
        if prep is None and not gen and out and i - 1 >= a and toks[i - 1].pos == "CCONJ":
            prev = out[-1]
            if prev.mention.end <= toks[i - 1].start and toks[i - 1].start - prev.mention.end <= 2:
                prep, gen = prev.prep, prev.genitive
        # postposition "X zufolge"
        k = next((x for x in range(i, b) if toks[x].start >= m.end), None)
        if k is not None and toks[k].text.lower() == "zufolge":
            prep = "zufolge"
        out.append(Arg(m, prep, i, gen))
    return out


def is_passive(toks: list[Token], a: int, b: int, trig: int, words: WordLists) -> bool:
    """A werden/was-form with the trigger as a participle (German 'wurden … unterzeichnet',
    'beliefert werden'; English 'was attacked')."""
    t = toks[trig]
    if t.pos not in ("VERB", "ADJ"):
        return False
    low = t.text.lower()
    participle = low.endswith(("t", "en", "ed")) and low != t.lemma.lower()
    if not participle:
        return False
    has_aux = any(words.has("passive_aux", toks[i].text.lower()) for i in range(a, b) if i != trig)
    if not has_aux:
        return False
    if words.lang == "en":
        return any(toks[i].text.lower() in ("was", "were", "been", "being", "is", "are", "be") and i < trig
                   for i in range(a, b))
    return True
