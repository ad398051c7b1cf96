"""Code tables for exports (data files in export/data): countries (ISO -> FIPS, CAMEO), IGOs,
CAMEO roots, PLOVER categories and modes. Loaded per export; small and immutable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from ..tsv import package_data, read_tsv


@dataclass(frozen=True)
class Country:
    iso3: str
    fips: str
    cameo: str
    name: str


@dataclass(frozen=True)
class Igo:
    short: str
    cameo_code: str
    cameo_country: str
    known_group: str
    plover_code: str
    name: str


@dataclass(frozen=True)
class PloverRow:
    category: str
    mode: str
    quad_class: int
    cameo: str
    goldstein: float
    score: float


@dataclass(frozen=True)
class CodeTables:
    countries: MappingProxyType[str, Country]
    igos: MappingProxyType[str, Igo]
    roots: MappingProxyType[str, tuple[int, float]]
    plover: MappingProxyType[tuple[str, str], PloverRow]

    def category_default(self, category: str, mode: str | None = None) -> PloverRow | None:
        return self.plover.get((category, (mode or "").lower())) or self.plover.get((category, ""))

    def quad_for_cameo(self, code: str) -> int | None:
        r = self.roots.get(code[:2])
        return r[0] if r else None

    def goldstein_for_cameo(self, code: str) -> float | None:
        for row in self.plover.values():
            if row.cameo == code:
                return row.goldstein
        r = self.roots.get(code[:2])
        return r[1] if r else None

    def valid_cameo(self, code: str | None) -> bool:
        return bool(code) and re.fullmatch(r"\d{2,4}", code or "") is not None and (code or "")[:2] in self.roots


# PLOVER sector -> CAMEO actor type code (PLOVER's MED is health = CAMEO HLH; JRN = CAMEO MED)
SECTOR_TO_CAMEO = MappingProxyType({
    "GOV": "GOV", "MIL": "MIL", "JUD": "JUD", "LEG": "LEG", "COP": "COP", "PTY": "PTY", "REB": "REB",
    "SPY": "SPY", "UAF": "UAF", "BUS": "BUS", "CRM": "CRM", "CVL": "CVL", "EDU": "EDU", "ELI": "ELI",
    "JRN": "MED", "MED": "HLH", "LAB": "LAB", "REF": "REF", "OPP": "OPP", "REL": "REL", "AGR": "AGR",
    "SOC": "NGO", "IGO": "IGO", "NGO": "NGO",
})


def load_tables() -> CodeTables:
    base = ("export", "data")
    countries = {r["iso3"]: Country(r["iso3"], r["fips"], r["cameo"], r["name"])
                 for _, r in read_tsv(package_data(*base, "countries.tsv"), required=("iso3", "fips", "cameo", "name"))}
    igos = {r["short"].upper(): Igo(r["short"].upper(), r["cameo_code"], r["cameo_country"], r["known_group"],
                                    r["plover_code"], r["name"])
            for _, r in read_tsv(package_data(*base, "igo.tsv"), required=("short", "cameo_code"))}
    roots = {r["root"]: (int(r["quad_class"]), float(r["goldstein"]))
             for _, r in read_tsv(package_data(*base, "cameo_roots.tsv"), required=("root", "quad_class", "goldstein"))}
    plover = {(r["category"], r["mode"]): PloverRow(r["category"], r["mode"], int(r["quad_class"]), r["cameo"],
                                                   float(r["goldstein"]), float(r["score"]))
              for _, r in read_tsv(package_data(*base, "plover.tsv"), required=("category", "mode", "cameo"))}
    return CodeTables(MappingProxyType(countries), MappingProxyType(igos), MappingProxyType(roots),
                      MappingProxyType(plover))
