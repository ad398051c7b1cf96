"""PETRARCH/Phoenix (TABARI-style) dictionaries -> people/organisations/agents TSV.

Actor files (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt)::

    VLADIMIR_PUTIN_  # CountryInfo.txt        an entry: words joined by '_', trailing '_'
    +PUTIN_                                   a synonym of the entry above
        [RUSGOV >080508]                      a code: country RUS, sector GOV, from 2008-05-08
        [USAELI 19970120-20010120]            dated interval (YYMMDD or YYYYMMDD; YY<=30 -> 20YY)
        [HTIOPPMED <061231]                   held until 2006-12-31
        [RUSELI]                              undated: the fallback code outside dated ones

Codes are split into 3-letter groups: a country (ISO3; ``IGO`` + organisation) and sectors; the
first group that is a PLOVER sector becomes the row's sector. Entries with dated codes (or a
multi-word name and a sector) become people; single-word or organisation-like names with an
undated code become organisations; bare country entries (``AFGHANISTAN_ [AFG]``) are skipped
(import CountryInfo for country names). Title aliases ("PRESIDENT_PUTIN_") are dropped, since the
matcher composes role + name itself. Roles come from the entry's comment where it names an office,
else ``official`` (``elite`` for ELI codes). Overlapping tenures of the same role are merged.

Agent files (Phoenix.agents.txt)::

    !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES     a macro
    PRESIDENT_ [~GOV]                                         agent form and its sector suffix
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]         explicit plural ('{}' = none)
    PEACEKEEPING_TROOPS {} [IGO~]                             an IGO agent

become English agents.tsv rows (lower case and capitalised, singular and a regular plural).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..load import SECTORS
from . import (
    AGENT_HEADER,
    ORG_HEADER,
    PEOPLE_HEADER,
    ImportResult,
    Tenure,
    is_title_alias,
    iso,
    merge_tenures,
    name_variants,
    norm_key,
    pretty_name,
    role_from_title,
    sector_of,
    slug,
    tabari_date,
    write_tsv,
)

# CAMEO IGO codes -> the project's IGO: ids (others keep their CAMEO code)
IGO_CODES = {"UNO": "UN", "NAT": "NATO", "EEC": "EU", "EUR": "EU", "AFU": "AU", "ASN": "ASEAN",
             "WTO": "WTO", "IMF": "IMF", "WBK": "WB", "OSC": "OSCE", "ARL": "ARAB_LEAGUE", "GCC": "GCC",
             "OAS": "OAS", "OPC": "OPEC", "ICC": "ICC", "IAE": "IAEA", "WHO": "WHO", "CIS": "CIS",
             "SCO": "SCO", "AFB": "AFDB", "ASB": "ADB"}

# old or non-ISO CAMEO country codes -> ISO alpha-3 (used only when the target is a known country)
COUNTRY_ALIASES = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "USR": "SUN", "SRB": "SRB"}
REGION_GROUPS = frozenset("WST EST AFR ASA EUR LAM MEA NMR SAM SAS SEA CAS CAU BLK BAL NAF WAF EAF SAF CAF".split())

ORG_WORDS = frozenset("""PARTY ARMY MINISTRY MINISTRIES COUNCIL FRONT MOVEMENT ORGANIZATION ORGANISATION AGENCY
BANK COMMISSION COMMITTEE ASSOCIATION UNION FEDERATION GOVERNMENT PARLIAMENT ASSEMBLY COURT TRIBUNAL FORCE
FORCES BRIGADE BRIGADES GROUP INSTITUTE FOUNDATION FUND PROGRAM PROGRAMME OFFICE SERVICE NEWS AGENCY TIMES
POST RADIO TELEVISION TV CORPORATION COMPANY INC LTD ALLIANCE LEAGUE CONGRESS SENATE POLICE NAVY
MILITIA AUTHORITY DEPARTMENT CENTER CENTRE NETWORK COALITION INITIATIVE MISSION PANEL SECRETARIAT
UNIVERSITY CHURCH CONFERENCE""".split())

AGENT_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (r"^president$|^presidents$", "head of state"),
    (r"^prime minister|^premier$", "head of government"),
    (r"^foreign minister|^minister of foreign affairs", "foreign minister"),
    (r"^defen[cs]e minister|^minister of defen[cs]e", "defence minister"),
    (r"^interior minister", "interior minister"),
    (r"^finance minister", "finance minister"),
    (r"spokes(?:man|men|woman|women|person|people)", "spokesperson"),
    (r"ambassador", "ambassador"),
    (r"diplomat", "diplomat"),
    (r"minister", "minister"),
    (r"rebel|insurgent|guerrilla", "rebels"),
    (r"soldier", "soldiers"),
    (r"troops", "troops"),
    (r"police|gendarm", "police"),
    (r"protester|demonstrator", "protesters"),
    (r"refugee", "refugees"),
    (r"journalist|reporter|correspondent", "journalists"),
    (r"analyst", "analysts"),
    (r"expert", "experts"),
    (r"activist", "activists"),
    (r"terrorist", "terrorists"),
    (r"militant", "militants"),
    (r"opposition", "opposition"),
    (r"navy|naval", "navy"),
    (r"air force", "air force"),
    (r"army|military", "military"),
    (r"parliament|legislat|lawmaker|senat|congress", "parliament"),
    (r"court|judge|judicia", "court"),
    (r"intelligence|spy|spies", "intelligence"),
    (r"government|cabinet", "government"),
    (r"civilian", "civilians"),
)

SECTOR_ROLES = {"GOV": "officials", "MIL": "military", "COP": "police", "REB": "rebels", "OPP": "opposition",
                "JRN": "journalists", "MED": "journalists", "CVL": "civilians", "LEG": "parliament", "JUD": "court",
                "REF": "refugees", "SPY": "intelligence", "EDU": "experts", "NGO": "activists", "ELI": "leader",
                "PTY": "party", "BUS": "business", "LAB": "workers", "AGR": "farmers", "CRM": "criminals",
                "UAF": "militants", "IGO": "officials", "PRE": "leader", "PRM": "leader", "UNK": "people"}

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class _Code:
    country: str
    sector: str | None
    start_s: str = ""
    end_s: str = ""
    dated: bool = False


@dataclass
class _Entry:
    line: int
    raw: str
    comment: str = ""
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[int, str]] = field(default_factory=list)


def _split_comment(line: str) -> tuple[str, str]:
    i = line.find("#")
    return (line, "") if i < 0 else (line[:i], line[i + 1:].strip())


def _parse_entries(lines: Iterable[str], res: ImportResult) -> list[_Entry]:
    entries: list[_Entry] = []
    cur: _Entry | None = None
    joined = False  # the current entry runs on without a blank line
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        body, comment = _split_comment(line)
        if not body.strip():
            joined = joined and line.strip().startswith("#")
            continue
        codes = _CODE.findall(body)
        head = _CODE.sub(" ", body)
        if body[:1].isspace() and head.strip() and codes:
            body = body.lstrip()  # an indented entry line ("\tJOHN_MCCLOY_\t[IGO...]")
        if not body.startswith(("+", " ", "\t")) and cur is not None and joined and not cur.codes:
            # TABARI: consecutive root phrases before one code block are synonyms
            cur.aliases.append(head.strip())
            cur.codes += [(n, c) for c in codes]
            continue
        joined = True
        if body.startswith("+"):
            if cur is None:
                res.skip(n, line, "synonym without an entry")
                continue
            cur.aliases.append(head[1:].strip())
            cur.codes += [(n, c) for c in codes]
        elif body[:1].isspace():
            if cur is None or not codes or head.strip():
                res.skip(n, line, "unrecognised line (expected codes in [...])")
                continue
            cur.codes += [(n, c) for c in codes]
        else:
            if "[" in head or "]" in head or "{" in head:
                res.skip(n, line, "malformed entry (unbalanced brackets)")
                cur = None
                continue
            cur = _Entry(n, head.strip(), comment)
            cur.codes += [(n, c) for c in codes]
            entries.append(cur)
    return entries


def parse_code(text: str, countries: set[str]) -> _Code | str:
    """A code, or a reason string why it is unusable."""
    m = re.fullmatch(r"\s*([A-Z0-9-]*)\s*(.*?)\s*", text)
    if not m or not m.group(1):
        return f"empty or malformed code [{text}]"
    letters, dates = m.group(1), m.group(2)
    if set(letters) == {"-"}:
        return f"null code [{text}]"
    if len(letters) < 3 or len(letters) % 3:
        return f"code [{text}] is not in 3-letter groups"
    groups = [letters[i:i + 3] for i in range(0, len(letters), 3)]
    sector: str | None
    groups[0] = COUNTRY_ALIASES.get(groups[0], groups[0]) if COUNTRY_ALIASES.get(groups[0]) in countries \
        else groups[0]
    if len(groups) == 1 and groups[0] in SECTORS and groups[0] not in countries:
        return f"null code [{text}]"  # a sector-only fallback ([ELI]) after dated codes
    if groups[0] == "IGO":
        if len(groups) < 2:
            return f"IGO code [{text}] names no organisation"
        known = [g for g in groups[1:] if g in IGO_CODES]
        org = IGO_CODES[known[-1]] if known else next((g for g in groups[1:] if g not in REGION_GROUPS), "")
        if not org:
            return f"IGO code [{text}] names no organisation"
        country = "IGO:" + org
        sector = sector_of([g for g in groups[2:] if g not in IGO_CODES]) or "IGO"
    elif groups[0] in ("NGO", "MNC"):
        home = next((g for g in groups[1:] if g in countries), None)
        if home is None:
            return f"transnational {groups[0]} code without a home country [{text}]"
        country, sector = home, "NGO" if groups[0] == "NGO" else "BUS"
    else:
        country = groups[0]
        if country not in countries:
            return f"unknown country code {country!r} in [{text}]"
        sector = sector_of(groups[1:])
        if sector is None and len(groups) > 1:
            return f"no known sector in [{text}]"
    code = _Code(country, sector)
    if dates:
        dm = re.fullmatch(r"([<>])\s*(\d+)|(\d+)\s*-\s*(\d+)", dates)
        if not dm:
            return f"unreadable date part {dates!r} in [{text}]"
        code.dated = True
        if dm.group(1) == ">":
            code.start_s = dm.group(2)
        elif dm.group(1) == "<":
            code.end_s = dm.group(2)
        else:
            code.start_s, code.end_s = dm.group(3), dm.group(4)
    return code


def _is_org_name(words: list[str]) -> bool:
    return any(w.strip(".,").upper() in ORG_WORDS for w in words)


def import_actors(path: str | Path, out_dir: str | Path, countries: set[str],
                  known_people: dict[str, str] | None = None) -> ImportResult:
    """Convert a Phoenix/PETRARCH actor dictionary into people/ and organisations.tsv in ``out_dir``."""
    src = Path(path)
    out = Path(out_dir)
    res = ImportResult(str(src), "phoenix-actors")
    with src.open(encoding="utf-8", errors="replace") as fh:
        entries = _parse_entries(fh, res)
    known = known_people or {}
    people: dict[str, dict[str, object]] = {}
    orgs: dict[str, list[str]] = {}
    for e in entries:
        codes: list[_Code] = []
        for n, c in e.codes:
            pc = parse_code(c, countries)
            if isinstance(pc, str):
                if not pc.startswith("null code"):
                    res.skip(n, c, f"code skipped: {pc}")
                continue
            codes.append(pc)
        words = [w for w in re.split(r"[_\s]+", e.raw.strip("_ ")) if w]
        if not words:
            res.skip(e.line, e.raw, "empty entry name")
            continue
        if not codes:
            res.skip(e.line, e.raw, "no usable code")
            continue
        if all(c.sector is None and not c.dated for c in codes) and not codes[0].country.startswith("IGO:"):
            res.skip(e.line, e.raw, "country-level name (import a CountryInfo file for country names)")
            continue
        name = pretty_name(e.raw)
        dated = [c for c in codes if c.dated]
        is_org = _is_org_name(words) or (not dated and len(words) == 1)
        if is_org:
            c0 = codes[0]
            sector = c0.sector or ("IGO" if c0.country.startswith("IGO:") else "GOV")
            kind = _org_kind(sector, c0.country, words)
            oid = "phx_" + slug(name)
            if oid in orgs:
                res.skip(e.line, e.raw, f"duplicate organisation: {oid}")
                continue
            aliases = [pretty_name(a) for a in e.aliases if a.strip("_ ")]
            orgs[oid] = [oid, kind, c0.country, sector, name, "", "|".join(dict.fromkeys(aliases))]
            continue
        # a person
        aliases = [name]
        for a in e.aliases:
            if not a.strip("_ ") or is_title_alias(a):
                continue
            aliases.append(pretty_name(a))
        forms = list(dict.fromkeys(v for a in aliases for v in name_variants(a)))
        hit = next((known[k] for k in (norm_key(f) for f in forms) if " " in k and k in known), None)
        if hit is not None:
            res.skip(e.line, e.raw, f"already in the KB: {hit}")
            continue
        comment_role = role_from_title(e.comment)
        tenures: list[Tenure] = []
        use = dated or codes  # undated codes are TABARI fallbacks when dated ones exist
        for cu in use:
            try:
                start = tabari_date(cu.start_s) if cu.start_s else None
                end = tabari_date(cu.end_s) if cu.end_s else None
            except ValueError as exc:
                res.skip(e.line, e.raw, f"code skipped: {exc}")
                continue
            if start and end and end < start:
                res.skip(e.line, e.raw, f"code skipped: ends {end} before it starts {start}")
                continue
            sector = cu.sector or ("IGO" if cu.country.startswith("IGO:") else "GOV")
            role = "elite" if sector == "ELI" else (comment_role if len(use) == 1 and comment_role else "official")
            tenures.append(Tenure(role, cu.country, sector, start, end))
        if not tenures:
            res.skip(e.line, e.raw, "no usable code")
            continue
        pid = "phx_" + slug(name)
        rec = people.setdefault(pid, {"name": name, "aliases": [], "tenures": []})
        rec["aliases"] = list(dict.fromkeys([*rec["aliases"], *forms]))  # type: ignore[misc]
        rec["tenures"] += tenures  # type: ignore[operator]
    rows: list[list[str]] = []
    for pid, rec in sorted(people.items()):
        al = [a for a in rec["aliases"] if a != rec["name"]]  # type: ignore[attr-defined]
        for t in merge_tenures(rec["tenures"]):  # type: ignore[arg-type]
            rows.append([pid, str(rec["name"]), "|".join(al), t.role, t.country, t.sector, iso(t.start),
                         iso(t.end)])
    stem = slug(src.stem) or "phoenix"
    if rows:
        res.written[f"people/{stem}.tsv"] = write_tsv(out / "people" / f"{stem}.tsv", PEOPLE_HEADER, rows,
                                                      f"imported from {src.name} (Phoenix actors)")
    if orgs:
        res.written["organisations.tsv"] = write_tsv(out / "organisations.tsv", ORG_HEADER,
                                                     sorted(orgs.values()),
                                                     f"imported from {src.name} (Phoenix actors)")
    res.notes.append(f"{len(people)} people, {len(orgs)} organisations")
    return res


def _org_kind(sector: str, country: str, words: list[str]) -> str:
    up = {w.upper() for w in words}
    if sector in ("REB", "UAF"):
        return "armed_group"
    if sector == "PTY" or "PARTY" in up:
        return "party"
    if sector in ("MED", "JRN"):
        return "media"
    if country.startswith("IGO:"):
        return "igo"
    if sector == "NGO":
        return "ngo"
    if sector == "BUS":
        return "company"
    return "agency"


# ---- agents ------------------------------------------------------------------------------
def _plural(words: list[str]) -> list[str]:
    last = words[-1]
    low = last.lower()
    if low.endswith("man"):
        p = last[:-3] + ("MEN" if last.isupper() else "men")
    elif re.search(r"[^aeiou]y$", low):
        p = last[:-1] + ("IES" if last.isupper() else "ies")
    elif re.search(r"(?:s|sh|ch|x|z)$", low):
        p = last + ("ES" if last.isupper() else "es")
    else:
        p = last + ("S" if last.isupper() else "s")
    return [*words[:-1], p]


def _expand(text: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!([A-Z]+)!", text)
    if not m:
        return [text]
    vals = macros.get(m.group(1))
    if vals is None:
        raise KeyError(m.group(1))
    out: list[str] = []
    for v in vals:
        out += _expand(text[:m.start()] + v + text[m.end():], macros)
    return out


def import_agents(path: str | Path, out_dir: str | Path) -> ImportResult:
    """Convert a Phoenix agents dictionary into an English agents.tsv in ``out_dir``."""
    src = Path(path)
    res = ImportResult(str(src), "phoenix-agents")
    macros: dict[str, list[str]] = {}
    rows: dict[str, list[str]] = {}
    with src.open(encoding="utf-8", errors="replace") as fh:
        for n, raw in enumerate(fh, 1):
            body, _ = _split_comment(raw.rstrip("\r\n"))
            if not body.strip():
                continue
            mm = re.fullmatch(r"\s*!([A-Z]+)!\s*=\s*(.+?)\s*", body)
            if mm:
                macros[mm.group(1)] = [v.strip() for v in mm.group(2).split(",") if v.strip()]
                continue
            m = re.fullmatch(r"\s*([^\[\]{}]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]*)\]\s*", body)
            if not m:
                res.skip(n, body, "no agent code [~XXX]" if "[" not in body else "malformed agent line")
                continue
            form_raw, plural_raw, code = m.group(1), m.group(2), m.group(3).strip()
            cm = re.fullmatch(r"~([A-Z]*)|([A-Z]{3})~", code)
            if not cm:
                res.skip(n, body, f"malformed agent code [{code}]")
                continue
            groups_s = cm.group(1) if cm.group(1) is not None else cm.group(2)
            groups = [groups_s[i:i + 3] for i in range(0, len(groups_s), 3)]
            sector = sector_of(groups)
            if sector is None:
                res.skip(n, body, f"sector not in the PLOVER set: [{code}]")
                continue
            try:
                singulars = _expand(form_raw, macros)
            except KeyError as exc:
                res.skip(n, body, f"unknown macro !{exc.args[0]}!")
                continue
            for sing in singulars:
                words = [w for w in re.split(r"[_\s]+", sing.strip("_ ")) if w]
                if not words:
                    continue
                explicit_pl = plural_raw is not None
                number = "pl" if re.search(r"(?:MEN|S)$", words[-1]) and "!" in form_raw else "sg"
                variants: list[tuple[list[str], str]] = [(words, number)]
                if explicit_pl and plural_raw and plural_raw.strip("_ "):
                    variants.append(([w for w in re.split(r"[_\s]+", plural_raw.strip("_ ")) if w], "pl"))
                elif not explicit_pl and "!" not in form_raw:
                    variants.append((_plural(words), "pl"))
                for ws, num in variants:
                    low = " ".join(ws).lower()
                    if len(low) < 3:
                        continue
                    role = _agent_role(low, sector)
                    typ = "group" if num == "pl" or role in ("government", "military", "police", "parliament",
                                                              "court", "opposition", "intelligence") else "agent"
                    for form in (low, low[:1].upper() + low[1:]):
                        if form not in rows:
                            rows[form] = ["en", form, role, sector, typ, num]
    if rows:
        res.written["agents.tsv"] = write_tsv(Path(out_dir) / "agents.tsv", AGENT_HEADER, list(rows.values()),
                                              f"imported from {src.name} (Phoenix agents)")
    return res


def _agent_role(form: str, sector: str) -> str:
    for pat, role in AGENT_ROLE_WORDS:
        if re.search(pat, form):
            return role
    return SECTOR_ROLES.get(sector, "officials")


def looks_like_agents(path: str | Path) -> bool:
    """True for an agents dictionary ([~GOV] codes), False for an actor dictionary."""
    with Path(path).open(encoding="utf-8", errors="replace") as fh:
        for _, line in zip(range(3000), fh, strict=False):
            if re.search(r"\[~[A-Z]*\]|\[[A-Z]{3}~\]", line):
                return True
    return False


def import_phoenix(path: str | Path, out_dir: str | Path, countries: set[str],
                   known_people: dict[str, str] | None = None) -> ImportResult:
    if looks_like_agents(path):
        return import_agents(path, out_dir)
    return import_actors(path, out_dir, countries, known_people)
