"""Knowledge-base cost: load time and memory (measured in a fresh subprocess), matcher build time,
and matcher / actors-stage throughput on ../shared/corpora/gnad-de.jsonl.

    python benchmarks/bench_kb.py [--limit N] [--kb-dir DIR ...]

Targets (issue 3): load < 1 s and < 300 MB. Memory is the RSS growth of a fresh interpreter while
loading (ru_maxrss before/after) plus the tracemalloc peak of the Python objects.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "gnad-de.jsonl"

_CHILD = r"""
import json, resource, sys, time, tracemalloc
dirs = json.loads(sys.argv[1])
import lagebild.kb.load as L, lagebild.kb.matcher as M  # imports outside the measurement
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter(); kb = L.load_kb(extra_dirs=dirs); t1 = time.perf_counter()
m = M.Matcher(kb); t2 = time.perf_counter()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start(); L.load_kb(extra_dirs=dirs); peak = tracemalloc.get_traced_memory()[1]; tracemalloc.stop()
print(json.dumps({"load_s": t1 - t0, "matcher_build_s": t2 - t1, "rss_delta_mb": (rss1 - rss0) / 1024,
                  "rss_total_mb": rss1 / 1024, "py_peak_mb": peak / 2**20, **kb.stats()}))
"""


def load_cost(dirs: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(dirs)], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def throughput(limit: int, dirs: list[str]) -> list[tuple[str, float, int]]:
    from lagebild.config import load_config
    from lagebild.pipeline import Pipeline

    with CORPUS.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(limit), fh, strict=False)]
    chars = sum(len(t) for t in texts)
    base = ["structure", "tokenize", "sentences", "lemmatize", "separable"]
    rows = []
    for label, stages in (("text stages", base), ("+ actors", [*base, "actors"]),
                          ("+ actors + places", [*base, "actors", "places"])):
        nlp = Pipeline.from_config(load_config(overrides={"stages": stages, "kb_dirs": dirs}))
        nlp.analyze(texts[0], language="de")
        t0 = time.perf_counter()
        for t in texts:
            nlp.analyze(t, language="de", published="2020-01-01")
        rows.append((label, time.perf_counter() - t0, chars))
    from lagebild.kb.load import load_kb
    from lagebild.kb.matcher import Matcher

    m = Matcher(load_kb(extra_dirs=dirs))
    t0 = time.perf_counter()
    for t in texts:
        m.find(t, "de")
    rows.append(("matcher.find only", time.perf_counter() - t0, chars))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--kb-dir", action="append", default=[])
    args = ap.parse_args()
    c = load_cost(args.kb_dir)
    ok = c["load_s"] < 1.0 and c["rss_delta_mb"] < 300
    print(f"KB load: {c['load_s'] * 1000:.0f} ms, matcher build {c['matcher_build_s'] * 1000:.0f} ms, "
          f"RSS +{c['rss_delta_mb']:.0f} MB (process {c['rss_total_mb']:.0f} MB), Python peak "
          f"{c['py_peak_mb']:.0f} MB  [{'ok' if ok else 'OVER TARGET'}: < 1 s, < 300 MB]")
    print("  " + ", ".join(f"{k} {int(v)}" for k, v in c.items() if not k.endswith(("_s", "_mb"))))
    if not CORPUS.exists():
        print(f"throughput skipped: {CORPUS} not found (../shared is absent)")
        return 0
    rows = throughput(args.limit, args.kb_dir)
    base_s = rows[0][1]
    print(f"{'stage set':22} {'seconds':>8} {'chars/s':>10} {'vs text':>8}")
    for label, s, chars in rows:
        print(f"{label:22} {s:8.2f} {chars / s:10.0f} {s / base_s:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
