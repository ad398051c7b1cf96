"""Loading the ontology tables (data files in ontology/data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..tsv import package_data, read_tsv

PLOVER_CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                     "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_category: str | None
    plover_mode: str | None
    plover_context: str | None


@dataclass
class Ontology:
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    category_quad: dict[str, int] = field(default_factory=dict)
    modes: dict[str, set[str]] = field(default_factory=dict)
    contexts: set[str] = field(default_factory=set)
    # default CAMEO code per PLOVER category (the most general code mapped to it)
    default_cameo: dict[str, str] = field(default_factory=dict)

    def code(self, code: str | None) -> CameoCode | None:
        if not code:
            return None
        c = self.cameo.get(code)
        while c is None and code and len(code) > 2:
            code = code[:-1]
            c = self.cameo.get(code)
        return c

    def quad_class(self, category: str, cameo: str | None) -> int | None:
        c = self.code(cameo)
        if c is not None:
            return c.quad_class
        return self.category_quad.get(category)

    def goldstein(self, cameo: str | None) -> float | None:
        c = self.code(cameo)
        return c.goldstein if c else None


def load_ontology(directory: Path | None = None) -> Ontology:
    d = directory or package_data("ontology", "data")
    ont = Ontology()
    p = d / "plover_categories.tsv"
    for n, r in read_tsv(p, required=("category", "quad_class")):
        if r["category"] not in PLOVER_CATEGORIES:
            raise DataFileError(str(p), n, f"unknown PLOVER category {r['category']!r}")
        ont.category_quad[r["category"]] = int(r["quad_class"])
    p = d / "plover_modes.tsv"
    if p.exists():
        for _, r in read_tsv(p, required=("category", "mode")):
            ont.modes.setdefault(r["category"], set()).add(r["mode"])
    p = d / "plover_contexts.tsv"
    if p.exists():
        ont.contexts = {r["context"] for _, r in read_tsv(p, required=("context",))}
    p = d / "cameo.tsv"
    for n, r in read_tsv(p, required=("code", "name", "goldstein", "quad_class")):
        try:
            c = CameoCode(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]),
                          r.get("plover_category") or None, r.get("plover_mode") or None,
                          r.get("plover_context") or None)
        except ValueError as exc:
            raise DataFileError(str(p), n, f"bad number: {exc}") from None
        if c.plover_category and c.plover_category not in PLOVER_CATEGORIES:
            raise DataFileError(str(p), n, f"unknown PLOVER category {c.plover_category!r}")
        ont.cameo[c.code] = c
    for c in sorted(ont.cameo.values(), key=lambda c: (len(c.code), c.code)):
        if c.plover_category and c.plover_category not in ont.default_cameo:
            ont.default_cameo[c.plover_category] = c.code
    return ont
