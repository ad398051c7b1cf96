"""Importers: external actor dictionaries -> the project's TSV formats, in an overlay directory.

Each importer reads an external file with its own parser and writes rows in the formats of
``kb/data/FORMAT.md`` into an output directory that users add with ``kb_dirs`` (config) or
``--kb-dir``. A malformed or unusable line is skipped with a reason (counted and listed), never a
crash. Country codes are checked against the packaged countries, so the overlay loads cleanly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..load import SECTORS

PEOPLE_HEADER = ("person_id", "name", "aliases", "role", "country", "sector", "from", "to")
ORG_HEADER = ("id", "kind", "country", "sector", "name_en", "name_de", "aliases")
AGENT_HEADER = ("lang", "form", "role", "sector", "type", "number")
FORM_HEADER = ("code", "lang", "kind", "form")
SEAT_HEADER = ("code", "lang", "form", "kind", "sector")
PLACE_HEADER = ("id", "name_en", "name_de", "kind", "country", "lat", "lon", "aliases")

# words that make an alias a title phrase ("PRESIDENT_PUTIN_") rather than a name
TITLE_WORDS = frozenset("""PRESIDENT PRIME MINISTER PREMIER SECRETARY SECRETARY-GENERAL GENERAL FORMER ACTING
KING QUEEN PRINCE EMIR SULTAN SHEIKH DR DR. MR MR. MRS MRS. MS MS. SENATOR GOVERNOR CHAIRMAN CHIEF LEADER
AMBASSADOR SPOKESMAN SPOKESWOMAN COMMANDER DEPUTY VICE MAYOR SPEAKER JUDGE JUSTICE FOREIGN DEFENSE DEFENCE
RUSSIAN AMERICAN U.S. US UN U.N. UNITED NATIONS""".split())

# keywords in an office title / comment -> role label (first match wins)
ROLE_KEYWORDS: tuple[tuple[str, str], ...] = (
    (r"\bvice[- ]president", "vice president"),
    (r"\bdeputy (?:prime minister|premier)", "deputy prime minister"),
    (r"\bprime minister|\bpremier\b|\bchancellor|\bchairm[ae]n of the council of (?:ministers|people)"
     r"|\bhead of government", "head of government"),
    (r"\bpresident|\bking\b|\bkings\b|\bqueen|\bemir|\bsultan|\bmonarch|\bhead of state"
     r"|\bchairm[ae]n of the (?:presidium|state council)|\bgovernors?[- ]general", "head of state"),
    (r"\bforeign (?:affairs )?minister|\bminister (?:of|for) foreign affairs|\bsecretary of state\b",
     "foreign minister"),
    (r"\bdefen[cs]e minister|\bminister (?:of|for) (?:national )?defen[cs]e|\bsecretary of defen[cs]e",
     "defence minister"),
    (r"\binterior minister|\bminister (?:of|for) (?:the )?interior|\bminister of internal affairs",
     "interior minister"),
    (r"\bfinance minister|\bminister (?:of|for) finance|\bsecretary of the treasury", "finance minister"),
    (r"\bspokes(?:man|woman|person)", "spokesperson"),
    (r"\bambassador|\bpermanent representative", "ambassador"),
    (r"\bgeneral secretar(?:y|ies) of the communist party|\bparty leader", "party leader"),
    (r"\bminister\b|\bministers\b", "minister"),
)

# two-digit TABARI years: 00-30 -> 20YY, else 19YY (KEDS/TABARI/PETRARCH convention)
_YY_PIVOT = 30


def role_from_title(title: str | None) -> str | None:
    """A role label for an office title or comment ('Minister of Foreign Affairs' -> foreign minister)."""
    if not title:
        return None
    t = title.casefold()
    for pat, role in ROLE_KEYWORDS:
        if re.search(pat, t):
            return role
    return None


def tabari_date(s: str, *, clamp: bool = True) -> dt.date:
    """YYMMDD or YYYYMMDD (TABARI/PETRARCH); raises ValueError on anything else.

    With ``clamp`` a day past the month's end (CountryInfo writes 20040931 for "end of September")
    becomes the month's last day; otherwise it is an error."""
    s = s.strip()
    if not s.isdigit() or len(s) not in (6, 8):
        raise ValueError(f"bad date {s!r} (want YYMMDD or YYYYMMDD)")
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= _YY_PIVOT else 1900 + yy
        month, day = int(s[2:4]), int(s[4:6])
    else:
        year, month, day = int(s[:4]), int(s[4:6]), int(s[6:8])
    if clamp and 1 <= month <= 12 and 28 < day <= 31:
        day = min(day, calendar.monthrange(year, month)[1])
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"bad date {s!r}: {exc}") from None


