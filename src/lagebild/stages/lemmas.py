"""Lemmas, coarse part-of-speech tags, compound heads and elliptic-compound expansion.

simplemma gives lemmas from its packaged dictionaries (no model download); results are cached
per word type, so the per-token cost is one dict look-up. POS tags are coarse: closed-class
words from a data file, the rest from shape and lemma.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import simplemma

from ..config import Config
from ..document import Document, Token
from ..resources import Resources
from ..tsv import package_data, read_tsv

_VERB_SUFFIXES_DE = ("en", "ern", "eln")
_ADJ_SUFFIXES_DE = ("isch", "ig", "lich", "bar", "sam", "haft", "los", "voll", "iv", "ell", "al", "är", "ös")
# name endings that take a genitive -s (Russlands, Frankreichs, Italiens, Afghanistans, Hamburgs)
_GENITIVE_S_STEMS = ("land", "reich", "ien", "stan", "burg", "berg", "heim", "dorf", "stadt", "ina", "ika")
_FUGEN = ("", "s", "es", "n", "en", "er", "e")
_CONJ = frozenset({"und", "oder", "sowie", "bzw.", "beziehungsweise", "and", "or"})


@dataclass
class Lemmatizer:
    """Per-language caches of (lemma, pos) by word form. One instance per pipeline."""

    closed: dict[str, dict[str, str]] = field(default_factory=dict)
    _cache: dict[tuple[str, str, bool], tuple[str, str]] = field(default_factory=dict)
    _heads: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.closed:
            for _, row in read_tsv(package_data("stages", "data", "closed_class.tsv")):
                self.closed.setdefault(row["lang"], {}).setdefault(row["form"], row["pos"])

    def analyse(self, word: str, lang: str, sent_start: bool = False) -> tuple[str, str]:
        key = (word, lang, sent_start)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._analyse(word, lang, sent_start)
            self._cache[key] = hit
        return hit

    def _analyse(self, word: str, lang: str, sent_start: bool) -> tuple[str, str]:
        c = word[0]
        if not c.isalnum():
            return word, "PUNCT"
        if c.isdigit():
            return word, "NUM"
        closed = self.closed.get(lang, {})
        low = word.lower()
        pos = closed.get(word) or (closed.get(low) if sent_start or lang == "en" or word.isupper() else None)
        if pos:
            lemma = simplemma.lemmatize(low, lang=lang) if pos == "AUX" else low
            return lemma, pos
        if lang == "de":
            return self._analyse_de(word, low, sent_start)
        return self._analyse_en(word, low, sent_start)

    def _analyse_de(self, word: str, low: str, sent_start: bool) -> tuple[str, str]:
        if word[0].isupper() and not sent_start:
            lemma = _noun_lemma(word)
            return lemma, "PROPN" if word.isupper() or "-" in word and word.split("-")[0].isupper() else "NOUN"
        if word[0].isupper() and sent_start:
            # sentence-initial: prefer the lower-case reading if it is a known word
            if simplemma.is_known(low, lang="de") and not simplemma.is_known(word, lang="de"):
                word = low
            else:
                return _noun_lemma(word), "NOUN"
        lemma = simplemma.lemmatize(word, lang="de")
        if lemma[:1].isupper():
            lemma = lemma.lower()
        if lemma.endswith(_ADJ_SUFFIXES_DE) or (lemma != word and word.endswith(("e", "en", "er", "es", "em"))
                                                 and not lemma.endswith(_VERB_SUFFIXES_DE)):
            return lemma, "ADJ"
        if lemma.endswith(_VERB_SUFFIXES_DE):
            return lemma, "VERB"
        return lemma, "ADV"

    def _analyse_en(self, word: str, low: str, sent_start: bool) -> tuple[str, str]:
        if word[0].isupper() and not sent_start:
            return word, "PROPN"
        lemma = simplemma.lemmatize(low, lang="en")
        if low.endswith(("ed", "ing")) or (low.endswith("s") and lemma != low and not low.endswith("ss")):
            return lemma, "VERB" if low.endswith(("ed", "ing")) else "NOUN"
        if low.endswith("ly"):
            return lemma, "ADV"
        if low.endswith(("ous", "ive", "al", "ic", "ian", "ese", "ish", "ful", "able", "ible")):
            return lemma, "ADJ"
        return lemma, "NOUN"

    def compound_head(self, lemma: str) -> str | None:
        """The head noun of a German compound (Waffenlieferung -> Lieferung), or None."""
        if len(lemma) < 7 or not lemma[0].isupper():
            return None
        if lemma not in self._heads:
            tail = split_compound(lemma, min_left=4)
            self._heads[lemma] = simplemma.lemmatize(tail.capitalize(), lang="de") if tail else None
        return self._heads[lemma]


def split_compound(word: str, min_left: int = 3) -> str | None:
    """The surface head of a German compound (Energielieferungen -> lieferungen): the longest tail
    that is a known word and whose left part (less a linking element) is a known word too."""
    low = word.lower()
    for i in range(min_left, len(low) - 3):
        tail = low[i:]
        if not simplemma.is_known(tail.capitalize(), lang="de"):
            continue
        left = word[:i]
        if any(left.endswith(f) and _known_part(left[: len(left) - len(f)] if f else left) for f in _FUGEN):
            return tail
    return None


def _noun_lemma(word: str) -> str:
    """simplemma's lemma for a capitalised word; names keep their form, bar a genitive -s."""
    lemma = simplemma.lemmatize(word, lang="de")
    if lemma == word and word.endswith("s") and word[:-1].endswith(_GENITIVE_S_STEMS):
        return word[:-1]
    return word if lemma.lower() == word.lower() else lemma


