"""The finder's rules: one pre-compiled regular expression per expression type and language, and
a builder that turns a match into a :class:`Spec` (or rejects it on context).

Word lists come from the lexicon (data/*.tsv); the patterns here hold only the grammar
(prepositions, articles, the order of modifier, part and unit).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .lexicon import LangLexicon, norm
from .normalise import Spec, month_last

D = r"(?:3[01]|[12]\d|0?[1-9])"
MN = r"(?:1[0-2]|0?[1-9])"
Y = r"(?:1[89]\d\d|20\d\d)"
YE = r"(?!\w|[.,]\d)"          # a year ends here (not "2023er", not "2023,5")
NW = r"(?!\w|-\w)"             # a word ends here (not "Heute-Show", "Vorjahres-Dritte")
DIRECTION_OFFSET = {"past": -1, "lastn": -1, "present": 0, "future": 1}
QUOTES_OPEN = "\"'„“”»«‚‘(–-—: "


@dataclass(frozen=True)
class Ctx:
    text: str
    sent_start: int
    sent_end: int
    lx: LangLexicon


Builder = Callable[[re.Match[str], Ctx], "Spec | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    build: Builder
    priority: int = 5

    @property
    def anchors(self) -> frozenset[str]:
        """The kinds of trigger token one of which every match of this rule contains."""
        return RULE_ANCHORS[self.name]


# every match of a rule contains a token of one of these kinds (see finder._token_kinds)
RULE_ANCHORS: dict[str, frozenset[str]] = {
    "iso": frozenset({"digit"}), "numeric": frozenset({"digit"}), "year": frozenset({"digit"}),
    "bare_year": frozenset({"digit"}), "decade": frozenset({"digit"}), "q": frozenset({"q"}),
    "daymonth": frozenset({"month"}), "date": frozenset({"month"}), "month": frozenset({"month"}),
    "weekday": frozenset({"weekday"}), "offset": frozenset({"offset"}), "unit": frozenset({"unit"}),
    "compound": frozenset({"compound"}), "relword": frozenset({"relword"}), "ago": frozenset({"unit"}),
    "in": frozenset({"unit"}), "lastn": frozenset({"unit"}), "quarter": frozenset({"unit"}),
    "season": frozenset({"season"}), "vague": frozenset({"vague"}), "holiday": frozenset({"holiday"}),
}


def _phrase(form: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in form.split())


def alt(forms: Iterable[str], *, cs: bool = False) -> str:
    """An alternation of the forms, longest first; ``cs`` makes it case-sensitive."""
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    body = "|".join(_phrase(f) for f in uniq)
    return f"(?-i:{body})" if cs else f"(?:{body})"


# --- small context helpers ------------------------------------------------------------------------

_WORD_BEFORE = re.compile(r"([\w.'’-]+)[\s\"'„“”»«‚‘]*$")
_WORD_AFTER = re.compile(r"[\s\"'„“”»«‚‘]*([\w.'’%-]+)")


def word_before(ctx: Ctx, pos: int) -> str:
    m = _WORD_BEFORE.search(ctx.text, max(ctx.sent_start, pos - 40), pos)
    return m.group(1) if m else ""


def words_after(ctx: Ctx, pos: int, k: int = 2) -> list[str]:
    out: list[str] = []
    while len(out) < k:
        m = _WORD_AFTER.match(ctx.text, pos, ctx.sent_end)
        if not m:
            break
        out.append(m.group(1))
        pos = m.end()
    return out


def at_sentence_start(ctx: Ctx, pos: int) -> bool:
    return all(c in QUOTES_OPEN for c in ctx.text[ctx.sent_start:pos])


def _g(gd: dict[str, str | None], *names: str) -> str | None:
    for n in names:
        v = gd.get(n)
        if v:
            return v
    return None


def _prep(gd: dict[str, str | None]) -> str | None:
    p = gd.get("prep")
    return " ".join(p.lower().split()) if p else None


def _year_rel(gd: dict[str, str | None], lx: LangLexicon) -> int | None:
    if gd.get("vorjahr"):
        return -1
    yr = gd.get("yrel")
    if not yr:
        return None
    return DIRECTION_OFFSET.get(lx.stem_value("direction", yr) or "")


def _direction(lx: LangLexicon, form: str | None) -> str | None:
    return lx.stem_value("direction", form) if form else None


def _year(gd: dict[str, str | None]) -> int | None:
    y = gd.get("y")
    if not y:
        return None
    v = int(y)
    if len(y) == 2:
        v += 2000
    return v


def _count(lx: LangLexicon, s: str | None) -> int | str | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    v = lx.value("number", s)
    if v is None:
        return None
    return "few" if v == "few" else int(v)


def _unit(lx: LangLexicon, s: str | None) -> str | None:
    if not s:
        return None
    return lx.value("unit", s) or lx.value("unit_plural", s)


# --- builders ---------------------------------------------------------------------------------------

def build_date(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    d = int(_g(gd, "d", "d3") or 0)
    d2s = _g(gd, "d2", "d4")
    mon = _g(gd, "mon", "mon2")
    month = int(gd["m"]) if gd.get("m") else lx.months.get(norm(mon or ""))
    if not month or not d:
        return None
    year = _year(gd)
    if gd.get("y2d"):
        year = 2000 + int(gd["y2d"] or 0)
    if gd.get("m") and year is None and not (gd.get("prep") or gd.get("wd")):
        return None                                 # "5.3." alone may be anything
    if d > month_last(year or 2024, month):
        return None
    end_day = int(d2s) if d2s else None
    if end_day is not None and end_day <= d:
        return None
    return Spec("date", year=year, month=month, day=d, end_month=month if end_day else None,
                end_day=end_day, year_rel=_year_rel(gd, lx), prep=_prep(gd))


_EN_MAY_PREPS = frozenset({"in", "since", "until", "till", "during", "through", "throughout"})


def build_month(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    mon = gd.get("mon") or ""
    month = lx.months.get(norm(mon))
    if not month:
        return None
    year = _year(gd)
    yrel = _year_rel(gd, lx)
    prep = _prep(gd)
    part = lx.value("part", gd.get("part"))
    direction = _direction(lx, gd.get("rel"))
    if norm(mon) in lx.month_abbr and year is None and yrel is None:
        return None
    if not (prep or part or direction or year or yrel is not None):
        return None
    if lx.lang == "en" and year is None and yrel is None and not part and not direction:
        if prep in ("on", "at") or (norm(mon) == "may" and prep not in _EN_MAY_PREPS):
            return None
    if direction == "anaphoric":
        return Spec("anaphoric", prep=prep)
    if direction == "lastn":
        direction = "past"
    return Spec("month", year=year, month=month, part=part, direction=direction, year_rel=yrel, prep=prep)


def build_weekday(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    wd = lx.weekdays.get(norm(gd.get("wd") or ""))
    if not wd:
        return None
    before = word_before(ctx, m.start())
    if lx.value("weekday_blocker", before) is not None:
        return None
    after = words_after(ctx, m.end(), 1)
    if after and lx.value("weekday_blocker_after", after[0]) is not None:
        return None
    direction = _direction(lx, gd.get("rel"))
    if direction == "anaphoric":
        return Spec("anaphoric", prep=_prep(gd))
    if direction == "lastn":
        direction = "past"
    week_rel = None
    if gd.get("wrel"):
        week_rel = DIRECTION_OFFSET.get(_direction(lx, gd.get("wrel")) or "")
        if week_rel is None:
            return None
    return Spec("weekday", weekday=wd, direction=direction, week_rel=week_rel, prep=_prep(gd))


_HEUTE_NAME_BEFORE = frozenset({"der", "die", "dem", "laut", "gegenüber", "zeitung"})


def build_offset(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    w = gd.get("w") or ""
    v = lx.value("day_offset", w)
    if v is None:
        return None
    key = norm(w)
    start = m.start("w")
    if lx.lang == "de" and w[:1].isupper():
        at_start = at_sentence_start(ctx, start)
        if key == "morgen" and not at_start:
            return None                         # "am Morgen" is the morning
        if key == "heute" and not at_start and word_before(ctx, start).lower() in _HEUTE_NAME_BEFORE:
            return None                         # the newspaper "Heute"
    if lx.lang == "en" and key == "today" and word_before(ctx, start) in ("USA", "Russia"):
        return None
    return Spec("offset", n=int(v), prep=_prep(gd))


_WEEKEND_PREPS = frozenset({"am", "an", "übers", "über", "zum", "bis zum", "seit", "über das", "at", "over",
                            "on", "during", "this", "for"})
_PERIOD_UNITS = frozenset({"week", "month", "year", "weekend", "quarter", "half"})
_GENITIVE_AFTER = re.compile(r"\s+(?:des|der|eines|einer|of)\b", re.I)


def build_unit(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    unit = lx.value("unit", gd.get("unit"))
    if unit not in _PERIOD_UNITS:
        return None
    prep = _prep(gd)
    part = lx.value("part", gd.get("part"))
    rel = gd.get("rel")
    direction = _direction(lx, rel)
    if direction == "anaphoric":
        return Spec("anaphoric", prep=prep)
    if direction is None and part is None:
        if prep and prep.startswith(("im lauf", "during", "throughout")):
            direction = "present"
        elif not (unit == "weekend" and prep in _WEEKEND_PREPS):
            return None
    if rel and norm(rel).startswith(("letzt", "last")) and _GENITIVE_AFTER.match(ctx.text, m.end()):
        return None                             # "in der letzten Woche des Wahlkampfs"
    if lx.lang == "en" and direction in ("lastn", "past") and gd.get("art") and part is None:
        return Spec("lastn", unit=unit, n=1, direction="past", prep=prep)   # "the past week"
    if direction == "lastn":
        direction = "past"
    return Spec("unit", unit=unit, direction=direction, part=part, prep=prep)


def build_compound(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    v = ctx.lx.value("part_compound", gd.get("comp"))
    if not v:
        return None
    unit, part = v.split(":")
    return Spec("compound", unit=unit, part=part, year=_year(gd), prep=_prep(gd))


def build_relword(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    v = ctx.lx.value("rel_word", gd.get("w"))
    if not v:
        return None
    unit, off = v.split(":")
    direction = {-1: "past", 0: "present", 1: "future"}[int(off)]
    return Spec("unit", unit=unit, direction=direction, prep=_prep(gd))


def build_ago(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    n = _count(lx, gd.get("n"))
    unit = _unit(lx, gd.get("unit"))
    if n is None or unit is None:
        return None
    if n == "few":
        if unit == "hour":
            return Spec("offset", n=0)
        return Spec("vague", direction="recent")
    assert isinstance(n, int)
    if n <= 0 or (unit in ("year", "decade") and n > 200) or n > 1000:
        return None
    return Spec("ago", unit=unit, n=n, direction="past")


def build_in(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    n = _count(lx, gd.get("n"))
    unit = _unit(lx, gd.get("unit"))
    if n is None or unit is None or n == "few":
        return None
    assert isinstance(n, int)
    if n < 2 or n > 100:
        return None
    return Spec("ago", unit=unit, n=n, direction="future")


def build_lastn(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    direction = _direction(lx, gd.get("rel"))
    if direction in ("past", "lastn"):
        direction = "past"
    elif direction != "future":
        return None
    unit = _unit(lx, gd.get("unit"))
    if unit is None:
        return None
    plural = lx.value("unit_plural", gd.get("unit")) is not None
    n = _count(lx, gd.get("n"))
    if n is None:
        if plural:
            return Spec("vague", direction="recent" if direction == "past" else "future")
        if lx.lang == "de":
            return None                         # "in der vergangenen Woche": the calendar week
        n = 1
    if n == "few":
        return Spec("vague", direction="recent" if direction == "past" else "future")
    assert isinstance(n, int)
    if n <= 0:
        return None
    return Spec("lastn", unit=unit, n=n, direction=direction)


_RISKY_YEAR_PREPS = frozenset({"vor", "um", "bis", "ab", "von", "für", "gegen", "in", "nach", "über",
                               "of", "for", "over", "around", "by", "before", "after", "from"})


_DETERMINERS = frozenset({"diese", "diesen", "dieser", "diesem", "dieses", "seine", "seinen", "seiner",
                          "seinem", "seines", "ihre", "ihren", "ihrer", "ihrem", "ihres", "keine", "keinen",
                          "keiner", "keinem", "jene", "jenen", "alle", "allen", "beide", "beiden", "jede",
                          "jeden", "jeder", "jedem", "unsere", "unseren", "eine", "einen", "einer", "einem",
                          "eines", "welche", "welchen", "deren", "dessen", "sowie", "wieder", "immer",
                          "ebenfalls", "bereits", "erneut", "selbst", "gegen", "unter", "wegen", "hinter",
                          "neben", "zwischen", "während", "ohne", "über", "aber", "oder", "sondern", "denn",
                          "sehr", "mehr"})


def _quantity_after(ctx: Ctx, pos: int, strict: bool) -> bool:
    """The number ending at ``pos`` counts something ("2000 Menschen", "2000 verletzte Soldaten")."""
    lx = ctx.lx
    nxt = words_after(ctx, pos, 2)
    if not nxt:
        return False
    if ctx.text[pos:pos + 1] in "%‰":
        return True
    if lx.value("not_after_year", nxt[0]) is not None:
        return True
    if not strict or lx.lang != "de":
        return False
    w = nxt[0]
    if w[:1].isupper() and w[:1].isalpha():
        return norm(w) not in lx.months
    if w[:1].islower() and len(w) >= 5 and w.endswith(("e", "en", "er", "es", "em")) and len(nxt) > 1 \
            and nxt[1][:1].isupper() and w.lower() not in _DETERMINERS:
        return True                             # attributive adjective + noun
    return False


def build_year(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    y = int(gd["y"] or 0)
    prep = _prep(gd)
    part = lx.value("part", gd.get("part"))
    jahr = gd.get("jahr")
    if not (part or jahr or (prep and prep not in ("im", "vom", "dem", "das", "the"))):
        return None
    end_year = None
    if gd.get("y2"):
        end_year = int(gd["y2"] or 0)
        if end_year <= y:
            return None
    elif gd.get("yy"):
        yy = gd["yy"] or ""
        end_year = int(yy) if len(yy) == 4 else y // 100 * 100 + int(yy)
        if end_year != y + 1:
            return None
    if not (part or jahr) and end_year is None:
        strict = prep in _RISKY_YEAR_PREPS
        if strict and y < 1900:
            return None
        if _quantity_after(ctx, m.end(), strict):
            return None
    return Spec("year", year=y, end_year=end_year, part=part, prep=prep)


def build_bare_year(m: re.Match[str], ctx: Ctx) -> Spec | None:
    """A German four-digit year without a preposition ("hatte sich 2013 für … ausgesprochen"): only
    where it cannot be a count."""
    lx = ctx.lx
    y = int(m.group("y"))
    if not 1900 <= y <= 2039:
        return None
    before = word_before(ctx, m.start())
    if lx.value("quantity_before_year", before) is not None or before[:1].isdigit():
        return None
    if before and before[-1:] in "$€£" or ctx.text[m.start() - 1:m.start()] in "$€£#+-–/":
        return None
    if re.match(r"\s*[-–/]\s*\d", ctx.text[m.end():m.end() + 4]):
        return None
    if _quantity_after(ctx, m.end(), True):
        return None
    return Spec("year", year=y)


def build_season(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    sform = gd.get("season") or ""
    season = lx.value("season", sform)
    if not season:
        return None
    year = _year(gd)
    yrel = _year_rel(gd, lx)
    prep = _prep(gd)
    part = lx.value("part", gd.get("part"))
    direction = _direction(lx, gd.get("rel"))
    if not (prep or part or direction or year or yrel is not None):
        return None
    if norm(sform) == "fall" and year is None and yrel is None and not direction \
            and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
        return None                             # "in the fall of Kabul"
    if direction == "anaphoric":
        return Spec("anaphoric", prep=prep)
    if direction == "lastn":
        direction = "past"
    if part in ("earlier", "later"):
        part = None
    return Spec("season", season=season, year=year, part=part, direction=direction, year_rel=yrel, prep=prep)


def build_quarter(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    lx = ctx.lx
    ustr = norm(gd.get("unit") or "")
    unit = "quarter" if ustr.startswith(("quartal", "quarter")) else "half"
    ordform = gd.get("ord")
    if gd.get("qn"):
        n = int(gd["qn"] or 0)
    else:
        v = lx.stem_value("ordinal", ordform) if lx.lang == "de" else lx.value("ordinal", ordform)
        if v is None:
            return None
        n = int(v)
    year = _year(gd)
    yrel = _year_rel(gd, lx)
    last = norm(ordform or "").startswith(("letzt", "last", "final"))
    if last and year is None and yrel is None:
        return None                             # "im letzten Quartal": the previous quarter
    if unit == "half":
        n = 2 if last else n
        if n not in (1, 2):
            return None
    return Spec(unit, n=n, year=year, year_rel=yrel, prep=_prep(gd))


def build_q(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    year = _year(gd)
    if gd.get("q"):
        return Spec("quarter", n=int(gd["q"] or 0), year=year)
    return Spec("half", n=int(gd["h"] or 0), year=year)


def build_decade(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    dec = (gd.get("dec") or "").lstrip("'’")
    v = int(dec)
    if len(dec) == 2:
        v += 1900 if v >= 20 else 2000
    prep = _prep(gd) or ""
    part = ctx.lx.value("part", gd.get("part")) or ctx.lx.value("part", prep.split()[0] if prep else None)
    return Spec("decade", year=v, part=part if part in ("early", "mid", "late") else None, prep=prep or None)


def build_vague(m: re.Match[str], ctx: Ctx) -> Spec | None:
    w = m.group("w")
    v = ctx.lx.value("vague", w)
    if v is None:
        return None
    key = norm(w)
    before = word_before(ctx, m.start()).lower()
    if key == "zuletzt" and before in ("nicht", "not"):
        return None                             # "nicht zuletzt": not least
    if v == "anaphoric":
        return Spec("anaphoric")
    return Spec("vague", direction=v)


def build_holiday(m: re.Match[str], ctx: Ctx) -> Spec | None:
    gd = m.groupdict()
    rule = ctx.lx.holidays.get(norm(gd.get("hol") or ""))
    if not rule:
        return None
    return Spec("holiday", rule=rule, year=_year(gd), prep=_prep(gd))


# --- patterns ---------------------------------------------------------------------------------------

def _compile(p: str) -> re.Pattern[str]:
    # no match starts inside a word ("jederzeit", "Wahlsonntag") or after a hyphen ("ZDF-Heute")
    return re.compile(r"(?<![\w-])" + p, re.I)


def build_rules(lx: LangLexicon, *, bare_years: bool = True) -> list[Rule]:
    return _de_rules(lx, bare_years) if lx.lang == "de" else _en_rules(lx)


def _forms(lx: LangLexicon, cat: str) -> list[str]:
    return lx.category_forms(cat)


def _de_rules(lx: LangLexicon, bare_years: bool) -> list[Rule]:
    MON = alt(lx.month_forms)
    WD = alt(lx.weekday_forms)
    REL = f"(?:{alt(_forms(lx, 'direction'))}(?:em|en|er|es|e)?)"
    PART = alt(_forms(lx, "part"))
    DP = alt(_forms(lx, "daypart"))
    UNIT_SG = alt(_forms(lx, "unit"))
    UNIT_ALL = alt(_forms(lx, "unit") + _forms(lx, "unit_plural"))
    UNIT_PL = alt(_forms(lx, "unit_plural"))
    NUMW = alt(_forms(lx, "number"))
    QUAL = alt(_forms(lx, "qualifier"))
    ORD = alt(_forms(lx, "ordinal"))
    SEASON = alt(_forms(lx, "season"))
    OFFSET = alt(_forms(lx, "day_offset"))
    COMP = alt(_forms(lx, "part_compound"))
    RELW = alt(_forms(lx, "rel_word"))
    VAGUE = alt(_forms(lx, "vague"))
    HOL = alt(lx.holiday_forms)
    PREP_DATE = (r"(?:am|vom|von|zwischen\s+dem|zwischen|seit\s+dem|seit|bis\s+zum|bis\s+spätestens|bis|zum|ab\s+dem|ab|an\s+dem|"
                 r"für\s+den|nach\s+dem|vor\s+dem|spätestens\s+am|den|dem|um\s+den)")
    YREL = rf"\s+(?:des\s+)?(?P<yrel>{REL})\s+Jahres{NW}|\s+des\s+(?P<vorjahr>Vorjahres){NW}"
    WDPRE = rf"(?:(?P<wd>{WD}),?\s+(?:(?:den|dem)\s+)?)?"
    rules = [
        Rule("iso", _compile(rf"(?:(?P<prep>{PREP_DATE})\s+)?(?<![\d.\-/])(?P<y>{Y})-(?P<m>1[0-2]|0[1-9])-"
                             rf"(?P<d>3[01]|[12]\d|0[1-9])(?![\w\-/])"), build_date, 1),
        Rule("numeric", _compile(
            rf"(?:(?P<prep>{PREP_DATE})\s+)?{WDPRE}(?<![\d.])(?P<d>{D})\.(?P<m>{MN})\."
            rf"(?:(?P<y>{Y})|(?P<y2d>\d\d))?(?!\d|[.,]\d)"), build_date, 1),
        Rule("daymonth", _compile(
            rf"(?:(?P<prep>{PREP_DATE})\s+)?{WDPRE}(?<![\d.,])(?P<d>{D})\.?"
            rf"(?:\s*(?:-|–|bis(?:\s+(?:zum|zur))?|und|/)\s*(?P<d2>{D})\.?)?\s*(?P<mon>{MON}){NW}"
            rf"(?:\s+(?P<y>{Y}){YE}|{YREL})?"), build_date, 1),
        Rule("month", _compile(
            rf"(?:(?P<prep>im|in|seit|bis\s+zum|bis\s+in\s+den|bis|ab|vom|von|zum|für|seit\s+dem|ab\s+dem|um|"
            rf"zwischen)\s+)?"
            rf"(?:(?P<part>{PART})\s+)?(?:(?:des\s+)?(?P<rel>{REL})\s+)?(?P<mon>{MON}){NW}"
            rf"(?:\s+(?P<y>{Y}){YE}|{YREL})?"), build_month, 2),
        Rule("weekday", _compile(
            rf"(?:(?P<prep>in\s+der\s+Nacht\s+(?:zum|zu|auf\s+den|auf|von)|in\s+der\s+Nacht|am|an|seit|"
            rf"bis\s+zum|bis|ab|vom|von|zwischen|zum|für)\s+)?(?:(?P<rel>{REL})\s+)?(?P<wd>{WD})(?:{DP})?{NW}"
            rf"(?:\s+(?P<dp2>{DP}){NW})?(?:\s+(?P<wrel>{REL})\s+Woche{NW})?"), build_weekday, 3),
        Rule("offset", _compile(
            rf"(?:(?P<prep>bis|seit|ab|von|für)\s+)?(?P<w>{OFFSET}){NW}(?:\s+(?P<dp>{DP}){NW})?"), build_offset, 3),
        Rule("unit", _compile(
            rf"(?:(?P<prep>im\s+Laufe?|in|an|am|im|zum|zur|bis\s+zum|bis\s+zur|bis|seit|ab|für|über|übers|"
            rf"während|von|vom)\s+)?(?:(?P<part>{PART})\s+)?"
            # "in der vergangenen Woche", "Mitte der Woche", but not the pronoun in "der kommende Woche"
            rf"(?:(?P<art>(?:der|des|dem|den)(?=\s+(?:\w+en\s|{UNIT_SG}))|die|das)\s+)?"
            rf"(?:(?P<rel>{REL})\s+)?(?P<unit>{UNIT_SG}){NW}"), build_unit, 3),
        Rule("compound", _compile(
            rf"(?:(?P<prep>zum|zu|bis\s+zum|bis|seit|ab|am|gegen|vor|nach|um)\s+)?(?P<comp>{COMP}){NW}"
            rf"(?:\s+(?P<y>{Y}){YE})?"), build_compound, 3),
        Rule("relword", _compile(
            rf"(?:(?P<prep>im|in|seit|ab|bis|vom|zum)\s+)?(?P<w>{RELW}){NW}"), build_relword, 4),
        Rule("ago", _compile(
            rf"vor\s+(?:{QUAL}\s+)?(?P<n>\d{{1,4}}|{NUMW})\s+(?P<unit>{UNIT_ALL}){NW}"), build_ago, 2),
        Rule("in", _compile(rf"in\s+(?P<n>\d{{1,3}}|{NUMW})\s+(?P<unit>{UNIT_PL}){NW}"), build_in, 4),
        Rule("lastn", _compile(
            rf"(?:in|während|binnen|innerhalb|seit)\s+(?:der|den)\s+(?P<rel>{REL})\s+"
            rf"(?:(?P<n>\d{{1,3}}|{NUMW})\s+)?(?P<unit>{UNIT_ALL}){NW}"), build_lastn, 2),
        Rule("year", _compile(
            rf"(?:(?P<prep>(?P<zw>zwischen)|bis\s+zum|bis\s+ins|bis\s+spätestens|seit\s+dem|ab\s+dem|im|seit|bis|"
            rf"ab|vor|nach|von|vom|um|für|gegen|in)\s+)?(?:(?P<part>{PART})\s+)?(?:(?:des|dem|das)\s+)?"
            rf"(?:(?P<jahr>Jahre?s?)\s+)?(?<![\d.,])(?P<y>{Y})(?:/(?P<yy>\d{{4}}|\d\d))?"
            rf"(?:\s*(?:-|–|bis|(?(zw)und|(?!)))\s*(?:(?:zum|ins)\s+(?:Jahr\s+)?)?(?P<y2>{Y}))?{YE}"), build_year, 3),
        Rule("season", _compile(
            rf"(?:(?P<prep>im|in|seit\s+dem|seit|bis\s+zum|bis\s+in\s+den|zum|ab\s+dem|vom|über\s+den|"
            rf"für\s+den)\s+)?(?:(?P<part>{PART})\s+(?:des\s+)?)?(?:(?P<rel>{REL})\s+)?"
            rf"(?P<season>{SEASON})(?:es|s)?{NW}(?:\s+(?:des\s+Jahres\s+)?(?P<y>{Y})(?:/(?P<yy>\d{{4}}|\d\d))?{YE}"
            rf"|{YREL})?"), build_season, 3),
        Rule("quarter", _compile(
            rf"(?:(?P<prep>im\s+Laufe?\s+des|im|in\s+der|seit\s+dem|bis\s+zum|zum|ab\s+dem|für\s+das|für\s+die|"
            rf"das|die)\s+)?(?:(?P<qn>[1-4])\.\s*|(?P<ord>{ORD})(?:em|en|er|es|e)\s+)"
            rf"(?P<unit>Quartals?|Jahreshälfte|Halbjahr(?:es|s)?|Hälfte\s+des\s+Jahres){NW}"
            rf"(?:\s+(?:des\s+Jahres\s+)?(?P<y>{Y}){YE}|\s+(?:des\s+|dieses\s+)?(?P<yrel>{REL})\s+Jahres{NW})?"),
            build_quarter, 2),
        Rule("q", _compile(rf"(?<!\w)(?:Q(?P<q>[1-4])|H(?P<h>[12]))(?:\s*/\s*|\s+|\s*-\s*)(?P<y>{Y}|\d\d)(?!\w)"),
             build_q, 2),
        Rule("decade", _compile(
            rf"(?P<prep>in\s+den|seit\s+den|bis\s+in\s+die|Anfang\s+der|Mitte\s+der|Ende\s+der|der|die|den)\s+"
            rf"(?P<dec>(?:1[89]|20)\d0|\d0)er(?:n|\s*-?\s*Jahren?)?{NW}"), build_decade, 2),
        Rule("vague", _compile(rf"(?P<w>{VAGUE}){NW}"), build_vague, 4),
        Rule("holiday", _compile(
            rf"(?:(?P<prep>an|zu|am|vor|nach|seit|bis|über|zum|um)\s+)?(?P<hol>{HOL}){NW}(?:\s+(?P<y>{Y}){YE})?"),
            build_holiday, 3),
    ]
    if bare_years:
        rules.append(Rule("bare_year", _compile(rf"(?<![\w.,])(?P<y>{Y}){YE}"), build_bare_year, 9))
    return rules


def _en_rules(lx: LangLexicon) -> list[Rule]:
    MON = alt(lx.month_forms, cs=True)
    WD = alt(lx.weekday_forms, cs=True)
    REL = alt(_forms(lx, "direction"))
    PART = alt(_forms(lx, "part"))
    DP = alt(_forms(lx, "daypart"))
    UNIT_SG = alt(_forms(lx, "unit"))
    UNIT_ALL = alt(_forms(lx, "unit") + _forms(lx, "unit_plural"))
    UNIT_PL = alt(_forms(lx, "unit_plural"))
    NUMW = alt(_forms(lx, "number"))
    QUAL = alt(_forms(lx, "qualifier"))
    ORD = alt(_forms(lx, "ordinal"))
    SEASON = alt(_forms(lx, "season"))
    OFFSET = alt(_forms(lx, "day_offset"))
    COMP = alt(_forms(lx, "part_compound"))
    VAGUE = alt(_forms(lx, "vague"))
    HOL = alt(lx.holiday_forms, cs=True)
    ORDSUF = r"(?:st|nd|rd|th)?"
    PREP_DATE = r"(?:on|since|until|till|by|from|before|after|between|through|as\s+of|starting)"
    YREL = rf"\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year{NW}"
    rules = [
        Rule("iso", _compile(rf"(?:(?P<prep>{PREP_DATE})\s+)?(?<![\d.\-/])(?P<y>{Y})-(?P<m>1[0-2]|0[1-9])-"
                             rf"(?P<d>3[01]|[12]\d|0[1-9])(?![\w\-/])"), build_date, 1),
        Rule("date", _compile(
            rf"(?:(?P<prep>{PREP_DATE})\s+)?(?:(?P<wd>{WD}),?\s+)?"
            rf"(?:(?:the\s+)?(?<![\d.,])(?P<d>{D}){ORDSUF}(?:\s*(?:-|–|to|and)\s*(?P<d2>{D}){ORDSUF})?\s+(?:of\s+)?"
            rf"(?P<mon>{MON}){NW}"
            rf"|(?P<mon2>{MON})\s+(?P<d3>{D}){ORDSUF}(?:\s*(?:-|–|to|and)\s*(?P<d4>{D}){ORDSUF})?(?!\w|[.,]\d))"
            rf"(?:,?\s+(?P<y>{Y}){YE}|{YREL})?"), build_date, 1),
        Rule("month", _compile(
            rf"(?:(?P<prep>in|since|until|till|by|from|during|through|throughout|of|for|before|after|at|on|"
            rf"between)\s+)?"
            rf"(?:(?P<part>{PART})(?:\s+|-))?(?:(?P<rel>{REL})\s+)?(?P<mon>{MON}){NW}"
            rf"(?:,?\s+(?P<y>{Y}){YE}|{YREL})?"), build_month, 2),
        Rule("weekday", _compile(
            rf"(?:(?P<prep>on|since|until|till|by|from|before|after|over|through|early|late|overnight|as\s+of)\s+)?"
            rf"(?:(?P<rel>{REL})\s+)?(?P<wd>{WD}){NW}(?:\s+(?P<dp2>{DP}){NW})?"
            rf"(?:\s+of\s+(?P<wrel>last|next|this)\s+week{NW})?"), build_weekday, 3),
        Rule("offset", _compile(
            rf"(?:(?P<prep>since|until|till|by|from|as\s+of)\s+)?(?:(?:earlier|later|late|early)\s+)?"
            rf"(?P<w>{OFFSET}){NW}(?:\s+(?P<dp>{DP}){NW})?"), build_offset, 3),
        Rule("unit", _compile(
            rf"(?:(?P<prep>in|during|over|since|until|till|by|for|at|from|through|throughout|of|on)\s+)?"
            rf"(?:(?P<part>{PART})(?:\s+|-))?(?:(?P<art>the)\s+)?(?:(?P<rel>{REL})\s+)?(?P<unit>{UNIT_SG}){NW}"),
            build_unit, 3),
        Rule("compound", _compile(
            rf"(?:(?P<prep>by|until|till|at|since|before|after|around)\s+)?(?:the\s+)?(?P<comp>{COMP}){NW}"
            rf"(?:\s+(?P<y>{Y}){YE})?"), build_compound, 3),
        Rule("ago", _compile(
            rf"(?:{QUAL}\s+){{0,2}}(?P<n>\d{{1,4}}|{NUMW})\s+(?P<unit>{UNIT_ALL})\s+ago{NW}"), build_ago, 2),
        Rule("in", _compile(
            rf"in\s+(?P<n>\d{{1,3}}|{NUMW})\s+(?P<unit>{UNIT_PL})(?:['’]\s*time)?{NW}"), build_in, 4),
        Rule("lastn", _compile(
            rf"(?:in|over|during|for|within|throughout)\s+the\s+(?P<rel>{REL})\s+(?:(?P<n>\d{{1,3}}|{NUMW})\s+)?"
            rf"(?P<unit>{UNIT_ALL}){NW}"), build_lastn, 2),
        Rule("year", _compile(
            rf"(?:(?P<prep>(?P<zw>between)|in|since|until|till|by|before|after|from|during|through|throughout|"
            rf"around|circa|of|for)\s+)?(?:(?P<part>{PART})(?:\s+|-))?(?:(?:the\s+)?(?P<jahr>year)\s+)?"
            rf"(?<![\d.,$€£])(?P<y>{Y})(?:/(?P<yy>\d{{4}}|\d\d))?"
            rf"(?:\s*(?:-|–|to|through|until|(?(zw)and|(?!)))\s*(?P<y2>{Y}))?{YE}"), build_year, 3),
        Rule("season", _compile(
            rf"(?:(?P<prep>in|during|over|since|until|till|by|through|throughout|for|from|of)\s+)?(?:the\s+)?"
            rf"(?:(?P<part>{PART})(?:\s+|-)(?:the\s+)?)?(?:(?P<rel>{REL})\s+)?(?P<season>{SEASON}){NW}"
            rf"(?:\s+(?:of\s+)?(?P<y>{Y})(?:/(?P<yy>\d{{4}}|\d\d))?{YE}|\s+of\s+(?P<yrel>last|this|next)\s+year{NW})?"),
            build_season, 3),
        Rule("quarter", _compile(
            rf"(?:(?P<prep>in|during|for|since|by|through|from)\s+)?(?:the\s+)?(?P<ord>{ORD})\s+"
            rf"(?P<unit>quarter|half)\s+(?:of\s+)?(?:(?P<y>{Y}){YE}|the\s+year{NW}|(?P<yrel>last|this|next)\s+year{NW})"),
            build_quarter, 2),
        Rule("q", _compile(rf"(?<!\w)(?:Q(?P<q>[1-4])|H(?P<h>[12]))(?:\s*/\s*|\s+|\s*-\s*)(?P<y>{Y}|\d\d)(?!\w)"),
             build_q, 2),
        Rule("decade", _compile(
            rf"(?:(?P<prep>in|during|since|through|until|by|of|from|throughout)\s+)?the\s+"
            rf"(?:(?P<part>early|mid|late)(?:\s+|-))?(?P<dec>(?:1[89]|20)\d0|['’]?\d0)s{NW}"), build_decade, 2),
        Rule("vague", _compile(rf"(?P<w>{VAGUE}){NW}"), build_vague, 4),
        Rule("holiday", _compile(
            rf"(?:(?P<prep>on|at|over|before|after|since|until|by|for|during)\s+)?(?P<hol>{HOL}){NW}"
            rf"(?:,?\s+(?P<y>{Y}){YE})?"), build_holiday, 3),
    ]
    return rules
