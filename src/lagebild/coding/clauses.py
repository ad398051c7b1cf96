"""Clause segmentation of a sentence (token ranges) with a coarse clause type.

main  — a main clause;  sub — introduced by a subordinator (dass, weil, that …);
rel   — a German relative clause (verb-final after ', der/die/das');
inf   — a zu-infinitive (subject from the governing clause);
coord — a coordinated verb phrase sharing the previous clause's subject ("… besucht und … bekräftigt").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document, Sentence, Token
from .words import WordLists

BREAKS = frozenset({",", ";", ":", "–", "—"})
_REL = frozenset({"der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welche", "welcher", "welches",
                  "which", "who", "whom", "whose"})
_COORD = frozenset({"und", "aber", "sondern", "oder", "and", "but", "or"})


@dataclass(slots=True)
class Clause:
    a: int  # first token index (in doc.tokens)
    b: int  # end token index (exclusive)
    kind: str
    start: int
    end: int


def _verbal(t: Token) -> bool:
    return t.pos in ("VERB", "AUX")


def split_clauses(doc: Document, sent: Sentence, words: WordLists) -> list[Clause]:
    toks = doc.tokens
    pieces: list[tuple[int, int, str]] = []
    a = sent.token_start
    kind = "main"
    i = a
    while i < sent.token_end:
        t = toks[i]
        if t.text in BREAKS and not (t.text == "," and i > a and toks[i - 1].text.endswith("-")):
            if i > a:
                pieces.append((a, i, kind))
            a = i + 1
            kind = "main"
        elif t.text.lower() == "that" and i > a and i + 1 < sent.token_end and _verbal_or_time(toks[i - 1]) \
                and (toks[i + 1].text[:1].isupper() or toks[i + 1].pos in ("DET", "PRON")):
            # English "said (on Tuesday) that Sudan must …": a content clause without a comma
            pieces.append((a, i, kind))
            a = i
            kind = "main"
        elif t.text.lower() in _COORD and i > a and i + 1 < sent.token_end and (
                (_verbal(toks[i - 1]) and toks[i + 1].pos not in ("PROPN",)) or _verbal(toks[i + 1])):
            pieces.append((a, i, kind))
            a = i + 1
            kind = "coord"
        i += 1
    if a < sent.token_end:
        pieces.append((a, sent.token_end, kind))
    out: list[Clause] = []
    for k, (x, y, kd) in enumerate(pieces):
        while y > x and toks[y - 1].pos == "PUNCT":
            y -= 1
        if y <= x:
            continue
        first = toks[x].text.lower()
        if kd != "coord" and k > 0:
            if words.has("subordinator", first):
                kd = "sub"
            elif doc.language == "de" and _zu_infinitive(toks, x, y):
                kd = "inf"
            elif first in _REL or (toks[x].pos == "ADP" and x + 1 < y and toks[x + 1].text.lower() in _REL):
                kd = "rel" if _verb_final(toks, x, y) else "main"
        out.append(Clause(x, y, kd, toks[x].start, toks[y - 1].end))
    return out


def _verbal_or_time(t: Token) -> bool:
    return _verbal(t) or t.pos in ("ADV", "NOUN", "PROPN") and t.text[:1].isupper() or t.lemma in (
        "say", "demand", "announce", "insist", "warn", "claim")


def _verb_final(toks: list[Token], x: int, y: int) -> bool:
    verbs = [j for j in range(x, y) if _verbal(toks[j])]
    return bool(verbs) and verbs[0] >= y - 2


def _zu_infinitive(toks: list[Token], x: int, y: int) -> bool:
    """'… zu ändern', '… einzufrieren': a German zu-infinitive clause."""
    last = toks[y - 1]
    if y - 2 >= x and toks[y - 2].text == "zu" and last.text.endswith(("en", "ern", "eln")):
        return True
    low = last.text.lower()
    return "zu" in low[1:-2] and low.endswith("en") and last.pos == "VERB" and last.lemma != low
