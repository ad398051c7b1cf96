"""Evaluation as a feature: score the pipeline against gold files.

Three gold kinds are understood:
- article gold (``*.gold.json``: text file, publication date, events with accepted categories,
  required flags, forbidden codings) — required recall, precision, F1, forbidden hits, and the
  accuracy of certainty, attribution and date on matched events;
- PLOVER sentence gold (JSONL with ``event``, ``source``/``target`` codes) — category accuracy;
- CAMEO sentence gold (JSONL with ``code``) — CAMEO root accuracy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Document
from .pipeline import Pipeline

RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass
class Score:
    kind: str
    summary: dict[str, Any]
    details: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.summary}


# ---- helpers on contract dicts ------------------------------------------------------------
def _code(side: Any) -> str | None:
    if side is None:
        return None
    if isinstance(side, str):
        return side
    return side.get("country") or side.get("code")


def _norm(code: str | None) -> str | None:
    if not code:
        return None
    up = str(code).upper()
    if up.startswith("NSA:"):
        return "NSA:"
    if up.startswith("IGO:"):
        return "IGO:" + up[4:].replace(" ", "").replace("-", "")
    return up


def _side_ok(gold: Any, got: Any) -> bool:
    if gold is None:
        return True
    allowed = gold if isinstance(gold, list) else [gold]
    return _norm(_code(got)) in {_norm(a) for a in allowed}


def _sentence_window(text: str, needle: str) -> tuple[int, int] | None:
    i = text.find(needle)
    if i < 0:
        return None
    j = i + len(needle)
    left = max(text.rfind(". ", 0, i), text.rfind("\n", 0, i))
    rights = [k for k in (text.find(". ", j), text.find("\n", j)) if k >= 0]
    return (left + 1 if left >= 0 else 0, (min(rights) if rights else len(text)) + 1)


def _ev_span(ev: dict[str, Any]) -> tuple[int, int] | None:
    e = ev.get("evidence") or {}
    s, t = e.get("start"), e.get("end")
    return (s, t) if isinstance(s, int) and isinstance(t, int) else None


def _matches(gold: dict[str, Any], ev: dict[str, Any], text: str) -> bool:
    if ev.get("category") not in gold.get("accept", [gold["category"]]):
        return False
    if bool(ev.get("negated")) != bool(gold.get("negated")):
        return False
    win = _sentence_window(text, gold["evidence"])
    span = _ev_span(ev)
    if win is None or span is None or not (win[0] < span[1] and span[0] < win[1]):
        return False
    if _side_ok(gold.get("source"), ev.get("source")) and _side_ok(gold.get("target"), ev.get("target")):
        return True
    return bool(gold.get("symmetric")) and _side_ok(gold.get("source"), ev.get("target")) and \
        _side_ok(gold.get("target"), ev.get("source"))


def _forbidden(rule: dict[str, Any], ev: dict[str, Any]) -> bool:
    if ev.get("category") != rule["category"] or bool(ev.get("negated")) != bool(rule.get("negated")):
        return False
    for key in ("mode", "cameo", "certainty"):
        if key in rule and ev.get(key) != rule[key]:
            return False
    if not (_side_ok(rule.get("source"), ev.get("source")) and _side_ok(rule.get("target"), ev.get("target"))):
        return False
    if "source_name" in rule:
        src = ev.get("source") or {}
        name = src.get("name") or src.get("text") or ""
        if rule["source_name"].split()[-1].lower() not in name.lower():
            return False
    if "date_after" in rule:
        start = (ev.get("date") or {}).get("start")
        if start and start < rule["date_after"]:
            return False
    return True


def _date_ok(gold: dict[str, Any], ev: dict[str, Any]) -> bool | None:
    gd = gold.get("date") or {}
    if "start" not in gd:
        return None
    d = ev.get("date") or {}
    if not d.get("start"):
        return False
    s, e = d["start"], d.get("end") or d["start"]
    return bool(gd["start"] <= s <= gd["end"] and gd["start"] <= e <= gd["end"])


def _attribution_ok(gold: dict[str, Any], ev: dict[str, Any]) -> bool:
    want, got = gold.get("attributed_to"), ev.get("attributed_to")
    if not want:
        return not got
    if not got:
        return False
    text = got if isinstance(got, str) else f"{got.get('text') or ''} {got.get('name') or ''}"
    return want.split()[-1].lower() in text.lower()


def _ratio(p: list[int]) -> float | None:
    return round(p[0] / p[1], 3) if p[1] else None


# ---- loading gold -----------------------------------------------------------------------
def load_article_gold(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.glob("*.gold.json")) if p.is_dir() else [p]
    golds = []
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        tf = f.parent / Path(g["text_file"]).name
        if not tf.exists():
            tf = f.parent.parent / g["text_file"]
        g["_text"] = tf.read_text(encoding="utf-8")
        golds.append(g)
    return golds


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---- scoring ------------------------------------------------------------------------------
def score_articles(golds: list[dict[str, Any]], outputs: dict[str, dict[str, Any]]) -> Score:
    required = found = system = matched = forbidden = missing = 0
    cert, attr, date = [0, 0], [0, 0], [0, 0]
    details: list[str] = []
    for g in golds:
        out = outputs.get(g["doc"])
        if out is None:
            missing += 1
            out = {"events": []}
        events = out.get("events", [])
        used: set[int] = set()
        for gold in g["events"]:
            hit = next((i for i, ev in enumerate(events) if i not in used and _matches(gold, ev, g["_text"])), None)
            if gold.get("required"):
                required += 1
            if hit is None:
                if gold.get("required"):
                    details.append(f"{g['doc']} MISSED {gold['id']} {gold['category']} "
                                   f"{gold.get('source')}->{gold.get('target')}: {gold['evidence'][:70]}")
                continue
            used.add(hit)
            ev = events[hit]
            found += bool(gold.get("required"))
            cert[1] += 1
            cert[0] += ev.get("certainty") == gold.get("certainty")
            attr[1] += 1
            attr[0] += _attribution_ok(gold, ev)
            d = _date_ok(gold, ev)
            if d is not None:
                date[1] += 1
                date[0] += d
        system += len(events)
        matched += len(used)
        for i, ev in enumerate(events):
            if i not in used:
                details.append(f"{g['doc']} EXTRA {ev.get('category')} {_code(ev.get('source'))}->"
                               f"{_code(ev.get('target'))}: {((ev.get('evidence') or {}).get('text') or '')[:70]}")
        for rule in g.get("forbidden", []):
            for ev in events:
                if _forbidden(rule, ev):
                    forbidden += 1
                    details.append(f"{g['doc']} FORBIDDEN {rule['why']}")
    recall = found / required if required else 0.0
    precision = matched / system if system else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score("articles", {
        "docs": len(golds), "required": required, "recall_required": round(recall, 3),
        "precision": round(precision, 3), "f1": round(f1, 3), "system_events": system, "forbidden": forbidden,
        "certainty_acc": _ratio(cert), "attribution_acc": _ratio(attr), "date_acc": _ratio(date),
        "missing_docs": missing}, details)


def score_plover(golds: list[dict[str, Any]], outputs: dict[str, dict[str, Any]]) -> Score:
    n = cat = full = 0
    details = []
    for g in golds:
        want = RENAMED.get(g["event"], g["event"])
        events = (outputs.get(g["id"]) or {}).get("events", [])
        n += 1
        same = [e for e in events if e.get("category") == want]
        cat += bool(same)
        src = {s.get("code") for s in g.get("source", []) if s.get("code")}
        tgt = {t.get("code") for t in g.get("target", []) if t.get("code")}
        ok = any((not src or _code(e.get("source")) in src) and (not tgt or _code(e.get("target")) in tgt)
                 for e in same)
        full += ok
        if not ok:
            details.append(f"{g['id']} want {want} got {[e.get('category') for e in events]}")
    return Score("plover", {"sentences": n, "category_acc": round(cat / n, 3) if n else 0.0,
                            "full_acc": round(full / n, 3) if n else 0.0}, details)


def score_cameo(golds: list[dict[str, Any]], outputs: dict[str, dict[str, Any]]) -> Score:
    n = ok = 0
    details = []
    for g in golds:
        events = (outputs.get(g["id"]) or {}).get("events", [])
        n += 1
        hit = any(str(e.get("cameo") or "")[:2] == g["code"][:2] for e in events)
        ok += hit
        if not hit:
            details.append(f"{g['id']} want {g['code']} got {[e.get('cameo') for e in events]}")
    return Score("cameo", {"sentences": n, "cameo_root_acc": round(ok / n, 3) if n else 0.0}, details)


def _run(nlp: Pipeline, records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for doc in nlp.pipe(records, error_policy="report"):
        out[doc.id] = _as_output(doc)
    return out


def _as_output(doc: Document) -> dict[str, Any]:
    return doc.to_dict() if not doc.error else {"id": doc.id, "error": doc.error, "events": []}


def detect_kind(path: Path) -> str:
    if path.is_dir() or path.name.endswith(".gold.json"):
        return "articles"
    first = load_jsonl(path)[:1]
    if first and "code" in first[0]:
        return "cameo"
    return "plover"


def evaluate(nlp: Pipeline, paths: Iterable[str | Path], kind: str | None = None) -> Score:
    """Analyse the gold texts with ``nlp`` and score them; ``kind`` is detected when None."""
    ps = [Path(p) for p in paths]
    kind = kind or detect_kind(ps[0])
    if kind == "articles":
        golds = load_article_gold(ps)
        recs = [{"id": g["doc"], "text": g["_text"], "language": g.get("language"),
                 "published": g.get("published")} for g in golds]
        return score_articles(golds, _run(nlp, recs))
    rows = [r for p in ps for r in load_jsonl(p)]
    recs = [{"id": r["id"], "text": r["text"], "language": r.get("language", "en")} for r in rows]
    outputs = _run(nlp, recs)
    return score_plover(rows, outputs) if kind == "plover" else score_cameo(rows, outputs)
