"""GDELT 2.0 event export: exactly the 61 tab-separated columns of GDELT's 15-minute export
files (no header line, like the real files), so tools that read GDELT read ours.

One row per aggregated event (same category, dyad and date window across articles) with its
NumMentions / NumSources / NumArticles; ``per_event=True`` gives one row per stored event.
Geography uses FIPS 10-4 country codes as GDELT does; actor geography is left empty (type 0),
AvgTone is 0 (Lagebild computes no tone).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..store.duck import EventStore
from ..store.queries import EventFilter
from .tables import SECTOR_TO_CAMEO, CodeTables, load_tables
from .target import write_lines

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

_QUERY = """
SELECT e.*, a.url AS article_url, a.ingested_at,
       coalesce(g.num_mentions, e.n_mentions) AS num_mentions,
       coalesce(g.num_sources, 1) AS num_sources,
       coalesce(g.num_articles, 1) AS num_articles,
       coalesce(m.cluster_id, e.id) AS unit
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN aggregate_members m ON m.event_id = e.id
LEFT JOIN aggregates g ON g.cluster_id = m.cluster_id
WHERE {where}
"""


def _clean(v: Any) -> str:
    if v is None:
        return ""
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:.4f}".rstrip("0").rstrip(".") if v != int(v) else f"{v:.1f}"


def _actor(row: dict[str, Any], p: str, t: CodeTables) -> list[str]:
    """The ten Actor columns (Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2,
    Type1, Type2, Type3) for the event's ``p`` (source/target) actor."""
    country = row.get(f"{p}_country")
    sector = row.get(f"{p}_sector")
    name = row.get(f"{p}_name") or row.get(f"{p}_text")
    if not country and not sector and not name:
        return [""] * 10
    ctype = SECTOR_TO_CAMEO.get(sector or "", "")
    code, cc, known, t1, t2 = "", "", "", ctype, ""
    if country and country.startswith("IGO:"):
        igo = t.igos.get(country[4:].upper())
        if igo:
            code, cc, known = igo.cameo_code, igo.cameo_country, igo.known_group
        else:
            code = "IGO"
        t1, t2 = "IGO", (ctype if ctype != "IGO" else "")
        code += t2
    elif country and country.startswith("NSA:"):
        t1 = ctype or "REB"
        code = t1
    elif country:
        c = t.countries.get(country)
        cc = c.cameo if c else (country if len(country) == 3 else "")
        code = cc + ctype
    else:
        code = ctype
    return [code, _clean(name).upper(), cc, known, "", "", "", t1, t2, ""]


def _geo(row: dict[str, Any], t: CodeTables) -> list[str]:
    """The eight ActionGeo columns from the event's location."""
    name = row.get("location_name")
    if not name:
        return ["0", "", "", "", "", "", "", ""]
    iso = row.get("location_country")
    c = t.countries.get(iso or "")
    lat, lon = row.get("location_lat"), row.get("location_lon")
    country_level = c is not None and (name.casefold() in (c.name.casefold(), c.iso3.casefold()) or lat is None)
    if country_level and c is not None:
        return ["1", c.name, c.fips, c.fips, "", _num(lat), _num(lon), c.fips]
    gtype = "3" if iso == "USA" else "4"
    full = f"{name}, {c.name}" if c is not None and c.name.casefold() != name.casefold() else name
    return [gtype, _clean(full), c.fips if c else "", c.fips if c else "", "", _num(lat), _num(lon), ""]


def gdelt_row(row: dict[str, Any], t: CodeTables) -> list[str]:
    d: dt.date | None = row.get("date_start") or row.get("published")
    added: dt.datetime | None = row.get("ingested_at")
    if d is None:
        d = added.date() if added else dt.date.today()
    cameo = row.get("cameo")
    goldstein = row.get("goldstein")
    if not t.valid_cameo(cameo):
        default = t.category_default(row["category"], row.get("mode"))
        cameo = default.cameo if default else "010"
        goldstein = default.goldstein if default else 0.0
    assert cameo is not None
    if goldstein is None:
        goldstein = t.goldstein_for_cameo(cameo)
    frac = d.year + ((d.month - 1) * 30 + d.day) / 365
    cols = [
        str(row["gid"]), d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{frac:.4f}",
        *_actor(row, "source", t), *_actor(row, "target", t),
        "1" if row.get("is_root") else "0", cameo, cameo[:3], cameo[:2], str(t.quad_for_cameo(cameo) or ""),
        _num(goldstein), str(row["num_mentions"]), str(row["num_sources"]), str(row["num_articles"]), "0",
        "0", "", "", "", "", "", "", "",
        "0", "", "", "", "", "", "", "",
        *_geo(row, t),
        (added or dt.datetime.now(dt.UTC)).strftime("%Y%m%d%H%M%S"),
        _clean(row.get("article_url") or f"lagebild:article/{row['article_id']}"),
    ]
    assert len(cols) == 61
    return cols


def gdelt_rows(store: EventStore, filters: EventFilter | None = None, *, per_event: bool = False,
               tables: CodeTables | None = None) -> Iterator[list[str]]:
    """61-column rows for the matching events (one per aggregate unless ``per_event``)."""
    t = tables or load_tables()
    where, params = (filters or EventFilter()).where("e")
    sql = _QUERY.format(where=where)
    if per_event:
        sql = sql.replace("coalesce(g.num_mentions, e.n_mentions)", "e.n_mentions") \
                 .replace("coalesce(g.num_sources, 1)", "1").replace("coalesce(g.num_articles, 1)", "1")
    else:
        sql += " QUALIFY row_number() OVER (PARTITION BY coalesce(m.cluster_id, e.id) ORDER BY e.gid) = 1"
    sql += " ORDER BY e.gid"
    cur = store.cursor()
    try:
        cur.execute(sql, params)
        cols = [c[0] for c in cur.description]
        while True:
            batch = cur.fetchmany(1000)
            if not batch:
                break
            for r in batch:
                yield gdelt_row(dict(zip(cols, r, strict=True)), t)
    finally:
        cur.close()


def write_gdelt(store: EventStore, out: str | Path | IO[str], filters: EventFilter | None = None, *,
                per_event: bool = False, header: bool = False) -> int:
    """Write the export (UTF-8, tab-separated, no header unless asked); returns the row count."""
    rows: Iterable[str] = ("\t".join(row) for row in gdelt_rows(store, filters, per_event=per_event))
    if header:
        rows = itertools.chain(["\t".join(GDELT_COLUMNS)], rows)
    return write_lines(out, rows, newline="") - (1 if header else 0)
