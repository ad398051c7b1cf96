"""Tokenization: one compiled regular expression over the whole text (the hot path is in C).

Hyphenated words stay whole ("Jong-un", "Kreml-Sprecher", "US-Denkfabrik"), truncated
compound parts keep their hyphen ("Technologie-"), abbreviations and ordinals keep their dot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Config
from ..document import Document, Token
from ..resources import Resources
from ..tsv import package_data, read_tsv

_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"“”»«]*[^\s<>"“”»«.,;:!?)\]])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<dotted>(?:[^\W\d_]\.){2,})
  | (?P<num>\d+(?:[.,:/]\d+)*(?:-\w+)*)
  | (?P<word>\w+(?:[-'’&]\w+)*-?)
  | (?P<ell>\.\.\.+|…)
  | (?P<punct>\S)
    """,
    re.X,
)

@dataclass(frozen=True)
class Abbreviations:
    """Forms whose final period belongs to the word, and month names (after which a number's
    period marks an ordinal: "am 21. Jänner"), the latter from the time-expression data."""

    forms: frozenset[str]
    months: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> Abbreviations:
        forms = {row["form"] for _, row in read_tsv(package_data("stages", "data", "abbreviations.tsv"))}
        months = {row["form"].lower() for _, row in read_tsv(package_data("temporal", "data", "months.tsv"))
                  if row.get("kind") == "name"}
        return cls(frozenset(forms), frozenset(months))

    def __contains__(self, form: object) -> bool:
        return form in self.forms


def tokenize(text: str, abbreviations: Abbreviations) -> list[Token]:
    toks: list[Token] = []
    append = toks.append
    n = len(text)
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        kind = m.lastgroup
        if kind in ("word", "num") and end < n and text[end] == ".":
            word = text[start:end]
            if kind == "word" and (word + "." in abbreviations or (len(word) == 1 and word.isalpha())):
                end += 1
            elif kind == "num" and _is_ordinal(text, end + 1, abbreviations.months):
                end += 1
        append(Token(text[start:end], start, end))
    # the regex may have consumed a dot we merged into the previous token: drop overlaps
    if not toks:
        return toks
    out = [toks[0]]
    for t in toks[1:]:
        if t.start >= out[-1].end:
            out.append(t)
    return out


def _is_ordinal(text: str, pos: int, months: frozenset[str]) -> bool:
    """A number followed by '.' is an ordinal if lower case, a month or a number comes next."""
    j = pos
    n = len(text)
    while j < n and text[j] == " ":
        j += 1
    if j >= n or j == pos:
        return False
    c = text[j]
    if c.islower() or c.isdigit():
        return True
    k = j
    while k < n and text[k].isalpha():
        k += 1
    return text[j:k].lower() in months


class TokenizeStage:
    name = "tokenize"
    requires = ("text",)
    assigns = ("tokens",)

    def __init__(self, abbreviations: Abbreviations) -> None:
        self.abbreviations = abbreviations

    def __call__(self, doc: Document) -> Document:
        doc.tokens = tokenize(doc.text, self.abbreviations)
        return doc


def make_tokenize(config: Config, res: Resources) -> TokenizeStage:
    return TokenizeStage(Abbreviations.load())
