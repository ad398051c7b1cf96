"""Finding time expressions in a Document and normalising them against its publication date.

Per sentence, a token-level trigger check (a set look-up per token) decides whether any rule can
match; only triggered sentences are searched, with the pre-compiled rule expressions over the
sentence's stretch of ``doc.text`` (so offsets are exact). Overlapping candidates are resolved
longest first; "vom 5. bis 7. März"-style ranges across two candidates are merged.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from ..document import Document, Sentence, TimeExpr, Token
from .lexicon import LANGS, LangLexicon, TemporalLexicon, load_lexicon, norm
from .normalise import Resolved, Spec, coarser, needs_tense, resolve
from .rules import Ctx, Rule, build_rules
from .tense import TenseCues

MERGEABLE = frozenset({"date", "month", "year", "season", "weekday", "holiday", "quarter", "half"})
_RANGE_END_PREPS = frozenset({"bis", "bis zum", "bis zur", "bis in den", "bis spätestens", "to", "until",
                              "till", "through"})
_RANGE_START_PREPS = frozenset({"zwischen", "zwischen dem", "between"})
_SEP = {
    "de": re.compile(r"\s*(?:(?P<bis>bis(?:\s+(?:zum|zur|in\s+den))?|-|–|—)|(?P<und>und))\s*"
                     r"(?:(?:dem|den|der)\s+)?", re.I),
    "en": re.compile(r"\s*(?:(?P<bis>to|until|till|through|-|–|—)|(?P<und>and))\s*(?:the\s+)?", re.I),
}
_DATELESS_KINDS = frozenset({"vague", "anaphoric"})


@dataclass(slots=True)
class Found:
    start: int
    end: int
    spec: Spec
    rule: str
    priority: int = 5
    tense: str | None = None
    resolved: Resolved | None = None

    @property
    def kind(self) -> str:
        """date, month, … ; for dateless expressions 'vague:recent', 'vague:present', 'anaphoric' …"""
        if self.spec.kind == "vague":
            return f"vague:{self.spec.direction}"
        return self.spec.kind


class TimeFinder:
    def __init__(self, lexicon: TemporalLexicon | None = None, *, bare_years: bool = True) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.rules: dict[str, list[Rule]] = {}
        self.rules_by_kind: dict[str, dict[str, list[Rule]]] = {}
        self.token_kinds: dict[str, dict[str, frozenset[str]]] = {}
        # token text -> trigger kinds, filled as texts are seen (one look-up per token)
        self._kind_cache: dict[str, dict[str, frozenset[str]]] = {lang: {} for lang in LANGS}
        self.prefixes: dict[str, tuple[str, ...]] = {}
        self.cues: dict[str, TenseCues] = {}
        for lang in LANGS:
            lx = self.lexicon[lang]
            self.rules[lang] = build_rules(lx, bare_years=bare_years)
            by_kind: dict[str, list[Rule]] = {}
            for rule in self.rules[lang]:
                for k in rule.anchors:
                    by_kind.setdefault(k, []).append(rule)
            self.rules_by_kind[lang] = by_kind
            self.token_kinds[lang], self.prefixes[lang] = _token_kinds(lx)
            self.cues[lang] = TenseCues(lx)

    # --- public --------------------------------------------------------------------------------------

    def find(self, doc: Document) -> list[TimeExpr]:
        return [self.to_expr(doc, f) for f in self.find_spans(doc)]

    @staticmethod
    def to_expr(doc: Document, f: Found) -> TimeExpr:
        r = f.resolved or Resolved(None, None, "unknown")
        return TimeExpr(text=doc.text[f.start:f.end], start=f.start, end=f.end, start_date=r.start,
                        end_date=r.end, precision=r.precision, unresolved=r.unresolved)

    def find_spans(self, doc: Document) -> list[Found]:
        lang = doc.language if doc.language in LANGS else "de"
        lx = self.lexicon[lang]
        toks = doc.tokens
        sents = doc.sentences or [Sentence(0, len(doc.text), 0, len(toks))]
        starts = [t.start for t in toks]
        out: list[Found] = []
        for sent in sents:
            anchors = self._anchors(toks, sent.token_start, sent.token_end, lang) if toks else None
            if anchors is not None and not anchors:
                continue
            found = self._candidates(doc.text, sent, lx, lang, anchors, toks)
            if not found:
                continue
            for f in found:
                e0 = bisect_left(starts, f.start, sent.token_start, sent.token_end)
                e1 = bisect_left(starts, f.end, sent.token_start, sent.token_end)
                if toks and needs_tense(f.spec):
                    f.tense = self.cues[lang].tense(toks, sent.token_start, sent.token_end, e0, max(e1, e0 + 1))
                f.resolved = resolve(f.spec, doc.published, f.tense)
            out.extend(self._merge(doc, [f for f in found if f.resolved is not None], lang))
        return out

    # --- steps -----------------------------------------------------------------------------------------

    def _anchors(self, toks: list[Token], a: int, b: int, lang: str) -> dict[str, list[int]]:
        """Token indices of trigger words by kind (month, weekday, unit, digit …); empty if none."""
        cache = self._kind_cache[lang]
        out: dict[str, list[int]] = {}
        for i in range(a, b):
            text = toks[i].text
            ks = cache.get(text, _MISSING)
            if ks is _MISSING:
                ks = self._kinds_of(text, lang)
                if len(cache) > 500_000:
                    cache.clear()
                cache[text] = ks
            if ks:
                for k in ks:
                    out.setdefault(k, []).append(i)
        return out

    def _kinds_of(self, text: str, lang: str) -> frozenset[str]:
        low = text.lower()
        ks = self.token_kinds[lang].get(low)
        if ks is not None:
            return ks
        if low[:1].isdigit():
            return _DIGIT
        if low.startswith(self.prefixes[lang]):
            return _prefix_kinds(low)
        return _NONE

    def _candidates(self, text: str, sent: Sentence, lx: LangLexicon, lang: str,
                    anchors: dict[str, list[int]] | None = None, toks: list[Token] | None = None,
                    ) -> list[Found]:
        """Rule matches in the sentence; with ``anchors``, each rule only searches the few tokens
        around the trigger words it needs (the hot path), else the whole sentence."""
        ctx = Ctx(text, sent.start, sent.end, lx)
        cands: list[Found] = []
        if anchors is None or toks is None:
            jobs = [(self.rules[lang], [(sent.start, sent.end)])]
        else:
            by_kind = self.rules_by_kind[lang]
            jobs = [(by_kind[k], _windows(toks, idx, sent.token_start, sent.token_end))
                    for k, idx in anchors.items() if k in by_kind]
        for rules, windows in jobs:
            for rule in rules:
                search = rule.regex.search
                for w0, w1 in windows:
                    pos = w0
                    while pos < w1:
                        m = search(text, pos, w1)
                        if m is None:
                            break
                        pos = m.end() if m.end() > m.start() else m.start() + 1
                        spec = rule.build(m, ctx)
                        if spec is not None:
                            cands.append(Found(m.start(), m.end(), spec, rule.name, rule.priority))
        if not cands:
            return []
        cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
        chosen: list[Found] = []
        for c in cands:
            if all(c.end <= o.start or c.start >= o.end for o in chosen):
                chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        # "zuletzt im September 2023": the dated expression speaks for itself
        keep = []
        for i, c in enumerate(chosen):
            nxt = chosen[i + 1] if i + 1 < len(chosen) else None
            if c.spec.kind == "vague" and nxt is not None and nxt.spec.kind not in _DATELESS_KINDS \
                    and not text[c.end:nxt.start].strip():
                continue
            keep.append(c)
        return keep

    def _merge(self, doc: Document, found: list[Found], lang: str) -> list[Found]:
        """Join "vom 5. März bis 7. April 2024", "zwischen 1993 und 2006", "von Montag bis Mittwoch"."""
        out: list[Found] = []
        i = 0
        while i < len(found):
            a = found[i]
            b = found[i + 1] if i + 1 < len(found) else None
            merged = self._try_merge(doc, a, b, lang) if b is not None else None
            if merged is not None:
                out.append(merged)
                i += 2
            else:
                out.append(a)
                i += 1
        return out

    def _try_merge(self, doc: Document, a: Found, b: Found, lang: str) -> Found | None:
        if a.spec.kind not in MERGEABLE or b.spec.kind not in MERGEABLE:
            return None
        gap = doc.text[a.end:b.start]
        m = _SEP[lang].fullmatch(gap)
        if m is not None:
            if m.group("und") and a.spec.prep not in _RANGE_START_PREPS:
                return None
        elif not (gap.strip() == "" and b.spec.prep in _RANGE_END_PREPS):
            return None
        if a.spec.kind == "weekday" and b.spec.kind == "weekday":
            ra = a.resolved
            if ra is None or ra.start is None:
                return None
            assert a.spec.weekday is not None and b.spec.weekday is not None
            start = ra.start
            end = start + dt.timedelta(days=(b.spec.weekday - a.spec.weekday) % 7)
            pub = doc.published
            if pub is not None and a.spec.direction is None and a.spec.week_rel is None:
                # "von Montag bis Mittwoch" in a past clause lies wholly before publication
                if a.tense != "future" and end > pub:
                    start, end = start - dt.timedelta(days=7), end - dt.timedelta(days=7)
                elif a.tense == "future" and start < pub:
                    start, end = start + dt.timedelta(days=7), end + dt.timedelta(days=7)
            return Found(a.start, b.end, a.spec, "range", a.priority, a.tense, Resolved(start, end, "day"))
        ra, rb = a.resolved, b.resolved
        # a year stated once serves both ends: "vom 28. Februar bis 2. März 2024"
        if a.spec.year is None and b.spec.year is not None and a.spec.kind in ("date", "month", "holiday", "season"):
            ya = b.spec.year
            if (a.spec.month or 0, a.spec.day or 0) > (b.spec.month or 13, b.spec.day or 32):
                ya -= 1
            ra = resolve(replace(a.spec, year=ya), doc.published, a.tense)
        elif b.spec.year is None and a.spec.year is not None and b.spec.kind in ("date", "month", "holiday", "season"):
            yb = a.spec.year
            if (b.spec.month or 13, b.spec.day or 32) < (a.spec.month or 0, a.spec.day or 0):
                yb += 1
            rb = resolve(replace(b.spec, year=yb), doc.published, b.tense)
        if ra is None or rb is None:
            return None
        if ra.unresolved or rb.unresolved:
            if not (ra.unresolved and rb.unresolved):
                return None
            return Found(a.start, b.end, a.spec, "range", a.priority, a.tense,
                         Resolved(None, None, coarser(ra.precision, rb.precision), True))
        if ra.start is None or rb.end is None or ra.start > rb.end:
            return None
        return Found(a.start, b.end, a.spec, "range", a.priority, a.tense,
                     Resolved(ra.start, rb.end, coarser(ra.precision, rb.precision)))

    # --- helpers for later stages ------------------------------------------------------------------------

    def classify(self, expr: TimeExpr, lang: str = "de") -> str:
        """'dated', 'unresolved', or for dateless expressions their vague kind (recent, present,
        future, anaphoric, duration) — so the event coder can tell "kürzlich" from "damals"."""
        if expr.start_date is not None:
            return "dated"
        if expr.unresolved and expr.precision != "unknown":
            return "unresolved"
        lx = self.lexicon[lang]
        key = norm(expr.text)
        v = lx.value("vague", key)
        if v:
            return v
        for f in self._candidates(expr.text, Sentence(0, len(expr.text), 0, 0), lx, lang):
            if f.spec.kind == "vague" and f.spec.direction:
                return f.spec.direction
            if f.spec.kind == "anaphoric":
                return "anaphoric"
        return "unknown"


_DIGIT = frozenset({"digit"})
_NONE: frozenset[str] = frozenset()
_MISSING = frozenset({"<missing>"})
_BACK, _FWD = 8, 7      # tokens searched before / after a trigger word


def _prefix_kinds(low: str) -> frozenset[str]:
    if low.startswith("mid-"):
        return frozenset({"month", "digit", "compound"})
    if low.startswith(("gestrig", "morgig")):
        return frozenset({"offset"})
    return frozenset({"weekday"})


def _windows(toks: list[Token], idx: list[int], s0: int, s1: int) -> list[tuple[int, int]]:
    """Character windows around the trigger tokens ``idx`` (sorted), merged where they overlap."""
    out: list[tuple[int, int]] = []
    for i in idx:
        lo = toks[max(s0, i - _BACK)].start
        hi = toks[min(s1, i + _FWD) - 1].end
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _token_kinds(lx: LangLexicon) -> tuple[dict[str, frozenset[str]], tuple[str, ...]]:
    """Lower-case token forms of trigger words with their kinds, and prefixes of compounds
    ("Dienstagabend", "mid-January")."""
    table: dict[str, set[str]] = {}

    def add(form: str, kind: str) -> None:
        parts = norm(form).split()
        if not parts:
            return
        last = parts[-1]
        for p in {last, last.rstrip(".")}:
            table.setdefault(p, set()).add(kind)

    for f in lx.month_forms:
        add(f, "month")
    for f in lx.weekday_forms:
        add(f, "weekday")
    for f in lx.holiday_forms:
        add(f, "holiday")
    for cat, kind in (("day_offset", "offset"), ("unit", "unit"), ("unit_plural", "unit"),
                      ("part_compound", "compound"), ("rel_word", "relword"), ("vague", "vague")):
        for f in lx.category_forms(cat):
            add(f, kind)
    for f in lx.category_forms("season"):
        for suffix in ("", "s", "es"):
            add(f + suffix, "season")
    for q in ("q1", "q2", "q3", "q4", "h1", "h2"):
        table.setdefault(q, set()).add("q")
    prefixes = tuple(sorted({norm(f) for f in lx.weekday_forms} | {"mid-", "gestrig", "morgig"}))
    return {k: frozenset(v) for k, v in table.items()}, prefixes
