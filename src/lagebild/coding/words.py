"""Structural word lists (coding/data/framing.tsv) merged with the lexicon's cue lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.load import LangLexicon
from ..tsv import package_data, read_tsv


@dataclass
class WordLists:
    lang: str
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    def has(self, kind: str, word: str) -> bool:
        return word in self.kinds.get(kind, frozenset())

    @classmethod
    def load(cls, lang: str, lex: LangLexicon | None = None) -> WordLists:
        acc: dict[str, set[str]] = {}
        for _, r in read_tsv(package_data("coding", "data", "framing.tsv"), required=("lang", "kind", "form")):
            if r["lang"] == lang:
                acc.setdefault(r["kind"], set()).add(r["form"].lower())
        if lex is not None:
            # the lexicon's single-word cues extend the structural lists
            # (the lexicon's broader negation/alleged/hypothetical cue lists are used for phrases,
            # not single words: single words like "noch" or "hätte" are too ambiguous on their own)
            mapping = {"reporting_verb": "govern_reported"}
            for kind, target in mapping.items():
                for form in lex.cues.get(kind, {}):
                    acc.setdefault(target, set()).add(form)
        return cls(lang, {k: frozenset(v) for k, v in acc.items()})
