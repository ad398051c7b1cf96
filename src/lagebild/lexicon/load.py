"""Loading trigger and cue lexicons."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..tsv import package_data, read_tsv

ARG_HINTS = ("sym", "refl", "tgt:", "src:", "passive_src:", "recipient_subj")
CUE_KINDS = ("negation", "negation_trap", "alleged", "reported", "reporting_verb", "assessed", "planned",
             "hypothetical", "attribution_prep")


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    category: str
    mode: str | None
    context: str | None
    cameo: str | None
    args: frozenset[str]
    parts: tuple[str, ...] = ()

    @property
    def symmetric(self) -> bool:
        return "sym" in self.args

    def preps(self, role: str) -> tuple[str, ...]:
        """Prepositions introducing the target ('tgt') or source ('src')."""
        return tuple(a.split(":", 1)[1] for a in self.args if a.startswith(role + ":") and
                     a.split(":", 1)[1] not in ("obj", "dat", "gen"))

    def has(self, hint: str) -> bool:
        return hint in self.args


@dataclass
class LangLexicon:
    words: dict[str, list[Trigger]] = field(default_factory=dict)
    mwes: list[Trigger] = field(default_factory=list)
    # each multiword expression under its first part (lower case), for fast candidate look-up
    mwe_index: dict[str, list[Trigger]] = field(default_factory=dict)
    cues: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> form -> value
    multi_cues: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    def cue(self, kind: str, form: str) -> str | None:
        return self.cues.get(kind, {}).get(form)

    def phrase_spans(self, kind: str, words: list[str]) -> list[tuple[int, int]]:
        """(start, end) word positions of the multi-word cues of ``kind`` ("nicht nur",
        "Berichten zufolge", "is expected to") in lower-cased ``words``; gapped cues ("wie … sagte")
        are left to the clause logic."""
        out = []
        for phrase, _ in self.multi_cues.get(kind, ()):
            if "…" in phrase:
                continue
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if words[i] == phrase[0] and tuple(words[i:i + n]) == phrase:
                    out.append((i, i + n))
        return out


@dataclass
class Lexicon:
    langs: dict[str, LangLexicon] = field(default_factory=dict)

    def get(self, lang: str) -> LangLexicon:
        return self.langs.get(lang) or self.langs.get("de") or LangLexicon()

    def size(self, lang: str) -> int:
        lx = self.langs.get(lang)
        return 0 if lx is None else sum(len(v) for v in lx.words.values()) + len(lx.mwes)


def _load_lang(d: Path, categories: frozenset[str] | None) -> LangLexicon:
    lx = LangLexicon()
    p = d / "triggers.tsv"
    if p.exists():
        for n, r in read_tsv(p, required=("lemma", "pos", "category")):
            if categories is not None and r["category"] not in categories:
                raise DataFileError(str(p), n, f"unknown PLOVER category {r['category']!r}")
            args = frozenset(a.strip() for a in r.get("args", "").split(",") if a.strip())
            bad = [a for a in args if not a.startswith(ARG_HINTS)]
            if bad:
                raise DataFileError(str(p), n, f"unknown argument hint(s) {bad}")
            lemma = r["lemma"].strip()
            parts = tuple(lemma.split())
            t = Trigger(lemma, r["pos"].upper(), r["category"], r.get("mode") or None, r.get("context") or None,
                        r.get("cameo") or None, args, parts)
            if len(parts) > 1 or t.pos == "MWE":
                lx.mwes.append(t)
            else:
                lx.words.setdefault(lemma, []).append(t)
                if lemma[:1].isupper():
                    lx.words.setdefault(lemma.lower(), []).append(t)
    lx.mwes.sort(key=lambda t: -len(t.parts))
    for t in lx.mwes:
        lx.mwe_index.setdefault(t.parts[0].lower(), []).append(t)
    p = d / "cues.tsv"
    if p.exists():
        for n, r in read_tsv(p, required=("kind", "form")):
            kind = r["kind"]
            if kind not in CUE_KINDS:
                raise DataFileError(str(p), n, f"unknown cue kind {kind!r}")
            form = r["form"].strip()
            value = r.get("value", "") or kind
            if " " in form:
                lx.multi_cues.setdefault(kind, []).append((tuple(form.lower().split()), value))
            else:
                lx.cues.setdefault(kind, {})[form.lower()] = value
    return lx


def load_lexicon(directory: Path | None = None, categories: frozenset[str] | None = None) -> Lexicon:
    base = directory or package_data("lexicon", "data")
    lex = Lexicon()
    for lang in ("de", "en"):
        if (base / lang).is_dir():
            lex.langs[lang] = _load_lang(base / lang, categories)
    return lex
