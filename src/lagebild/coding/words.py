"""Structural word lists (coding/data/framing.tsv) merged with the lexicon's cue lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.load import Lexicon
from ..tsv import package_data, read_tsv


@dataclass
class WordLists:
    lang: str
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    def has(self, kind: str, word: str) -> bool:
        return word in self.kinds.get(kind, frozenset())

    @classmethod
    def load_all(cls, lexicon: Lexicon | None = None) -> dict[str, WordLists]:
        """The word lists of every language in framing.tsv (read once)."""
        acc: dict[str, dict[str, set[str]]] = {}
        for _, r in read_tsv(package_data("coding", "data", "framing.tsv"), required=("lang", "kind", "form")):
            acc.setdefault(r["lang"], {}).setdefault(r["kind"], set()).add(r["form"].lower())
        out = {}
        for lang, kinds in acc.items():
            lex = lexicon.langs.get(lang) if lexicon is not None else None
            if lex is not None:
                # the lexicon's reporting verbs extend the governing verbs; of its other cue lists
                # only the multi-word cues are used (LangLexicon.phrase_spans): single words like
                # "noch" or "hätte" are too ambiguous on their own, single-word cues come from here
                kinds.setdefault("govern_reported", set()).update(lex.cues.get("reporting_verb", {}))
            out[lang] = cls(lang, {k: frozenset(v) for k, v in kinds.items()})
        return out
