"""A simple tense cue from the tokens around a time expression: 'past', 'future' or None.

The clause (tokens between commas, semicolons, colons, dashes, brackets and quotes) is searched
for cues from data/cues.tsv; when cues of both kinds occur, the one nearest the expression wins
("said on Sunday he will …" → past). A clause without cues falls back to the whole sentence.
German modals (soll, will) count as future unless a perfect infinitive ends the clause ("soll am
Sonntag angegriffen haben"). Unlisted German preterites (-te/-ten) and English -ed forms count as
past when the token's lemma differs from its form.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Token
from .lexicon import LangLexicon

CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", '"', "„", "“", "”", "»", "«", "‚", "‘",
                           "!", "?"})
_PASSIVE_EN = frozenset({"be", "been", "being", "is", "are", "am", "get", "gets", "to"})
_DE_ATTRIB = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
                        "einer", "eines", "am", "im", "zum", "zur", "vom", "beim", "ins", "seine",
                        "seinen", "ihre", "ihren", "diese", "diesen", "dieser", "jede", "jeden", "alle",
                        "allen", "keine", "keinen"})


class TenseCues:
    def __init__(self, lx: LangLexicon) -> None:
        self.lang = lx.lang
        self.future = lx.cue("future")
        self.modal = lx.cue("modal")
        self.perfect = lx.cue("perfect")
        self.past = lx.cue("past")
        self.not_preterite = lx.cue("not_preterite")

    def _kind(self, toks: Sequence[Token], i: int, a: int, b: int) -> str | None:
        tok = toks[i]
        w = tok.text.lower().replace("’", "'")
        if not w[:1].isalpha():
            return None
        if w in self.future:
            return "future"
        if self.lang == "en" and w.endswith("'ll"):
            return "future"
        if w in self.modal:
            return "past" if self._perfect_infinitive(toks, i, b) else "future"
        if w in self.past:
            return "past"
        if w in self.not_preterite or not w.islower():
            return None
        lemma = tok.lemma.lower()
        if not lemma or lemma == w:
            return None
        prev = toks[i - 1].text.lower() if i > a else ""
        if self.lang == "de":
            if len(w) >= 5 and w.endswith(("te", "ten")) and lemma.endswith(("en", "ern", "eln")) \
                    and prev not in _DE_ATTRIB:
                return "past"
            return None
        if len(w) >= 5 and w.endswith("ed") and prev not in _PASSIVE_EN:
            return "past"
        return None

    def _perfect_infinitive(self, toks: Sequence[Token], i: int, b: int) -> bool:
        last = None
        for j in range(i + 1, b):
            w = toks[j].text.lower()
            if w == "worden":
                return True
            if w[:1].isalpha():
                last = w
        return last in self.perfect

    def _scan(self, toks: Sequence[Token], a: int, b: int, e0: int, e1: int) -> str | None:
        best: tuple[int, str] | None = None
        kinds: set[str] = set()
        for i in range(a, b):
            if e0 <= i < e1:
                continue
            k = self._kind(toks, i, a, b)
            if k is None:
                continue
            kinds.add(k)
            dist = e0 - i if i < e0 else i - e1 + 1
            if best is None or dist < best[0]:
                best = (dist, k)
        if not kinds:
            return None
        if len(kinds) == 1:
            return kinds.pop()
        assert best is not None
        return best[1]

    def tense(self, toks: Sequence[Token], s0: int, s1: int, e0: int, e1: int) -> str | None:
        """Tense cue for the expression covering tokens [e0, e1) in the sentence [s0, s1)."""
        a = e0
        while a > s0 and toks[a - 1].text not in CLAUSE_BREAKS:
            a -= 1
        b = e1
        while b < s1 and toks[b].text not in CLAUSE_BREAKS:
            b += 1
        found = self._scan(toks, a, b, e0, e1)
        if found is None and (a > s0 or b < s1):
            found = self._scan(toks, s0, s1, e0, e1)
        return found
