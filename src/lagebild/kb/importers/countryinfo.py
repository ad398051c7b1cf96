"""CountryInfo.txt (Open Event Data Alliance) -> country_forms, seats, places and people TSV.

The file is almost-XML: ``<Country>`` blocks with one-line fields (``<ISO3166-alpha3>RUS</...>``,
``<CountryName>``) and multi-line blocks, one item a line: ``<Nationality>`` (adjectives and
other-language names), ``<Capital>``, ``<MajorCities>``, ``<Regions>``, ``<GeogFeatures>``,
``<Leaders>`` (sub-tags name the office, items ``NAME_ [YYYYMMDD - YYYYMMDD] [>YYYYMMDD] [B:...]``,
``{A}{B}`` listing name variants) and ``<Government>`` (``{A}{B} [RUSGOVMED >20080601] # office``).

Mapping: CountryName -> ``name`` (en); Nationality items ending like an adjective (-an, -ese,
-ish, -i, -ic) -> ``adjective`` (en), other items -> ``name`` (any language); Capital -> seats
``capital``; cities/regions/features -> places (no coordinates); leaders and government members ->
people with the office as role (Presidents -> head of state, Prime ministers -> head of
government, ...; from a Government comment where it names one office, else ``official``).
People and forms the KB already has are skipped (listed with the reason), so an import never
shadows the curated packaged records.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import (
    FORM_HEADER,
    PEOPLE_HEADER,
    PLACE_HEADER,
    SEAT_HEADER,
    ImportResult,
    Tenure,
    iso,
    merge_tenures,
    name_variants,
    norm_key,
    pretty_name,
    role_from_title,
    slug,
    tabari_date,
    write_tsv,
)
from .phoenix import parse_code

BLOCKS = ("Nationality", "Capital", "MajorCities", "Regions", "GeogFeatures", "Leaders", "Government",
          "Comment", "Doc")
PLACE_KINDS = {"MajorCities": "city", "Regions": "region", "GeogFeatures": "feature"}
_ADJ = re.compile(r"(?:an|ese|ish|i|ic|ch|que)$", re.I)
_BRACKET = re.compile(r"\[([^\]]*)\]")


class _Country:
    def __init__(self, line: int) -> None:
        self.line = line
        self.fields: dict[str, str] = {}
        self.blocks: dict[str, list[tuple[int, str]]] = {}


def _parse(path: Path, res: ImportResult) -> list[_Country]:
    out: list[_Country] = []
    cur: _Country | None = None
    block: str | None = None
    in_doc = False
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            s = line.strip()
            if in_doc:
                in_doc = "-->" not in s
                continue
            if s.startswith("<!--"):
                in_doc = "-->" not in s
                continue
            if not s or s.startswith("#"):
                continue
            if s.startswith("<Country>"):
                cur, block = _Country(n), None
                out.append(cur)
                continue
            if s.startswith("</Country>"):
                cur, block = None, None
                continue
            if cur is None:
                if s.startswith("<Comment>"):
                    block = "Comment"
                elif block == "Comment":
                    block = None if s.startswith("</Comment>") else block
                elif not s.startswith("<Doc>"):
                    res.skip(n, line, "text outside a <Country> block")
                continue
            if block is not None:
                if s.split("#")[0].strip().startswith(f"</{block}>"):
                    block = None
                else:
                    cur.blocks[block].append((n, line))
                continue
            m = re.match(r"<([A-Za-z0-9-]+)>(.*?)</\1>", s)
            if m:
                cur.fields[m.group(1)] = m.group(2).strip()
                continue
            m = re.match(r"<([A-Za-z]+)>\s*$", s)
            if m and m.group(1) in BLOCKS:
                block = m.group(1)
                cur.blocks.setdefault(block, [])
                continue
            res.skip(n, line, "unrecognised line")
    return out


def _names(text: str) -> list[str]:
    """'{A_}{B_}' or 'A_' -> ['A', 'B'] (pretty)."""
    braces = re.findall(r"\{([^}]*)\}", text)
    raw = braces if braces else [text]
    return [pretty_name(r) for r in raw if r.strip("_ ")]


def import_countryinfo(path: str | Path, out_dir: str | Path, countries: set[str],
                       known_people: dict[str, str] | None = None,
                       known_forms: dict[str, set[str]] | None = None) -> ImportResult:
    """Convert a CountryInfo file into country_forms/seats/places/people TSV in ``out_dir``."""
    src, out = Path(path), Path(out_dir)
    res = ImportResult(str(src), "countryinfo")
    known = known_people or {}
    kforms = known_forms or {}
    forms: dict[tuple[str, str, str], list[str]] = {}
    seats: dict[str, list[str]] = {}
    places: dict[str, list[str]] = {}
    people: dict[str, dict[str, object]] = {}

    def add_form(code: str, lang: str, kind: str, form: str, n: int) -> None:
        other = kforms.get(form, set()) - {code}
        if other:
            res.skip(n, form, f"form already in the KB for another code: {form} -> {','.join(sorted(other))}")
            return
        forms.setdefault((code, kind, form), [code, lang, kind, form])

    def add_person(names: list[str], tenures: list[Tenure], n: int, text: str) -> None:
        forms_ = list(dict.fromkeys(v for a in names for v in name_variants(a)))
        hit = next((known[k] for k in map(norm_key, forms_) if " " in k and k in known), None)
        if hit is not None:
            res.skip(n, text, f"already in the KB: {hit}")
            return
        pid = "ci_" + slug(names[0])
        rec = people.setdefault(pid, {"name": names[0], "aliases": [], "tenures": []})
        rec["aliases"] = list(dict.fromkeys([*rec["aliases"], *forms_]))  # type: ignore[misc]
        rec["tenures"] += tenures  # type: ignore[operator]

    for c in _parse(src, res):
        code = next((x for x in (c.fields.get("ISO3166-alpha3", ""), c.fields.get("CountryCode", ""))
                     if x in countries), None)
        if code is None:
            res.skip(c.line, c.fields.get("CountryName", "<Country>"),
                     f"unknown country code: {c.fields.get('CountryCode') or c.fields.get('ISO3166-alpha3')}")
            continue
        if c.fields.get("CountryName"):
            add_form(code, "en", "name", pretty_name(c.fields["CountryName"]), c.line)
        for n, item in c.blocks.get("Nationality", []):
            body = item.split("#")[0].strip()
            if not body:
                continue
            form = pretty_name(body)
            if _ADJ.search(form) and " " not in form:
                add_form(code, "en", "adjective", form, n)
            else:
                add_form(code, "*", "name", form, n)
        for _n, item in c.blocks.get("Capital", []):
            body = item.split("#")[0].strip()
            if body:
                form = pretty_name(body)
                seats.setdefault(form + "\t" + code, [code, "en", form, "capital", "GOV"])
        for block, kind in PLACE_KINDS.items():
            for n, item in c.blocks.get(block, []):
                body = item.split("#")[0].strip()
                if not body:
                    continue
                name = pretty_name(body)
                if len(name) < 3:
                    res.skip(n, item, "place name too short")
                    continue
                pid = f"ci_{code.lower()}_{slug(name)}"
                places.setdefault(pid, [pid, name, name, kind, code, "", "", ""])
        title = ""
        for n, item in c.blocks.get("Leaders", []):
            s = item.strip()
            if s.startswith("</"):
                continue
            if s.startswith("<"):
                title = s.strip("<>")
                continue
            body = s.split("#")[0]
            head = _BRACKET.sub(" ", body).strip()
            names = _names(head)
            if not names:
                res.skip(n, item, "leader line without a name")
                continue
            role = role_from_title(title.replace("_", " ")) or "leader"
            tenures = []
            for br in _BRACKET.findall(body):
                br = br.strip()
                if br.startswith(("B:", "D:")):
                    continue
                if br[:1].isalpha():  # a coded interval ([YUGSVNGOV 19670101 - 19730101])
                    pc = parse_code(br, countries)
                    if isinstance(pc, str) or not pc.dated:
                        res.skip(n, item, f"code skipped: {pc if isinstance(pc, str) else 'undated'}")
                        continue
                    t = _interval(br.split(None, 1)[1])
                    if not isinstance(t, str):
                        tenures.append(Tenure(role, pc.country, pc.sector or "GOV", *t))
                    continue
                t = _interval(br)
                if isinstance(t, str):
                    res.skip(n, item, f"date skipped: {t}")
                    continue
                tenures.append(Tenure(role, code, "GOV", *t))
            if not tenures:
                res.skip(n, item, "leader without a usable date")
                continue
            add_person(names, tenures, n, item)
        for n, item in c.blocks.get("Government", []):
            body, _, comment = item.strip().partition("#")
            head = _BRACKET.sub(" ", body).strip()
            names = _names(head)
            if not names:
                res.skip(n, item, "government line without a name")
                continue
            office = role_from_title(comment) if "&" not in comment and " and " not in comment else None
            tenures = []
            for br in _BRACKET.findall(body):
                if br.strip().startswith(("B:", "D:")):
                    continue
                pc = parse_code(br, countries)
                if isinstance(pc, str):
                    res.skip(n, item, f"code skipped: {pc}")
                    continue
                t = _interval(br.split(None, 1)[1]) if pc.dated else (None, None)
                if isinstance(t, str):
                    res.skip(n, item, f"date skipped: {t}")
                    continue
                sector = pc.sector or ("IGO" if pc.country.startswith("IGO:") else "GOV")
                role = "elite" if sector == "ELI" else (office or "official")
                tenures.append(Tenure(role, pc.country, sector, *t))
            if not tenures:
                res.skip(n, item, "government member without a usable code")
                continue
            add_person(names, tenures, n, item)
    stem = slug(src.stem) or "countryinfo"
    if forms:
        res.written["country_forms.tsv"] = write_tsv(out / "country_forms.tsv", FORM_HEADER, sorted(forms.values()),
                                                     f"imported from {src.name} (CountryInfo)")
    if seats:
        res.written["seats.tsv"] = write_tsv(out / "seats.tsv", SEAT_HEADER, sorted(seats.values()),
                                             f"imported from {src.name} (CountryInfo)")
    if places:
        res.written["places.tsv"] = write_tsv(out / "places.tsv", PLACE_HEADER, sorted(places.values()),
                                              f"imported from {src.name} (CountryInfo)")
    rows: list[list[str]] = []
    for pid, rec in sorted(people.items()):
        al = [a for a in rec["aliases"] if a != rec["name"]]  # type: ignore[attr-defined]
        for te in merge_tenures(rec["tenures"]):  # type: ignore[arg-type]
            rows.append([pid, str(rec["name"]), "|".join(al), te.role, te.country, te.sector, iso(te.start),
                         iso(te.end)])
    if rows:
        res.written[f"people/{stem}.tsv"] = write_tsv(out / "people" / f"{stem}.tsv", PEOPLE_HEADER, rows,
                                                      f"imported from {src.name} (CountryInfo)")
    res.notes.append(f"{len(people)} people, {len(forms)} country forms, {len(seats)} capitals, "
                     f"{len(places)} places")
    return res


def _interval(s: str) -> tuple[dt.date | None, dt.date | None] | str:
    """'YYYYMMDD - YYYYMMDD' | '>YYYYMMDD' | '<YYYYMMDD' -> (start, end), or a reason string."""
    s = s.strip()
    try:
        m = re.fullmatch(r"([<>])\s*(\d+)", s)
        if m:
            d = tabari_date(m.group(2))
            return (d, None) if m.group(1) == ">" else (None, d)
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", s)
        if m:
            a, b = tabari_date(m.group(1)), tabari_date(m.group(2))
            if b < a:
                return f"ends {b} before it starts {a}"
            return a, b
    except ValueError as exc:
        return str(exc)
    return f"unreadable interval [{s}]"
