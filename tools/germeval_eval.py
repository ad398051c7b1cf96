"""Precision/recall/F1 of the actors+places stages on GermEval 2014 NER (PER, LOC, ORG).

    python tools/germeval_eval.py [FILE] [--limit N] [--errors 30]

Input: the GermEval TSV (index, token, outer BIO tag, inner tag; sentences separated by blank lines;
'#' lines give the source URL and date). Each sentence's text is its tokens joined by single spaces
(token offsets kept); it is analysed as German on the date in its '#' line.

Mapping of our mentions to GermEval types:
  PER  actor mentions of type person that name someone (methods kb, context, coref), trimmed to the
       name (the shortest KB alias, or the found name, that ends the span: "Russlands Präsident
       Wladimir Putin" -> "Wladimir Putin"); persons resolved from a role alone ("der russische
       Präsident" -> Medvedev, method role) name nobody in the text and are not claims;
  ORG  actor mentions of KB organisations and groups, trimmed to the organisation's name;
  LOC  actor mentions of states by country name, capital or seat of power, and place mentions.
  Adjective/demonym mentions ("russische", "Russen") correspond to GermEval's LOCderiv, not LOC,
  and unnamed roles ("der Präsident", "Analysten") to nothing: both are left out of PER/LOC/ORG.
  A mention that is only part of a token ("US" in "US-Vorgaben", "Jugoslawien" in
  "Ex-Jugoslawien") corresponds to GermEval's *part types and is left out as well.

Scoring rule: a predicted span is correct if, for some gold span of the same type (outer or inner
tag), its tokens equal the gold tokens, or lie inside them and include the gold span's head token
(the last token, or for "X of/von/der Y" names the last token before the connector). Precision =
correct / predicted; recall = gold outer spans with a correct prediction / gold outer spans.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "eval" / "germeval2014.dev.tsv"
TYPES = ("PER", "LOC", "ORG")
STAGES = ["structure", "tokenize", "sentences", "lemmatize", "separable", "actors", "places"]
CONNECTORS = frozenset({"of", "von", "der", "des", "für", "for", "the", "de", "du", "la"})
NAME_METHODS = frozenset({"kb", "context", "coref"})


@dataclass
class Sentence:
    tokens: list[str]
    outer: list[str]
    inner: list[str]
    date: str | None
    source: str = ""
    offsets: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def read_germeval(path: Path) -> Iterator[Sentence]:
    toks: list[str] = []
    outer: list[str] = []
    inner: list[str] = []
    date: str | None = None
    source = ""
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("#"):
                m = re.search(r"\[(\d{4}-\d{2}-\d{2})\]", line)
                date = m.group(1) if m else None
                source = line.split("\t")[1] if "\t" in line else ""
                continue
            if not line.strip():
                if toks:
                    yield _finish(toks, outer, inner, date, source)
                    toks, outer, inner = [], [], []
                continue
            cells = line.split("\t")
            if len(cells) < 3:
                continue
            toks.append(cells[1])
            outer.append(cells[2])
            inner.append(cells[3] if len(cells) > 3 else "O")
    if toks:
        yield _finish(toks, outer, inner, date, source)


def _finish(toks: list[str], outer: list[str], inner: list[str], date: str | None, source: str) -> Sentence:
    s = Sentence(toks, outer, inner, date, source)
    pos = 0
    for t in toks:
        s.offsets.append((pos, pos + len(t)))
        pos += len(t) + 1
    return s


def bio_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(type, first token, last token + 1) for PER/LOC/ORG spans (not *deriv/*part)."""
    out: list[tuple[str, int, int]] = []
    cur: tuple[str, int] | None = None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if cur is not None and (tag.startswith("B-") or kind != cur[0]):
            out.append((cur[0], cur[1], i))
            cur = None
        if tag.startswith("B-") or (tag.startswith("I-") and cur is None):
            cur = (kind, i)
    return [s for s in out if s[0] in TYPES]


def head_token(tokens: list[str], start: int, end: int) -> int:
    for i in range(start + 1, end):
        if tokens[i].lower() in CONNECTORS:
            return i - 1
    return end - 1


def _trim(span: str, start: int, names: list[str]) -> tuple[int, int]:
    """The shortest of ``names`` that ends the span ("Nachrichtenagentur AFP" -> "AFP": the KB may list
    a descriptor + name as an alias, GermEval tags the name), else the last occurrence of the longest
    name inside the span, else the whole span."""
    ends = [n for n in names if len(n) >= 2 and span.endswith(n) and
            (len(n) == len(span) or not span[len(span) - len(n) - 1].isalnum())]
    if ends:
        best = min(ends, key=len)
        return start + len(span) - len(best), start + len(span)
    for n in sorted((n for n in names if len(n) >= 2), key=len, reverse=True):
        i = span.rfind(n)
        if i >= 0:
            return start + i, start + i + len(n)
    return start, start + len(span)


