"""Small SVG charts drawn on the server (dashboard and standalone report alike).

Every text that goes into the markup is escaped here; colours are presentation attributes, not
inline styles, so the dashboard's Content-Security-Policy can forbid inline styles.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from markupsafe import Markup, escape

COLOURS: Mapping[str, str] = MappingProxyType({
    "vc": "#7fbf7b", "mc": "#1b7837", "vk": "#f4a582", "mk": "#b2182b", "line": "#2166ac",
    "axis": "#666666", "grid": "#dddddd", "text": "#333333"})


@dataclass(frozen=True, slots=True)
class Bar:
    """One period: cooperative counts stacked upwards, conflictual downwards, an optional line value."""

    label: str
    title: str
    up: tuple[int, int]  # verbal, material cooperation
    down: tuple[int, int]  # verbal, material conflict
    line: float | None = None


def _f(x: float) -> str:
    return f"{x:.1f}"


def diverging_bars(bars: Sequence[Bar], *, width: int = 900, height: int = 300, line_range: float = 10.0,
                   line_label: str = "Goldstein", aria: str = "chart") -> Markup:
    """Cooperation above the axis, conflict below, one line (e.g. mean Goldstein) on the right axis.

    ``line_label`` names the line in the chart's accessible description.
    """
    ml, mr, mt, mb = 44, 48, 14, 42
    pw, ph = width - ml - mr, height - mt - mb
    n = max(len(bars), 1)
    peak = max([max(sum(b.up), sum(b.down)) for b in bars] + [1])
    mid = mt + ph / 2
    scale = (ph / 2) / peak
    bw = pw / n
    gap = min(2.0, bw * 0.15)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
           f'width="100%" role="img" aria-label="{escape(aria)}; line: {escape(line_label)}">']
    # grid and axes
    for frac in (-1.0, -0.5, 0.5, 1.0):
        y = mid - frac * ph / 2
        out.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{_f(y)}" y2="{_f(y)}" stroke="{COLOURS["grid"]}" '
                   f'stroke-width="1"/>')
    out.append(f'<line class="axis" x1="{ml}" x2="{ml + pw}" y1="{_f(mid)}" y2="{_f(mid)}" '
               f'stroke="{COLOURS["axis"]}" stroke-width="1"/>')
    for frac, val in ((1.0, peak), (0.5, peak / 2), (0.0, 0), (-0.5, -peak / 2), (-1.0, -peak)):
        y = mid - frac * ph / 2
        txt = f"{abs(val):.0f}" if float(val).is_integer() else f"{abs(val):.1f}"
        out.append(f'<text x="{ml - 6}" y="{_f(y + 4)}" text-anchor="end" font-size="11" '
                   f'fill="{COLOURS["text"]}">{escape(txt)}</text>')
    out.append(f'<text x="{ml + 4}" y="{_f(mt + 11)}" font-size="11" fill="{COLOURS["mc"]}">cooperation ↑</text>')
    out.append(f'<text x="{ml + 4}" y="{_f(mt + ph - 4)}" font-size="11" fill="{COLOURS["mk"]}">conflict ↓</text>')
    for frac in (1.0, 0.0, -1.0):
        y = mid - frac * ph / 2
        out.append(f'<text x="{ml + pw + 6}" y="{_f(y + 4)}" font-size="11" fill="{COLOURS["line"]}">'
                   f'{escape(f"{frac * line_range:+.0f}")}</text>')
    # bars
    step = max(1, math.ceil(n / 12))
    pts: list[tuple[float, float] | None] = []
    for i, b in enumerate(bars):
        x = ml + i * bw + gap / 2
        w = max(bw - gap, 1.0)
        out.append(f'<g class="period"><title>{escape(b.title)}</title>')
        out.append(f'<rect x="{_f(ml + i * bw)}" y="{mt}" width="{_f(bw)}" height="{ph}" fill="transparent"/>')
        y = mid
        for count, colour in ((b.up[0], COLOURS["vc"]), (b.up[1], COLOURS["mc"])):
            if count:
                h = count * scale
                y -= h
                out.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" fill="{colour}"/>')
        y = mid
        for count, colour in ((b.down[0], COLOURS["vk"]), (b.down[1], COLOURS["mk"])):
            if count:
                h = count * scale
                out.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" fill="{colour}"/>')
                y += h
        out.append("</g>")
        if i % step == 0:
            out.append(f'<text x="{_f(ml + i * bw + bw / 2)}" y="{_f(mt + ph + 16)}" text-anchor="middle" '
                       f'font-size="10" fill="{COLOURS["text"]}">{escape(b.label)}</text>')
        if b.line is None:
            pts.append(None)
        else:
            v = max(-line_range, min(line_range, b.line))
            pts.append((ml + i * bw + bw / 2, mid - v / line_range * ph / 2))
    # the line, broken where a period has no value
    path: list[str] = []
    pen = False
    for p in pts:
        if p is None:
            pen = False
            continue
        path.append(f"{'L' if pen else 'M'}{_f(p[0])} {_f(p[1])}")
        pen = True
    if path:
        out.append(f'<path d="{" ".join(path)}" fill="none" stroke="{COLOURS["line"]}" stroke-width="2"/>')
    for p in pts:
        if p is not None:
            out.append(f'<circle cx="{_f(p[0])}" cy="{_f(p[1])}" r="2.5" fill="{COLOURS["line"]}"/>')
    out.append("</svg>")
    return Markup("".join(out))


def sparkline(values: Sequence[float | None], *, width: int = 120, height: int = 26, lo: float = -1.0,
              hi: float = 1.0, aria: str = "trend") -> Markup:
    """A tiny line of values in [lo, hi] with the zero line; gaps where a value is None."""
    n = len(values)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{escape(aria)}">']
    zero = height - (0 - lo) / (hi - lo) * height if hi > lo else height / 2
    out.append(f'<line x1="0" x2="{width}" y1="{_f(zero)}" y2="{_f(zero)}" stroke="{COLOURS["grid"]}"/>')
    path: list[str] = []
    pen = False
    for i, v in enumerate(values):
        if v is None:
            pen = False
            continue
        x = (i + 0.5) * width / max(n, 1)
        y = height - (min(max(v, lo), hi) - lo) / (hi - lo) * height if hi > lo else height / 2
        path.append(f"{'L' if pen else 'M'}{_f(x)} {_f(y)}")
        pen = True
    if path:
        out.append(f'<path d="{" ".join(path)}" fill="none" stroke="{COLOURS["line"]}" stroke-width="1.5"/>')
    out.append("</svg>")
    return Markup("".join(out))


def index_bar(index: float | None, *, width: int = 80, height: int = 12) -> Markup:
    """A bar from the middle: right and green for cooperation, left and red for conflict."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="ibar" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" '
           f'aria-label="{escape("no data" if index is None else f"index {index:+.2f}")}">',
           f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f2f2f2"/>']
    if index is not None:
        half = width / 2
        w = abs(index) * half
        x = half if index >= 0 else half - w
        colour = COLOURS["mc"] if index >= 0 else COLOURS["mk"]
        out.append(f'<rect x="{_f(x)}" y="1" width="{_f(w)}" height="{height - 2}" fill="{colour}"/>')
    out.append(f'<line x1="{width / 2}" x2="{width / 2}" y1="0" y2="{height}" stroke="{COLOURS["axis"]}"/>')
    out.append("</svg>")
    return Markup("".join(out))


