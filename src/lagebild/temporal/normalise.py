"""Normalisation: a parsed time expression (:class:`Spec`) to dates, against the publication date.

Pure calendar arithmetic, no text. Conventions (see also data/FORMAT.md):

* Dates are inclusive ranges. ``precision`` names the unit the expression is stated in: "am Sonntag"
  and "5. März" are ``day``; "vergangene Woche", "am Wochenende", "vor zwei Wochen" are ``week``;
  "im September", "Anfang Jänner", seasons, quarters and halves are ``month``; "2023", "Ende 2023",
  decades are ``year``; vague expressions ("kürzlich", "damals") are ``unknown`` without dates.
* Floating expressions (a weekday, a month or day without a year, a season) take the occurrence the
  clause's tense points to: past → the latest one starting on or before publication (a weekday equal
  to the publication weekday is the publication day itself: wire copy says "am Montag" for the day
  it is written); future → the earliest one ending on or after publication; explicit "vergangenen" /
  "nächsten" → strictly before / after. Without a tense cue a weekday counts as past, other floating
  expressions take the nearest occurrence (a month or day ahead within the year beats one ten months
  back).
* "seit"/"since" + anchor gives the anchor ("seit 2022" → 2022), the preposition stays in the text.
* Without a publication date, everything relative to it is ``unresolved`` with no dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
UNIT_PRECISION = {"day": "day", "hour": "day", "week": "week", "weekend": "week", "month": "month",
                  "quarter": "month", "half": "month", "year": "year", "decade": "year"}
SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
SINCE = frozenset({"seit", "seit dem", "since"})
VAGUE_KINDS = frozenset({"recent", "present", "future", "anaphoric", "duration"})


@dataclass(frozen=True, slots=True)
class Spec:
    """What a time expression says, before it is placed on the calendar."""

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None
    unit: str | None = None
    n: int | None = None
    # explicit modifier: past | present | future | lastn (or a vague kind for kind="vague")
    direction: str | None = None
    part: str | None = None          # early | mid | late | earlier | later
    season: str | None = None
    year_rel: int | None = None      # "März vergangenen Jahres" -> -1
    week_rel: int | None = None      # "Dienstag kommender Woche" -> +1
    rule: str | None = None          # holiday rule
    prep: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    start: dt.date | None
    end: dt.date | None
    precision: str
    unresolved: bool = False


# --- calendar helpers -------------------------------------------------------------------------------

def month_last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, month_last(y, m))


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def week_monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def easter(y: int) -> dt.date:
    """Easter Sunday (Gregorian), anonymous algorithm (Meeus/Jones/Butcher)."""
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def part_of(start: dt.date, end: dt.date, unit: str, part: str | None,
            pub: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The early/mid/late third (or earlier/later half around publication) of a period."""
    if part is None:
        return start, end
    if part in ("earlier", "later"):
        if pub is None or not start <= pub <= end:
            return start, end
        return (start, pub) if part == "earlier" else (pub, end)
    if unit == "month":
        if part == "early":
            return start, start.replace(day=10)
        if part == "mid":
            return start.replace(day=11), start.replace(day=20)
        return start.replace(day=21), end
    if unit in ("week", "weekend"):
        mon = week_monday(start)
        a, b = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}[part]
        return mon + dt.timedelta(days=a), mon + dt.timedelta(days=b)
    if unit == "year":
        y = start.year
        a, b = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return dt.date(y, a, 1), month_range(y, b)[1]
    if unit == "decade":
        y = start.year
        a, b = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}[part]
        return dt.date(y + a, 1, 1), dt.date(y + b, 12, 31)
    if unit in ("season", "quarter", "half"):
        # thirds of the months of the period
        months = []
        y, m = start.year, start.month
        while dt.date(y, m, 1) <= end:
            months.append((y, m))
            y, m = add_months(y, m, 1)
        k = len(months)
        third = max(1, k // 3)
        if part == "early":
            sel = months[:third]
        elif part == "mid":
            sel = months[third:k - third] or months[k // 2:k // 2 + 1]
        else:
            sel = months[k - third:]
        return dt.date(sel[0][0], sel[0][1], 1), month_range(*sel[-1])[1]
    return start, end


def pick(cands: list[tuple[dt.date, dt.date]], pub: dt.date, mode: str) -> tuple[dt.date, dt.date] | None:
    """Choose among occurrences of a floating period by mode (past, past_strict, future,
    future_strict, nearest, current)."""
    cands = sorted(cands)
    if not cands:
        return None
    if mode == "past":
        sel = [c for c in cands if c[0] <= pub]
        return sel[-1] if sel else None
    if mode == "past_strict":
        sel = [c for c in cands if c[1] < pub]
        return sel[-1] if sel else None
    if mode == "future":
        sel = [c for c in cands if c[1] >= pub]
        return sel[0] if sel else None
    if mode == "future_strict":
        sel = [c for c in cands if c[0] > pub]
        return sel[0] if sel else None
    for c in cands:
        if c[0] <= pub <= c[1]:
            return c

    def dist(c: tuple[dt.date, dt.date]) -> int:
        return (c[0] - pub).days if c[0] > pub else (pub - c[1]).days

    return min(cands, key=lambda c: (dist(c), c[0] > pub))


def floating_mode(spec: Spec, tense: str | None, default: str) -> str:
    if spec.direction == "past":
        return "past_strict"
    if spec.direction == "future":
        return "future_strict"
    if spec.direction == "present":
        return "current"
    if spec.prep in SINCE:
        return "past"
    if tense == "past":
        return "past"
    if tense == "future":
        return "future"
    return default


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# --- periods per kind ---------------------------------------------------------------------------------

def _season_range(season: str, y: int) -> tuple[dt.date, dt.date]:
    m0 = SEASON_MONTHS[season]
    y2, m2 = add_months(y, m0, 2)
    return dt.date(y, m0, 1), month_range(y2, m2)[1]


def _holiday_range(rule: str, y: int) -> tuple[dt.date, dt.date] | None:
    parts = rule.split("..")

    def one(r: str) -> dt.date | None:
        if r.startswith("easter"):
            return easter(y) + dt.timedelta(days=int(r[6:] or 0))
        mm, dd = r.split("-")
        return _safe_date(y, int(mm), int(dd))

    a = one(parts[0])
    b = one(parts[-1])
    if a is None or b is None:
        return None
    return a, b


def _period(spec: Spec, y: int, pub: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The period a year-less floating spec denotes in year ``y``."""
    k = spec.kind
    if k == "date":
        assert spec.month is not None and spec.day is not None
        a = _safe_date(y, spec.month, spec.day)
        b = _safe_date(y, spec.end_month or spec.month, spec.end_day or spec.day)
        if a is None or b is None or b < a:
            return None
        return a, b
    if k == "month":
        assert spec.month is not None
        s, e = month_range(y, spec.month)
        if spec.end_month:
            e = month_range(y, spec.end_month)[1]
        return part_of(s, e, "month", spec.part, pub)
    if k == "season":
        assert spec.season is not None
        s, e = _season_range(spec.season, y)
        return part_of(s, e, "season", spec.part, pub)
    if k == "quarter":
        assert spec.n is not None
        s = dt.date(y, 3 * spec.n - 2, 1)
        return s, month_range(y, 3 * spec.n)[1]
    if k == "half":
        assert spec.n is not None
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if spec.n == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    if k == "holiday":
        assert spec.rule is not None
        return _holiday_range(spec.rule, y)
    return None


KIND_PRECISION = {"date": "day", "month": "month", "season": "month", "quarter": "month", "half": "month",
                  "holiday": "day", "weekday": "day", "offset": "day", "year": "year", "decade": "year"}


def nominal_precision(spec: Spec) -> str:
    if spec.kind in KIND_PRECISION:
        return KIND_PRECISION[spec.kind]
    if spec.kind in ("unit", "ago", "lastn"):
        return UNIT_PRECISION.get(spec.unit or "", "unknown")
    if spec.kind == "compound":
        return UNIT_PRECISION.get(spec.unit or "", "unknown")
    return "unknown"


def needs_publication(spec: Spec) -> bool:
    if spec.kind in ("year", "decade"):
        return False
    if spec.kind == "vague":
        return spec.direction != "anaphoric"
    if spec.kind in ("date", "month", "season", "quarter", "half", "holiday"):
        return spec.year is None
    if spec.kind == "compound":
        return spec.year is None
    return True


def needs_tense(spec: Spec) -> bool:
    """Whether the clause's tense can change where ``spec`` lands (a floating expression)."""
    if spec.direction is not None or spec.prep in SINCE:
        return False
    if spec.kind in ("weekday", "unit", "compound"):
        return spec.week_rel is None and not (spec.kind == "compound" and spec.year is not None)
    if spec.kind in ("date", "month", "season", "quarter", "half", "holiday"):
        return spec.year is None and spec.year_rel is None
    return False


def resolve(spec: Spec, pub: dt.date | None, tense: str | None = None) -> Resolved | None:
    """Dates for ``spec`` against the publication date ``pub``; None if the spec names no real date
    (31 February)."""
    prec = nominal_precision(spec)
    if spec.kind == "vague":
        return Resolved(None, None, "unknown", unresolved=pub is None and spec.direction != "anaphoric")
    if spec.kind == "anaphoric":
        return Resolved(None, None, "unknown")
    year = spec.year
    if year is None and spec.year_rel is not None and pub is not None:
        year = pub.year + spec.year_rel
    relative = spec.kind in ("weekday", "offset", "unit", "compound", "ago", "lastn")
    if pub is None and (relative and not (spec.kind == "compound" and year is not None and spec.unit == "year")
                        or year is None and (needs_publication(spec) or spec.kind not in ("year", "decade"))):
        # without a publication date a relative or yearless expression stays unresolved
        return Resolved(None, None, prec, unresolved=True)
    rng = _resolve_range(spec, pub, tense, year)
    if rng is None:
        return None
    return Resolved(rng[0], rng[1], prec)


def _resolve_range(spec: Spec, pub: dt.date | None, tense: str | None,
                   year: int | None) -> tuple[dt.date, dt.date] | None:
    k = spec.kind
    if k == "year":
        assert spec.year is not None
        y2 = spec.end_year or spec.year
        if y2 < spec.year:
            return None
        s, e = dt.date(spec.year, 1, 1), dt.date(y2, 12, 31)
        return part_of(s, e, "year", spec.part, pub) if y2 == spec.year else (s, e)
    if k == "decade":
        assert spec.year is not None
        return part_of(dt.date(spec.year, 1, 1), dt.date(spec.year + 9, 12, 31), "decade", spec.part)
    if k in ("date", "month", "season", "quarter", "half", "holiday"):
        if year is not None:
            if k == "date" and spec.end_year and spec.end_year != year:
                assert spec.month and spec.day and spec.end_month and spec.end_day
                a = _safe_date(year, spec.month, spec.day)
                b = _safe_date(spec.end_year, spec.end_month, spec.end_day)
                return (a, b) if a and b and a <= b else None
            return _period(spec, year, pub)
        assert pub is not None
        cands = [p for y in range(pub.year - 2, pub.year + 2) if (p := _period(spec, y, pub)) is not None]
        return pick(cands, pub, floating_mode(spec, tense, "nearest"))
    if k == "compound" and year is not None and spec.unit == "year":
        return part_of(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", spec.part)
    if pub is None:
        return None
    if k == "weekday":
        return _weekday(spec, pub, tense)
    if k == "offset":
        d = pub + dt.timedelta(days=spec.n or 0)
        return d, d
    if k == "unit":
        return _unit(spec, pub, tense)
    if k == "compound":
        if year is not None and spec.unit == "year":
            return part_of(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", spec.part)
        return _unit(spec, pub, tense)
    if k == "ago":
        return _ago(spec, pub)
    if k == "lastn":
        return _lastn(spec, pub)
    return None


def _weekday(spec: Spec, pub: dt.date, tense: str | None) -> tuple[dt.date, dt.date] | None:
    assert spec.weekday is not None
    if spec.week_rel is not None:
        d = week_monday(pub) + dt.timedelta(days=7 * spec.week_rel + spec.weekday - 1)
        return d, d
    if spec.direction == "present":
        d = week_monday(pub) + dt.timedelta(days=spec.weekday - 1)
        return d, d
    cands = [(d, d) for i in range(-8, 9) if (d := pub + dt.timedelta(days=i)).isoweekday() == spec.weekday]
    return pick(cands, pub, floating_mode(spec, tense, "past"))


def _unit_period(unit: str, pub: dt.date, k: int) -> tuple[dt.date, dt.date]:
    if unit in ("week", "weekend"):
        mon = week_monday(pub) + dt.timedelta(days=7 * k)
        if unit == "weekend":
            return mon + dt.timedelta(days=5), mon + dt.timedelta(days=6)
        return mon, mon + dt.timedelta(days=6)
    if unit == "month":
        y, m = add_months(pub.year, pub.month, k)
        return month_range(y, m)
    if unit == "quarter":
        q0 = (pub.month - 1) // 3
        y, m = add_months(pub.year, 3 * q0 + 1, 3 * k)
        return dt.date(y, m, 1), month_range(*add_months(y, m, 2))[1]
    if unit == "half":
        h0 = (pub.month - 1) // 6
        y, m = add_months(pub.year, 6 * h0 + 1, 6 * k)
        return dt.date(y, m, 1), month_range(*add_months(y, m, 5))[1]
    if unit == "day":
        d = pub + dt.timedelta(days=k)
        return d, d
    if unit == "decade":
        y0 = pub.year // 10 * 10 + 10 * k
        return dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31)
    y = pub.year + k
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _unit(spec: Spec, pub: dt.date, tense: str | None) -> tuple[dt.date, dt.date] | None:
    unit = spec.unit or "week"
    ptype = "week" if unit == "weekend" else unit
    if unit == "weekend" and spec.part is None:
        cands = [_unit_period("weekend", pub, k) for k in (-2, -1, 0, 1, 2)]
        if spec.direction == "present":
            return _unit_period("weekend", pub, 0)
        return pick(cands, pub, floating_mode(spec, tense, "nearest"))
    offset = {"past": -1, "present": 0, "future": 1}.get(spec.direction or "")
    if offset is not None:
        s, e = _unit_period(unit, pub, offset)
        return part_of(s, e, ptype, spec.part, pub)
    # no direction ("Mitte der Woche", "Ende des Monats"): the current period, moved by the tense
    s, e = part_of(*_unit_period(unit, pub, 0), ptype, spec.part, pub)
    if spec.part in ("early", "mid", "late"):
        if (tense == "past" or spec.prep in SINCE) and s > pub:
            s, e = part_of(*_unit_period(unit, pub, -1), ptype, spec.part, pub)
        elif tense == "future" and e < pub:
            s, e = part_of(*_unit_period(unit, pub, 1), ptype, spec.part, pub)
    return s, e


def _shift(pub: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("day", "hour"):
        days = n if unit == "day" else round(n / 24)
        return pub + dt.timedelta(days=days)
    if unit in ("week", "weekend"):
        return pub + dt.timedelta(days=7 * n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}.get(unit, 12) * n
    y, m = add_months(pub.year, pub.month, months)
    return dt.date(y, m, min(pub.day, month_last(y, m)))


def _ago(spec: Spec, pub: dt.date) -> tuple[dt.date, dt.date] | None:
    """"vor zwei Wochen" (n > 0 back) / "in zwei Wochen" (direction future): the unit containing
    the shifted date."""
    unit = spec.unit or "day"
    n = spec.n or 0
    sign = 1 if spec.direction == "future" else -1
    try:
        d = _shift(pub, unit, sign * n)
    except (ValueError, OverflowError):
        return None
    if unit in ("day", "hour"):
        return d, d
    if unit in ("week", "weekend"):
        mon = week_monday(d)
        return mon, mon + dt.timedelta(days=6)
    if unit == "month":
        return month_range(d.year, d.month)
    if unit in ("quarter", "half"):
        size = 3 if unit == "quarter" else 6
        m0 = (d.month - 1) // size * size + 1
        return dt.date(d.year, m0, 1), month_range(d.year, m0 + size - 1)[1]
    return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)


def _lastn(spec: Spec, pub: dt.date) -> tuple[dt.date, dt.date] | None:
    """"in den vergangenen zwei Wochen": from N units before publication to publication (or from
    publication to N units ahead)."""
    unit = spec.unit or "day"
    n = spec.n or 1
    try:
        if spec.direction == "future":
            return pub, _shift(pub, unit, n)
        return _shift(pub, unit, -n), pub
    except (ValueError, OverflowError):
        return None


def coarser(a: str, b: str) -> str:
    return a if PRECISION_ORDER.get(a, 4) >= PRECISION_ORDER.get(b, 4) else b
