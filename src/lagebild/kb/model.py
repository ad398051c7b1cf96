"""The actor knowledge base: states, people with dated roles, organisations, agents, places."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# agent role labels that stand for the same office
ROLE_ALIASES = {
    "president": "head of state",
    "chancellor": "head of government",
    "prime minister": "head of government",
}


def canonical_role(role: str) -> str:
    return ROLE_ALIASES.get(role, role)


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    country: str
    sector: str
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, on: dt.date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(slots=True)
class Entity:
    """A canonical actor. ``type``: person, state, organisation, group."""

    id: str
    type: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    name_de: str | None = None

    def role_on(self, on: dt.date | None, prefer: str | None = None) -> Role | None:
        """The role held on a date (None if none). Among several: one in the ``prefer`` country,
        then one in the person's home country (where most of their roles are), then the highest."""
        active = [r for r in self.roles if r.active(on)]
        if not active:
            return None
        if prefer is not None and any(r.country == prefer for r in active):
            active = [r for r in active if r.country == prefer]
        home: dict[str, int] = {}
        for r in self.roles:
            home[r.country] = home.get(r.country, 0) + 1
        order = ("head of state", "head of government", "foreign minister", "defence minister")
        return min(active, key=lambda r: (-home.get(r.country, 0), order.index(r.role) if r.role in order else 99))

    def latest_role(self) -> Role | None:
        if not self.roles:
            return None
        return max(self.roles, key=lambda r: r.end or dt.date.max)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "name": self.name, "name_de": self.name_de,
                "country": self.country, "sector": self.sector, "kind": self.kind,
                "aliases": list(self.aliases),
                "roles": [{"role": r.role, "country": r.country, "sector": r.sector,
                           "from": r.start.isoformat() if r.start else None,
                           "to": r.end.isoformat() if r.end else None} for r in self.roles]}


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    iso2: str
    name_en: str
    name_de: str
    capital_de: str
    lat: float | None
    lon: float | None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name_en: str
    name_de: str
    kind: str
    country: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form the matcher looks for, and what it stands for.

    kind: country | adjective | demonym | prefix | seat | capital | organisation | person |
    agent | place
    """

    surface: str
    kind: str
    lang: str
    code: str | None = None  # country / IGO: / NSA: code
    entity_id: str | None = None
    sector: str | None = None
    role: str | None = None
    number: str = "sg"
    agent_type: str = "agent"


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    forms: list[Form] = field(default_factory=list)
    # role holders: (canonical role, country) -> person ids
    holders: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add_form(self, form: Form) -> None:
        self.forms.append(form)

    def index_roles(self) -> None:
        self.holders.clear()
        for e in self.entities.values():
            for r in e.roles:
                lst = self.holders.setdefault((canonical_role(r.role), r.country), [])
                if e.id not in lst:
                    lst.append(e.id)

    def role_holder(self, role: str, country: str, on: dt.date | None) -> Entity | None:
        """Who held ``role`` for ``country`` on the date (None without a date or holder)."""
        if on is None:
            return None
        role = canonical_role(role)
        found = []
        for pid in self.holders.get((role, country), []):
            ent = self.entities[pid]
            for r in ent.roles:
                if canonical_role(r.role) == role and r.country == country and r.active(on):
                    found.append(ent)
                    break
        return found[0] if len(found) == 1 else None

    def country_name(self, code: str | None) -> str | None:
        if code and code in self.countries:
            return self.countries[code].name_en
        return code

    def search(self, query: str, on: dt.date | None = None, limit: int = 20) -> list[Entity]:
        """Entities whose name or alias contains the query (case-insensitive)."""
        q = query.casefold()
        hits = []
        for e in self.entities.values():
            names = [e.name, e.name_de or "", *e.aliases]
            if any(q in n.casefold() for n in names):
                if on is not None and e.type == "person" and e.roles and e.role_on(on) is None:
                    continue
                hits.append(e)
        hits.sort(key=lambda e: (e.name.casefold() != q, len(e.name)))
        return hits[:limit]

    def stats(self) -> dict[str, int]:
        by_type: dict[str, int] = {}
        for e in self.entities.values():
            by_type[e.type] = by_type.get(e.type, 0) + 1
        return {"countries": len(self.countries), "places": len(self.places), "forms": len(self.forms),
                **{f"{k}s": v for k, v in sorted(by_type.items())},
                "roles": sum(len(e.roles) for e in self.entities.values())}
