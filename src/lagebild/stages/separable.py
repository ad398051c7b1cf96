"""German separable verbs: 'nimmt … an' -> annehmen, 'trat … zurück' -> zurücktreten.

In a main clause the particle stands at the clause end, the finite verb near its start. When a
clause ends in a particle and the joined form is a known verb, the verb token's lemma becomes
the joined lemma and the particle is marked PART and linked to it.
"""

from __future__ import annotations

import simplemma

from ..config import Config
from ..document import Document, Token
from ..resources import Resources
from ..tsv import package_data, read_tsv

CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", '"', "„", "“", "”", "»", "«", ".", "!", "?", "…"})


def load_particles() -> frozenset[str]:
    return frozenset(row["particle"] for _, row in read_tsv(package_data("stages", "data", "particles.tsv"))
                     if row["lang"] == "de")


def clause_ranges(tokens: list[Token], a: int, b: int) -> list[tuple[int, int]]:
    out = []
    start = a
    for i in range(a, b):
        if tokens[i].text in CLAUSE_BREAKS:
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < b:
        out.append((start, b))
    return out


def join_separable(doc: Document, particles: frozenset[str]) -> None:
    toks = doc.tokens
    for sent in doc.sentences:
        for a, b in clause_ranges(toks, sent.token_start, sent.token_end):
            last = toks[b - 1]
            if last.text not in particles or b - a < 3:
                continue
            for i in range(a, b - 1):
                v = toks[i]
                if v.pos == "VERB" and v.joined is None:
                    joined = last.text + v.lemma
                    if simplemma.is_known(joined, lang="de"):
                        v.lemma = joined
                        v.joined = b - 1
                        last.pos = "PART"
                        last.joined = i
                    break


class SeparableStage:
    name = "separable"
    requires = ("lemmas", "pos", "sentences")
    assigns = ("separable_verbs",)

    def __init__(self, particles: frozenset[str]) -> None:
        self.particles = particles

    def __call__(self, doc: Document) -> Document:
        if (doc.language or "de") == "de":
            join_separable(doc, self.particles)
        return doc


def make_separable(config: Config, res: Resources) -> SeparableStage:
    return SeparableStage(load_particles())