def _known_part(part: str) -> bool:
    return len(part) >= 3 and (simplemma.is_known(part.capitalize(), lang="de") or simplemma.is_known(part.lower(), lang="de"))


def expand_elliptic(tokens: list[Token]) -> None:
    """'Technologie-, Lebensmittel- und Energielieferungen': give each truncated part its full form."""
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if not (len(t.text) > 2 and t.text.endswith("-") and t.text[0].isalpha()):
            i += 1
            continue
        group = [i]
        j = i + 1
        while j < n:
            tx = tokens[j].text
            if tx == ",":
                j += 1
                continue
            if len(tx) > 2 and tx.endswith("-"):
                group.append(j)
                j += 1
                continue
            break
        if j + 1 < n and tokens[j].text in _CONJ:
            full = tokens[j + 1].text
            head = split_compound(full) if full[:1].isupper() else None
            if head is None and "-" in full:
                head = full.split("-", 1)[1]
            if head:
                for g in group:
                    part = tokens[g].text[:-1]
                    tokens[g].expanded = part + head if full[:1].isupper() and "-" not in full else part + "-" + head
        i = j + 1


class LemmatizeStage:
    name = "lemmatize"
    requires = ("tokens", "sentences")
    assigns = ("lemmas", "pos", "compound_heads")

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lem = lemmatizer

    def __call__(self, doc: Document) -> Document:
        lang = doc.language or "de"
        analyse = self.lem.analyse
        for tok in doc.tokens:
            tok.lemma, tok.pos = analyse(tok.text, lang, tok.is_sent_start)
        if lang == "de":
            toks = doc.tokens
            for i in range(1, len(toks) - 1):
                # "der oppositionsnahen Armee": an attributive adjective, not a verb
                if toks[i].pos == "VERB" and toks[i - 1].pos == "DET" and toks[i + 1].text[:1].isupper():
                    toks[i].pos = "ADJ"
            expand_elliptic(doc.tokens)
            head = self.lem.compound_head
            for tok in doc.tokens:
                if tok.pos == "NOUN":
                    tok.head = head(tok.lemma)
                if tok.expanded:
                    tok.lemma = simplemma.lemmatize(tok.expanded, lang="de")
                    tok.head = head(tok.lemma)
        return doc


def make_lemmatize(config: Config, res: Resources) -> LemmatizeStage:
    return LemmatizeStage(res.lemmatizer)