def predictions(doc: object, kb: object) -> list[tuple[str, int, int, str]]:
    """(type, char start, char end, how) for our mentions that claim a PER/LOC/ORG name."""
    from lagebild.document import Document
    from lagebild.kb.model import KnowledgeBase

    assert isinstance(doc, Document) and isinstance(kb, KnowledgeBase)
    out: dict[tuple[str, int, int], str] = {}
    forms_by_surface: dict[str, set[str]] = {}
    for a in doc.actors:
        if a.type == "person":
            if a.method not in NAME_METHODS:
                continue
            names = [a.name or ""]
            ent = kb.entities.get(a.actor_id or "")
            if ent is not None:
                names += [ent.name, *ent.aliases]
            s, e = _trim(a.text, a.start, names)
            out.setdefault(("PER", s, e), f"person/{a.method}")
        elif a.type in ("organisation", "group") and a.actor_id and a.actor_id in kb.entities \
                and kb.entities[a.actor_id].type in ("organisation", "group"):
            ent = kb.entities[a.actor_id]
            s, e = _trim(a.text, a.start, [ent.name, ent.name_de or "", *ent.aliases])
            out.setdefault(("ORG", s, e), f"org/{ent.kind}")
        elif a.type == "state" and a.confidence >= 0.99:
            if not forms_by_surface:
                forms_by_surface = _surface_kinds(kb)
            kinds = forms_by_surface.get(a.text, set())
            if kinds & {"country", "capital", "seat"}:
                how = "seat" if "seat" in kinds and not kinds & {"country", "capital"} else "state"
                out.setdefault(("LOC", a.start, a.end), how)
    for p in doc.places:
        out.setdefault(("LOC", p.start, p.end), f"place/{p.kind}")
    return [(t, s, e, how) for (t, s, e), how in out.items()]


_SURF_CACHE: dict[int, dict[str, set[str]]] = {}


def _surface_kinds(kb: object) -> dict[str, set[str]]:
    from lagebild.kb.model import KnowledgeBase

    assert isinstance(kb, KnowledgeBase)
    key = id(kb)
    if key not in _SURF_CACHE:
        d: dict[str, set[str]] = {}
        for f in kb.forms:
            d.setdefault(f.surface, set()).add(f.kind)
        _SURF_CACHE[key] = d
    return _SURF_CACHE[key]


def char_to_tokens(sent: Sentence, s: int, e: int) -> tuple[int, int] | None:
    idx = [i for i, (a, b) in enumerate(sent.offsets) if a < e and s < b]
    return (idx[0], idx[-1] + 1) if idx else None


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)   # type, text, how, context
    missed: Counter[str] = field(default_factory=Counter)

    def prf(self, t: str | None = None) -> tuple[float, float, float]:
        keys = [t] if t else list(TYPES)
        tp = sum(self.tp[k] for k in keys)
        pr = sum(self.pred[k] for k in keys)
        go = sum(self.gold[k] for k in keys)
        fo = sum(self.found[k] for k in keys)
        p = tp / pr if pr else 0.0
        r = fo / go if go else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def evaluate(path: Path = DEFAULT, limit: int | None = None, nlp: object = None) -> Score:
    from lagebild.config import load_config
    from lagebild.pipeline import Pipeline

    pipe = nlp if isinstance(nlp, Pipeline) else Pipeline.from_config(load_config(overrides={"stages": STAGES}))
    kb = pipe.resources.kb
    sc = Score()
    for n, sent in enumerate(read_germeval(path)):
        if limit is not None and n >= limit:
            break
        doc = pipe.analyze(sent.text, language="de", published=sent.date)
        outer = bio_spans(sent.outer)
        gold = outer + bio_spans(sent.inner)
        for t, _, _ in outer:
            sc.gold[t] += 1
        hit_outer: set[tuple[str, int, int]] = set()
        for t, s, e, how in predictions(doc, kb):
            tr = char_to_tokens(sent, s, e)
            if tr is None or sent.offsets[tr[0]][0] != s or sent.offsets[tr[1] - 1][1] != e:
                continue  # no token, or only part of one (GermEval *part)
            sc.pred[t] += 1
            ok = False
            for gt, g0, g1 in gold:
                if gt != t:
                    continue
                if (tr == (g0, g1)) or (g0 <= tr[0] and tr[1] <= g1 and tr[0] <= head_token(sent.tokens, g0, g1) < tr[1]):
                    ok = True
                    if (gt, g0, g1) in outer:
                        hit_outer.add((gt, g0, g1))
            if ok:
                sc.tp[t] += 1
            else:
                gtags = ",".join(sorted({sent.outer[i] for i in range(*tr)}))
                sc.wrong.append((t, " ".join(sent.tokens[tr[0]:tr[1]]), how, gtags))
        for t, g0, g1 in outer:
            if (t, g0, g1) in hit_outer:
                sc.found[t] += 1
            else:
                sc.missed[f"{t}: {' '.join(sent.tokens[g0:g1])}"] += 1
    return sc


def report(sc: Score, errors: int = 30, out: TextIO | None = None) -> None:
    w = out if out is not None else sys.stdout
    p = lambda *a: print(*a, file=w)  # noqa: E731
    p(f"{'type':6} {'gold':>6} {'pred':>6} {'correct':>8} {'P':>6} {'R':>6} {'F1':>6}")
    for t in (*TYPES, None):
        pr, rc, f1 = sc.prf(t)
        keys = [t] if t else list(TYPES)
        p(f"{t or 'all':6} {sum(sc.gold[k] for k in keys):6d} {sum(sc.pred[k] for k in keys):6d} "
          f"{sum(sc.tp[k] for k in keys):8d} {pr:6.3f} {rc:6.3f} {f1:6.3f}")
    if errors:
        p(f"\ntop wrong predictions (type, text, how, gold tags) of {len(sc.wrong)}:")
        for (t, text, how, g), c in Counter(sc.wrong).most_common(errors):
            p(f"  {c:4d}  {t}  {text!r:40} {how:22} gold={g}")
        p(f"\ntop missed gold spans of {sum(sc.missed.values())}:")
        for k, c in sc.missed.most_common(errors):
            p(f"  {c:4d}  {k}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=30)
    args = ap.parse_args()
    path = Path(args.file)
    if not path.exists():
        print(f"skipped: {path} not found (../shared is absent)")
        return 0
    report(evaluate(path, args.limit), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
