"""The temporal word lists (months, weekdays, relative words, cues), loaded from data/*.tsv."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..tsv import package_data, read_tsv

LANGS = ("de", "en")
CATEGORIES = frozenset({
    "day_offset", "daypart", "direction", "unit", "unit_plural", "part", "part_compound", "rel_word",
    "season", "number", "ordinal", "qualifier", "vague", "weekday_blocker", "weekday_blocker_after",
    "not_after_year",
    "quantity_before_year",
})
CUES = frozenset({"future", "modal", "perfect", "past", "not_preterite"})
# inflection endings of German adjective stems (vergangen-e/-en/-er/-es/-em)
DE_ENDINGS = ("em", "en", "er", "es", "e", "")


def norm(form: str) -> str:
    """The look-up key of a form: lower case, single spaces, straight apostrophes."""
    return " ".join(form.replace("’", "'").lower().split())


@dataclass
class LangLexicon:
    lang: str
    months: dict[str, int] = field(default_factory=dict)        # norm(form) -> 1..12
    month_forms: list[str] = field(default_factory=list)
    month_abbr: set[str] = field(default_factory=set)           # norm(form)
    weekdays: dict[str, int] = field(default_factory=dict)      # norm(form) -> 1..7
    weekday_forms: list[str] = field(default_factory=list)
    holidays: dict[str, str] = field(default_factory=dict)      # norm(form) -> rule
    holiday_forms: list[str] = field(default_factory=list)
    words: dict[str, dict[str, str]] = field(default_factory=dict)   # category -> norm(form) -> value
    forms: dict[str, list[str]] = field(default_factory=dict)        # category -> forms as written
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    def value(self, category: str, form: str | None) -> str | None:
        if form is None:
            return None
        return self.words.get(category, {}).get(norm(form))

    def stem_value(self, category: str, form: str | None) -> str | None:
        """Value of a German inflected adjective (vergangenen -> vergangen), else of the form."""
        if form is None:
            return None
        table = self.words.get(category, {})
        key = norm(form)
        if self.lang != "de":
            return table.get(key)
        for end in DE_ENDINGS:
            if end and not key.endswith(end):
                continue
            stem = key[: len(key) - len(end)] if end else key
            if stem in table:
                return table[stem]
        return None

    def category_forms(self, category: str) -> list[str]:
        return self.forms.get(category, [])

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())


@dataclass
class TemporalLexicon:
    langs: dict[str, LangLexicon]

    def __getitem__(self, lang: str) -> LangLexicon:
        return self.langs[lang if lang in self.langs else "de"]


def _path(data_dir: Path | None, name: str) -> Path:
    return data_dir / name if data_dir else package_data("temporal", "data", name)


def load_lexicon(data_dir: str | Path | None = None) -> TemporalLexicon:
    """Read the temporal data files (the packaged ones, or those in ``data_dir``)."""
    d = Path(data_dir) if data_dir else None
    langs = {lang: LangLexicon(lang) for lang in LANGS}

    def lex(path: Path, n: int, lang: str) -> LangLexicon:
        if lang not in langs:
            raise DataFileError(str(path), n, f"unknown language {lang!r}")
        return langs[lang]

    p = _path(d, "months.tsv")
    for n, row in read_tsv(p, required=("lang", "month", "form", "kind")):
        lx = lex(p, n, row["lang"])
        month = int(row["month"])
        if not 1 <= month <= 12:
            raise DataFileError(str(p), n, f"month {month} out of range")
        lx.months[norm(row["form"])] = month
        lx.month_forms.append(row["form"])
        if row["kind"] == "abbr":
            lx.month_abbr.add(norm(row["form"]))
    p = _path(d, "weekdays.tsv")
    for n, row in read_tsv(p, required=("lang", "weekday", "form")):
        lx = lex(p, n, row["lang"])
        wd = int(row["weekday"])
        if not 1 <= wd <= 7:
            raise DataFileError(str(p), n, f"weekday {wd} out of range")
        lx.weekdays[norm(row["form"])] = wd
        lx.weekday_forms.append(row["form"])
    p = _path(d, "holidays.tsv")
    for n, row in read_tsv(p, required=("lang", "form", "rule")):
        lx = lex(p, n, row["lang"])
        lx.holidays[norm(row["form"])] = row["rule"]
        lx.holiday_forms.append(row["form"])
    p = _path(d, "words.tsv")
    for n, row in read_tsv(p, required=("lang", "category", "form", "value")):
        lx = lex(p, n, row["lang"])
        cat = row["category"]
        if cat not in CATEGORIES:
            raise DataFileError(str(p), n, f"unknown category {cat!r}")
        lx.words.setdefault(cat, {})[norm(row["form"])] = row["value"]
        lx.forms.setdefault(cat, []).append(row["form"])
    p = _path(d, "cues.tsv")
    cues: dict[str, dict[str, set[str]]] = {lang: {} for lang in LANGS}
    for n, row in read_tsv(p, required=("lang", "cue", "form")):
        lex(p, n, row["lang"])
        if row["cue"] not in CUES:
            raise DataFileError(str(p), n, f"unknown cue {row['cue']!r}")
        cues[row["lang"]].setdefault(row["cue"], set()).add(norm(row["form"]))
    for lang, table in cues.items():
        langs[lang].cues = {k: frozenset(v) for k, v in table.items()}
    return TemporalLexicon(langs)