def spans_chart(rows: Sequence[tuple[str, dt.date | None, dt.date | None]], *, width: int = 700,
                row_height: int = 22, aria: str = "roles over time") -> Markup:
    """Horizontal bars from a start to an end date, one row per label (roles over time)."""
    dated = [(lab, s or e, e or s) for lab, s, e in rows if s or e]
    if not dated:
        return Markup("")
    lo = min(s for _, s, _ in dated if s)
    hi = max(e for _, _, e in dated if e)
    span = max((hi - lo).days, 1)
    ml, mr = 170, 20
    pw = width - ml - mr
    height = row_height * len(dated) + 24
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
           f'width="100%" role="img" aria-label="{escape(aria)}">']
    for i, (lab, s, e) in enumerate(dated):
        assert s is not None and e is not None
        y = i * row_height + 4
        x0 = ml + (s - lo).days / span * pw
        x1 = ml + (e - lo).days / span * pw
        out.append(f'<text x="{ml - 6}" y="{y + 13}" text-anchor="end" font-size="11" '
                   f'fill="{COLOURS["text"]}">{escape(lab)}</text>')
        out.append(f'<rect x="{_f(x0)}" y="{y + 2}" width="{_f(max(x1 - x0, 3))}" height="{row_height - 8}" '
                   f'fill="{COLOURS["line"]}"><title>{escape(f"{lab}: {s} – {e}")}</title></rect>')
    y = len(dated) * row_height + 16
    out.append(f'<text x="{ml}" y="{y}" font-size="10" fill="{COLOURS["text"]}">{escape(lo.isoformat())}</text>')
    out.append(f'<text x="{ml + pw}" y="{y}" font-size="10" text-anchor="end" fill="{COLOURS["text"]}">'
               f'{escape(hi.isoformat())}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def mini_bars(bars: Sequence[Bar], *, width: int = 140, height: int = 30, aria: str = "trend") -> Markup:
    """A sparkline of diverging bars: cooperation up (green), conflict down (red), no axes."""
    n = max(len(bars), 1)
    peak = max([max(sum(b.up), sum(b.down)) for b in bars] + [1])
    mid = height / 2
    scale = (height / 2 - 1) / peak
    bw = width / n
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{escape(aria)}">',
           f'<line x1="0" x2="{width}" y1="{_f(mid)}" y2="{_f(mid)}" stroke="{COLOURS["grid"]}"/>']
    for i, b in enumerate(bars):
        x = i * bw
        up, down = sum(b.up) * scale, sum(b.down) * scale
        if up:
            out.append(f'<rect x="{_f(x)}" y="{_f(mid - up)}" width="{_f(max(bw - 0.5, 0.5))}" '
                       f'height="{_f(up)}" fill="{COLOURS["mc"]}"><title>{escape(b.title)}</title></rect>')
        if down:
            out.append(f'<rect x="{_f(x)}" y="{_f(mid)}" width="{_f(max(bw - 0.5, 0.5))}" '
                       f'height="{_f(down)}" fill="{COLOURS["mk"]}"><title>{escape(b.title)}</title></rect>')
    out.append("</svg>")
    return Markup("".join(out))