def pretty_name(raw: str) -> str:
    """'VLADIMIR_PUTIN_' -> 'Vladimir Putin'; 'R.K._PACHAURI_' -> 'R.K. Pachauri'."""
    words = [w for w in re.split(r"[_\s]+", raw.strip().strip("_")) if w]
    return " ".join(re.sub(r"(^|[-.'])(\w)", lambda m: m.group(1) + m.group(2).upper(), w.lower()) for w in words)


def name_variants(name: str) -> list[str]:
    """The name, plus 'Kim Jong-un' style lower case after a hyphen ('Kim Jong-Un' -> 'Kim Jong-un')."""
    out = [name]
    if "-" in name:
        low = re.sub(r"-([A-Z])", lambda m: "-" + m.group(1).lower(), name)
        if low != name:
            out.append(low)
    return out


def is_title_alias(raw: str) -> bool:
    words = [w for w in re.split(r"[_\s]+", raw.strip().strip("_").upper()) if w]
    return any(w in TITLE_WORDS for w in words)


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def norm_key(name: str) -> str:
    """Comparison key for names: case- and accent-insensitive, single spaces."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s.casefold()).split())


def sector_of(groups: Sequence[str]) -> str | None:
    """The first 3-letter group that is a PLOVER/CAMEO sector we know."""
    for g in groups:
        if g in SECTORS:
            return g
    return None


@dataclass
class Skip:
    line: int
    text: str
    reason: str


@dataclass
class ImportResult:
    """What an import wrote (rows per output file) and what it skipped, with reasons."""

    source: str
    format: str
    written: dict[str, int] = field(default_factory=dict)
    skipped: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def skip(self, line: int, text: str, reason: str) -> None:
        self.skipped.append(Skip(line, text.strip()[:120], reason))

    def skip_reasons(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in self.skipped:
            key = s.reason.split(":")[0]
            out[key] = out.get(key, 0) + 1
        return dict(sorted(out.items(), key=lambda kv: -kv[1]))

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "format": self.format, "written": dict(self.written),
                "skipped": len(self.skipped), "skip_reasons": self.skip_reasons(),
                "skipped_lines": [{"line": s.line, "text": s.text, "reason": s.reason} for s in self.skipped],
                "notes": list(self.notes)}


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], comment: str) -> int:
    """Write a TSV file in the project's format (tabs and newlines inside cells become spaces)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# {comment}\n")
        fh.write("\t".join(header) + "\n")
        for row in rows:
            cells = [re.sub(r"[\t\r\n]+", " ", c).strip() for c in row]
            fh.write("\t".join(cells) + "\n")
            n += 1
    return n


@dataclass
class Tenure:
    role: str
    country: str
    sector: str
    start: dt.date | None
    end: dt.date | None


def merge_tenures(tenures: list[Tenure]) -> list[Tenure]:
    """Merge overlapping tenures of the same role and country (the loader rejects overlaps)."""
    out: list[Tenure] = []
    key = lambda t: (t.role, t.country, t.start or dt.date.min)  # noqa: E731
    for t in sorted(tenures, key=key):
        prev = out[-1] if out else None
        if prev is not None and prev.role == t.role and prev.country == t.country:
            p1 = prev.end or dt.date.max
            t0 = t.start or dt.date.min
            if t0 < p1:  # overlap (touching on one day is allowed by the loader)
                if t.end is None or (prev.end is not None and t.end > prev.end):
                    prev.end = t.end
                continue
        out.append(Tenure(t.role, t.country, t.sector, t.start, t.end))
    return out


def known_person_keys(kb_countries_and_people: object) -> dict[str, str]:
    """norm_key(multi-word name or alias) -> person id, for persons already in a KB."""
    from ..model import KnowledgeBase

    assert isinstance(kb_countries_and_people, KnowledgeBase)
    out: dict[str, str] = {}
    for e in kb_countries_and_people.entities.values():
        if e.type != "person":
            continue
        for a in [e.name, *e.aliases]:
            k = norm_key(a)
            if " " in k:
                out.setdefault(k, e.id)
    return out


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""
