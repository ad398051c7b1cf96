"""Loading the knowledge base from TSV directories (packaged data, then user overlays).

A user directory overlays the packaged one: same ids replace, new ids add. Malformed lines,
unknown codes and overlapping tenures raise DataFileError naming the file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ..errors import DataFileError
from ..tsv import package_data, read_tsv
from .model import Country, Entity, Form, KnowledgeBase, Place, Role

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
SECTORS = frozenset("AGR BUS COP CRM CVL EDU ELI GOV IGO JRN JUD LAB LEG MED MIL NGO OPP PRE PRM PTY REB REF "
                    "SPY UAF UNK".split())


def _date(path: Path, n: int, s: str) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise DataFileError(str(path), n, f"invalid date {s!r} (use YYYY-MM-DD)") from None


def _float(path: Path, n: int, s: str) -> float | None:
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        raise DataFileError(str(path), n, f"invalid number {s!r}") from None


def _aliases(s: str) -> list[str]:
    return [a.strip() for a in s.split("|") if a.strip()]


class _Loader:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.role_lines: dict[str, list[tuple[Role, str, int]]] = {}
        self.origin: dict[str, Path] = {}
        self.current_dir = Path()

    def code_ok(self, path: Path, n: int, code: str) -> str:
        if code.startswith(("IGO:", "NSA:")) and len(code) > 4:
            return code
        if code not in self.kb.countries:
            raise DataFileError(str(path), n, f"unknown country code {code!r}")
        return code

    def sector_ok(self, path: Path, n: int, sector: str) -> str | None:
        if not sector:
            return None
        if sector not in SECTORS:
            raise DataFileError(str(path), n, f"unknown sector {sector!r}")
        return sector

    def countries(self, path: Path) -> None:
        req = ("code", "iso2", "name_en", "name_de")
        for n, r in read_tsv(path, required=req):
            if len(r["code"]) != 3 or not r["code"].isupper():
                raise DataFileError(str(path), n, f"bad ISO alpha-3 code {r['code']!r}")
            self.kb.countries[r["code"]] = Country(
                r["code"], r["iso2"], r["name_en"], r["name_de"], r.get("capital_de", ""),
                _float(path, n, r.get("lat", "")), _float(path, n, r.get("lon", "")),
                _date(path, n, r.get("valid_from", "")), _date(path, n, r.get("valid_to", "")))
            self.kb.entities[f"state:{r['code']}"] = Entity(
                f"state:{r['code']}", "state", r["name_en"], r["code"], None, "state", name_de=r["name_de"])

    def country_forms(self, path: Path) -> None:
        for n, r in read_tsv(path, required=("code", "lang", "kind", "form")):
            code = self.code_ok(path, n, r["code"])
            kind, form, lang = r["kind"], r["form"], r["lang"]
            if kind not in ("name", "adjective", "demonym", "prefix"):
                raise DataFileError(str(path), n, f"unknown kind {kind!r}")
            ent = f"state:{code}"
            if kind == "adjective" and lang == "de" and form[:1].islower():
                for end in ADJ_ENDINGS:
                    self.kb.add_form(Form(form + end, "adjective", lang, code, ent))
                    self.kb.add_form(Form((form + end)[:1].upper() + (form + end)[1:], "adjective", lang, code, ent))
            elif kind == "adjective":
                self.kb.add_form(Form(form, "adjective", lang, code, ent))
            elif kind == "name":
                self.kb.add_form(Form(form, "country", lang, code, ent))
            elif kind == "demonym":
                self.kb.add_form(Form(form, "demonym", lang, code, ent, sector="CVL"))
            else:
                self.kb.add_form(Form(form, "prefix", lang, code, ent))

    def seats(self, path: Path) -> None:
        for n, r in read_tsv(path, required=("code", "lang", "form", "kind")):
            code = self.code_ok(path, n, r["code"])
            kind = r["kind"]
            if kind not in ("capital", "seat"):
                raise DataFileError(str(path), n, f"unknown kind {kind!r}")
            form = r["form"]
            self.kb.add_form(Form(form, kind, r["lang"], code, f"state:{code}",
                                  sector=self.sector_ok(path, n, r.get("sector", "")) or "GOV"))
            if kind == "capital" and r["lang"] == "de" and " " not in form and form[-1:].isalpha() \
                    and not form.endswith(("s", "er")):
                # "das Moskauer Außenministerium", "die Pekinger Führung"
                self.kb.add_form(Form(form + "er", "adjective", "de", code, f"state:{code}"))

    def organisations(self, path: Path) -> None:
        req = ("id", "kind", "country", "sector", "name_en")
        for n, r in read_tsv(path, required=req):
            code = self.code_ok(path, n, r["country"])
            kind = r["kind"]
            etype = "group" if kind in ("armed_group", "party") else "organisation"
            ent = Entity(r["id"], etype, r["name_en"], code, self.sector_ok(path, n, r["sector"]), kind,
                         aliases=_aliases(r.get("aliases", "")), name_de=r.get("name_de") or None)
            self.kb.entities[ent.id] = ent

    def agents(self, path: Path) -> None:
        for n, r in read_tsv(path, required=("lang", "form", "role", "sector")):
            self.kb.add_form(Form(r["form"], "agent", r["lang"], None, None,
                                  self.sector_ok(path, n, r["sector"]), r["role"],
                                  r.get("number") or "sg", r.get("type") or "agent"))

    def places(self, path: Path) -> None:
        req = ("id", "name_en", "name_de", "kind", "country")
        for n, r in read_tsv(path, required=req):
            code = self.code_ok(path, n, r["country"])
            pl = Place(r["id"], r["name_en"], r["name_de"], r["kind"], code,
                       _float(path, n, r.get("lat", "")), _float(path, n, r.get("lon", "")))
            self.kb.places[pl.id] = pl
            for form in dict.fromkeys([pl.name_en, pl.name_de, *_aliases(r.get("aliases", ""))]):
                if form:
                    self.kb.add_form(Form(form, "place", "*", code, pl.id))

    def people(self, path: Path) -> None:
        req = ("person_id", "name", "role", "country", "sector")
        for n, r in read_tsv(path, required=req):
            pid = r["person_id"]
            code = self.code_ok(path, n, r["country"])
            role = Role(r["role"], code, self.sector_ok(path, n, r["sector"]) or "GOV",
                        _date(path, n, r.get("from", "")), _date(path, n, r.get("to", "")))
            if role.start and role.end and role.end < role.start:
                raise DataFileError(str(path), n, f"role ends ({role.end}) before it starts ({role.start})")
            ent = self.kb.entities.get(pid)
            if ent is None or ent.type != "person" or self.origin.get(pid, self.current_dir) != self.current_dir:
                # a person first seen in an overlay directory replaces the packaged record
                ent = Entity(pid, "person", r["name"])
                self.kb.entities[pid] = ent
                self.role_lines.pop(pid, None)
            self.origin[pid] = self.current_dir
            duplicate = False
            for prev, prev_file, prev_line in self.role_lines.get(pid, []):
                if prev.role == role.role and prev.country == role.country and _overlap(prev, role):
                    if prev_file == str(path):
                        raise DataFileError(str(path), n, f"{pid}: tenure as {role.role} ({code}) overlaps "
                                            f"line {prev_line}")
                    duplicate = True  # the same tenure told by another file of the same KB
            if duplicate:
                continue
            self.role_lines.setdefault(pid, []).append((role, str(path), n))
            ent.roles.append(role)
            for a in [r["name"], *_aliases(r.get("aliases", ""))]:
                if a not in ent.aliases:
                    ent.aliases.append(a)

    def finish(self) -> None:
        for ent in self.kb.entities.values():
            if ent.type in ("organisation", "group"):
                for form in dict.fromkeys([ent.name, ent.name_de or "", *ent.aliases]):
                    if form:
                        self.kb.add_form(Form(form, "organisation", "*", ent.country, ent.id, ent.sector))
            if ent.type != "person":
                continue
            latest = ent.latest_role()
            if latest:
                ent.country, ent.sector = latest.country, latest.sector
            for a in ent.aliases:
                self.kb.add_form(Form(a, "person", "*", ent.country, ent.id, ent.sector))
                if a[-1:].isalpha() and not a.endswith(("s", "x", "z", "ß")):
                    # German genitive: "Putins Besuch", "Assads Rücktritt"
                    self.kb.add_form(Form(a + "s", "person", "de", ent.country, ent.id, ent.sector))


def _overlap(a: Role, b: Role) -> bool:
    a0, a1 = a.start or dt.date.min, a.end or dt.date.max
    b0, b1 = b.start or dt.date.min, b.end or dt.date.max
    return a0 < b1 and b0 < a1


def load_kb(dirs: Iterable[str | Path] | None = None, *, extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    """Load the packaged KB (or ``dirs``), then each of ``extra_dirs`` on top of it."""
    base = [Path(d) for d in dirs] if dirs is not None else [package_data("kb", "data")]
    all_dirs = base + [Path(d) for d in extra_dirs]
    kb = KnowledgeBase()
    ld = _Loader(kb)
    order = [("countries.tsv", ld.countries), ("country_forms.tsv", ld.country_forms),
             ("seats.tsv", ld.seats), ("organisations.tsv", ld.organisations),
             ("agents.tsv", ld.agents), ("places.tsv", ld.places)]
    for d in all_dirs:
        if not d.is_dir():
            raise DataFileError(str(d), 0, "knowledge-base directory not found")
        ld.current_dir = d
        for name, fn in order:
            p = d / name
            if p.exists():
                fn(p)
                kb.sources.append(str(p))
        people_dir = d / "people"
        people_files = sorted(people_dir.glob("*.tsv")) if people_dir.is_dir() else []
        people_files += [p for p in [d / "people.tsv"] if p.exists()]
        for p in people_files:
            ld.people(p)
            kb.sources.append(str(p))
    ld.finish()
    kb.index_roles()
    return kb
