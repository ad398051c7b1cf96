"""The Jinja2 environment (autoescape always on) and the filters the templates share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader

from ..analysis.dyads import DyadSeries
from . import svg


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), else None (no javascript:, data: … in links)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def path_part(value: Any) -> str:
    """One URL path segment (ids may contain ':', '/', '~' …)."""
    return quote(str(value), safe="")


def query(params: Mapping[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied; empty values dropped."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


def actor_label(a: Mapping[str, Any] | None) -> str:
    if not a:
        return "—"
    who = a.get("name") or a.get("text") or a.get("actor_id") or "?"
    tag = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
    return f"{who} [{tag}]" if tag else str(who)


def date_range(d: Mapping[str, Any] | None) -> str:
    if not d or not d.get("start"):
        return "undated"
    s, e = d.get("start"), d.get("end")
    txt = str(s) if not e or e == s else f"{s} – {e}"
    prec = d.get("precision")
    return f"{txt} ({prec})" if prec and prec != "day" else txt


def num(x: Any, nd: int = 2, sign: bool = False) -> str:
    if x is None:
        return "—"
    return f"{x:+.{nd}f}" if sign else f"{x:.{nd}f}"


def series_bars(series: DyadSeries) -> list[svg.Bar]:
    bars = []
    for p in series.points:
        gm = "—" if p.goldstein_mean is None else f"{p.goldstein_mean:+.1f}"
        title = (f"{p.period.isoformat()} – {p.period_end.isoformat()}: {p.events} events, "
                 f"{p.cooperative} cooperative, {p.conflictual} conflictual, mean Goldstein {gm}")
        bars.append(svg.Bar(p.period.isoformat()[2:] if series.interval == "week" else p.period.isoformat()[:7],
                            title, (p.quads[0], p.quads[1]), (p.quads[2], p.quads[3]), p.goldstein_mean))
    return bars


def dyad_chart(series: DyadSeries, *, width: int = 900, height: int = 300) -> Any:
    return svg.diverging_bars(series_bars(series), width=width, height=height,
                              aria=f"{series.a}–{series.b} by {series.interval}")


def index_spark(series: DyadSeries) -> Any:
    """Cooperative (up) and conflictual (down) events per period, as tiny bars."""
    return svg.mini_bars(series_bars(series), aria=f"{series.a}–{series.b} by {series.interval}")


def truncate_text(s: Any, n: int = 160) -> str:
    text = "" if s is None else str(s)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def make_env(package: str = "lagebild.web", templates: str = "templates") -> Environment:
    """A fresh environment per app; autoescape is on for every template, whatever its name."""
    env = Environment(loader=PackageLoader(package, templates), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters.update(safe_url=safe_url, path_part=path_part, actor=actor_label, date_range=date_range,
                       num=num, trunc=truncate_text)
    env.globals.update(query=query, index_bar=svg.index_bar, dyad_chart=dyad_chart, index_spark=index_spark,
                       spans_chart=svg.spans_chart)
    return env


def plover_categories() -> Sequence[str]:
    from ..ontology.tables import PLOVER_CATEGORIES

    return PLOVER_CATEGORIES
