"""Throughput of the analysis stages on ../shared/corpora/gnad-de.jsonl, as a ratio to the blank
spaCy German tokenizer over the same texts (measured in the same run, so machines compare).

    python benchmarks/bench_throughput.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from lagebild.config import load_config
from lagebild.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "gnad-de.jsonl"
TEXT_STAGES = ["structure", "tokenize", "sentences", "lemmatize", "separable"]


def load_texts(limit: int) -> list[str]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(limit), fh, strict=False)]


def time_spacy(texts: list[str]) -> tuple[float, int]:
    import spacy

    tok = spacy.blank("de").tokenizer
    t0 = time.perf_counter()
    n = sum(len(tok(t)) for t in texts)
    return time.perf_counter() - t0, n


def time_pipeline(texts: list[str], stages: list[str]) -> tuple[float, int]:
    nlp = Pipeline.from_config(load_config(overrides={"stages": stages}))
    nlp.analyze(texts[0], language="de")  # load resources outside the timing
    t0 = time.perf_counter()
    n = 0
    for t in texts:
        n += len(nlp.analyze(t, language="de", published="2020-01-01").tokens)
    return time.perf_counter() - t0, n


def time_stages(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each stage of the default pipeline over the texts."""
    nlp = Pipeline.from_config(load_config())
    nlp.analyze(texts[0], language="de")
    spent = {st.name: 0.0 for st in nlp.stages}
    for t in texts:
        doc = nlp.make_doc(t, language="de", published="2020-01-01")
        for st in nlp.stages:
            t0 = time.perf_counter()
            doc = st(doc)
            spent[st.name] += time.perf_counter() - t0
    return spent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (../shared is absent)")
        return 0
    texts = load_texts(args.limit)
    base_s, base_n = time_spacy(texts)
    rows = [("spaCy blank de tokenizer (baseline)", base_s, base_n)]
    rows.append(("text stages (structure..separable)", *time_pipeline(texts, TEXT_STAGES)))
    full = list(load_config().stages)
    if full != TEXT_STAGES:
        rows.append((f"full pipeline ({len(full)} stages)", *time_pipeline(texts, full)))
    base_rate = base_n / base_s
    print(f"corpus: {len(texts)} articles from {CORPUS.name}")
    print(f"{'what':42s} {'seconds':>8s} {'tokens':>9s} {'tokens/s':>10s} {'ratio':>6s}")
    for name, secs, n in rows:
        rate = n / secs
        print(f"{name:42s} {secs:8.2f} {n:9d} {rate:10.0f} {rate / base_rate:6.2f}")
    spent = time_stages(texts)
    total = sum(spent.values())
    print("cost per stage (default pipeline):")
    for name, secs in spent.items():
        print(f"  {name:12s} {secs:7.2f} s  {100 * secs / total:5.1f} %  "
              f"{base_n / secs if secs else float('inf'):12.0f} tokens/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB; articles/s (last row): {len(texts) / rows[-1][1]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
