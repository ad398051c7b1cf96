"""The project's own people TSV (see kb/data/FORMAT.md) -> a checked copy in an overlay directory.

Unlike the loader, which stops at the first bad line, the importer checks every line and skips
the bad ones with a reason: too many cells, a missing id/name/role, an unknown country code or
sector, a bad date, an end before the start, a tenure overlapping an earlier one of the same
person, role and country.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..load import SECTORS
from . import PEOPLE_HEADER, ImportResult, write_tsv

REQUIRED = ("person_id", "name", "role", "country", "sector")


def import_people_tsv(path: str | Path, out_dir: str | Path, countries: set[str]) -> ImportResult:
    src = Path(path)
    res = ImportResult(str(src), "tsv")
    header: list[str] | None = None
    rows: list[list[str]] = []
    seen: dict[tuple[str, str, str], list[tuple[dt.date, dt.date, int]]] = {}
    with src.open(encoding="utf-8", errors="replace") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cells
                missing = [c for c in REQUIRED if c not in header]
                if missing:
                    res.skip(n, line, f"header lacks column(s): {', '.join(missing)}")
                    return res
                continue
            if len(cells) > len(header):
                res.skip(n, line, f"too many cells: {len(cells)}, header has {len(header)}")
                continue
            r = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
            reason = _check(r, countries)
            if reason:
                res.skip(n, line, reason)
                continue
            start = dt.date.fromisoformat(r["from"]) if r.get("from") else None
            end = dt.date.fromisoformat(r["to"]) if r.get("to") else None
            key = (r["person_id"], r["role"], r["country"])
            a0, a1 = start or dt.date.min, end or dt.date.max
            clash = next((ln for b0, b1, ln in seen.get(key, []) if a0 < b1 and b0 < a1), None)
            if clash is not None:
                res.skip(n, line, f"overlapping tenure: with line {clash}")
                continue
            seen.setdefault(key, []).append((a0, a1, n))
            rows.append([r.get(h, "") for h in PEOPLE_HEADER])
    if rows:
        name = f"people/{src.stem}.tsv"
        res.written[name] = write_tsv(Path(out_dir) / name, PEOPLE_HEADER, rows, f"imported from {src.name}")
    return res


def _check(r: dict[str, str], countries: set[str]) -> str | None:
    for c in ("person_id", "name", "role", "country"):
        if not r.get(c):
            return f"empty required cell: {c}"
    code = r["country"]
    if not (code.startswith(("IGO:", "NSA:")) and len(code) > 4) and code not in countries:
        return f"unknown country code: {code!r}"
    if r.get("sector") and r["sector"] not in SECTORS:
        return f"unknown sector: {r['sector']!r}"
    dates = []
    for c in ("from", "to"):
        if r.get(c):
            try:
                dates.append(dt.date.fromisoformat(r[c]))
            except ValueError:
                return f"invalid date: {c}={r[c]!r} (use YYYY-MM-DD)"
    if len(dates) == 2 and dates[1] < dates[0]:
        return f"role ends before it starts: {dates[1]} < {dates[0]}"
    return None
