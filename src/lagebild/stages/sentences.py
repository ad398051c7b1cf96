"""Sentence splitting over tokens: never across section lines, not after abbreviations or
ordinals (they keep their dot inside the token), not before a lower-case continuation."""

from __future__ import annotations

from ..config import Config
from ..document import Document, Sentence, Token
from ..resources import Resources

_END = frozenset({".", "!", "?", "…", "...", "....", "?!", "!?"})
_CLOSERS = frozenset({'"', "“", "”", "»", "«", "'", "’", ")", "]"})


def split_sentences(doc: Document) -> list[Sentence]:
    toks = doc.tokens
    sections = doc.sections or []
    sents: list[Sentence] = []
    # token index ranges per section (sections are ordered and disjoint)
    bounds: list[tuple[int, int, int]] = []
    if sections:
        ti = 0
        for si, sec in enumerate(sections):
            while ti < len(toks) and toks[ti].start < sec.start:
                ti += 1
            first = ti
            while ti < len(toks) and toks[ti].end <= sec.end:
                ti += 1
            bounds.append((si, first, ti))
    else:
        bounds.append((-1, 0, len(toks)))
    for si, first, last in bounds:
        begin = first
        i = first
        while i < last:
            t = toks[i]
            if t.text in _END or (t.text.endswith("...") and len(t.text) > 3):
                j = i + 1
                while j < last and toks[j].text in _CLOSERS and _attached(toks[j - 1], toks[j]):
                    j += 1
                if j >= last or _starts_sentence(toks[j]):
                    _add(sents, toks, begin, j, si)
                    begin = j
                    i = j
                    continue
            i += 1
        if begin < last:
            _add(sents, toks, begin, last, si)
    return sents


def _attached(prev: Token, tok: Token) -> bool:
    return tok.start == prev.end


def _starts_sentence(tok: Token) -> bool:
    c = tok.text[0]
    return not (c.islower() or c in ",;:)-–")


def _add(sents: list[Sentence], toks: list[Token], a: int, b: int, section: int) -> None:
    if a >= b:
        return
    toks[a].is_sent_start = True
    sents.append(Sentence(toks[a].start, toks[b - 1].end, a, b, section))


class SentencesStage:
    name = "sentences"
    requires = ("tokens", "sections")
    assigns = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        doc.sentences = split_sentences(doc)
        return doc


def make_sentences(config: Config, res: Resources) -> SentencesStage:
    return SentencesStage()
