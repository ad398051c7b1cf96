"""Ingest benchmark on ../shared/corpora/gnad-de.jsonl (1,000 German news articles).

Reports, in one run on the same texts:
  * full analysis speed (the default pipeline, one process, after warm-up) as a ratio to blank
    spaCy tokenization (``spacy.blank("de").tokenizer``) — higher is better, 1.0 = as fast;
  * articles per second (analysis alone, and the whole ingest into DuckDB);
  * the speed-up of 2 worker processes over 1 for the whole ingest;
  * peak memory of the process tree (resource.getrusage of this process and its children, and,
    with psutil installed, the sampled sum of resident memory over the tree).

    python benchmarks/bench_ingest.py [--n 1000] [--workers 2] [--json]

Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (ROOT / ".." / "shared" / "corpora" / "gnad-de.jsonl").resolve()


class TreeMemory:
    """Samples the summed RSS of this process and its children (needs psutil; else no-op)."""

    def __init__(self, interval: float = 0.1) -> None:
        self.peak = 0
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        try:
            import psutil

            self._proc: Any = psutil.Process()
        except ImportError:
            self._proc = None

    def __enter__(self) -> TreeMemory:
        if self._proc is not None:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            try:
                total = self._proc.memory_info().rss
                for ch in self._proc.children(recursive=True):
                    with contextlib.suppress(Exception):  # a child may exit between listing and reading
                        total += ch.memory_info().rss
            except Exception:
                pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def load_records(n: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            out.append(json.loads(line))
    return out


def bench_tokenizer(texts: list[str]) -> float | None:
    try:
        import spacy
    except ImportError:
        return None
    tok = spacy.blank("de").tokenizer
    for t in texts[:20]:
        tok(t)
    t0 = time.perf_counter()
    for t in texts:
        tok(t)
    return time.perf_counter() - t0


def bench_analysis(records: list[dict[str, Any]]) -> tuple[float, int, int, dict[str, float]]:
    """Analyse every record with the default pipeline (built and warmed up once, as in a worker),
    timing each stage; returns (seconds, events, failed documents, seconds per stage)."""
    from lagebild.distributed.worker import PipelineSpec, get_pipeline

    nlp = get_pipeline(PipelineSpec.of())
    per_stage = dict.fromkeys(nlp.stage_names, 0.0)
    events = errors = 0
    t0 = time.perf_counter()
    for rec in records:
        try:
            doc = nlp.make_doc(rec["text"], id=str(rec.get("id")), published=rec.get("published"),
                               language=rec.get("language"))
            for st in nlp.stages:
                ts = time.perf_counter()
                doc = st(doc)
                per_stage[st.name] += time.perf_counter() - ts
            events += len(doc.events)
        except Exception:  # counted like the "report" error policy does
            errors += 1
    return time.perf_counter() - t0, events, errors, per_stage


def bench_ingest(path: Path, workers: int) -> tuple[float, float | None, Any]:
    """Whole ingest into a new DuckDB file: (seconds, articles/s after the first committed batch
    (i.e. without process start-up and warm-up), summary)."""
    from lagebild.ingest import IngestOptions, IngestProgress, ingest

    first: list[tuple[float, int]] = []

    def progress(p: IngestProgress) -> None:
        if not first:
            first.append((time.perf_counter(), p.new))

    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        summary = ingest([str(path)], Path(d) / "bench.duckdb", IngestOptions(workers=workers, batch_size=32),
                         progress=progress)
        t1 = time.perf_counter()
    steady = None
    if first and t1 > first[0][0] and summary.new > first[0][1]:
        steady = (summary.new - first[0][1]) / (t1 - first[0][0])
    return t1 - t0, steady, summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes for the speed-up (default 2)")
    ap.add_argument("--no-ingest", action="store_true", help="only analysis vs tokenizer")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (../shared is absent in a fresh clone)")
        return 0
    records = load_records(args.n)
    texts = [r["text"] for r in records]
    n = len(records)
    res: dict[str, Any] = {"articles": n, "characters": sum(map(len, texts))}
    with TreeMemory() as mem:
        tok = bench_tokenizer(texts)
        res["tokenizer_s"] = tok
        ana, events, errors, stage_s = bench_analysis(records)
        res.update(analysis_s=ana, analysis_articles_per_s=n / ana, events=events, analysis_errors=errors,
                   stage_seconds=stage_s, ratio_to_tokenizer=(tok / ana) if tok else None)
        if not args.no_ingest:
            with tempfile.TemporaryDirectory() as d:
                sub = Path(d) / "sample.jsonl"
                sub.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
                t1, steady1, s1 = bench_ingest(sub, 1)
                tn, steadyn, sn = bench_ingest(sub, args.workers)
            res.update(ingest_1_s=t1, ingest_1_articles_per_s=s1.new / t1, ingest_1_steady_articles_per_s=steady1,
                       ingest_n_workers=args.workers, ingest_n_s=tn, ingest_n_articles_per_s=sn.new / tn,
                       ingest_n_steady_articles_per_s=steadyn, speedup=t1 / tn,
                       speedup_steady=(steadyn / steady1) if steady1 and steadyn else None)
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    res.update(peak_rss_self_mb=self_peak / 2**20, peak_rss_largest_child_mb=child_peak / 2**20,
               peak_rss_tree_sampled_mb=mem.peak / 2**20 if mem.peak else None)
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover
        print(json.dumps(res, indent=2))
        return 0
    t = Table(title=f"Lagebild ingest benchmark — {n} articles of gnad-de.jsonl ({res['characters']:,} chars)")
    t.add_column("metric")
    t.add_column("value", justify="right")

    def row(k: str, v: str) -> None:
        t.add_row(k, v)

    if tok:
        row("blank spaCy tokenizer", f"{tok:.2f} s  ({n / tok:,.0f} articles/s)")
    else:
        row("blank spaCy tokenizer", "spaCy not installed")
    row("full analysis, 1 process", f"{ana:.2f} s  ({n / ana:,.1f} articles/s)")
    for name, sec in sorted(stage_s.items(), key=lambda kv: -kv[1]):
        row(f"  stage {name}", f"{sec:.2f} s  ({100 * sec / ana:.0f} %)")
    row("  events / failed documents", f"{events:,} / {errors}")
    row("speed ratio analysis : tokenizer", f"{res['ratio_to_tokenizer']:.3f}" if tok else "—")
    if not args.no_ingest:
        def rate(x: float | None) -> str:
            return f"{x:,.1f}" if x else "—"

        row("ingest into DuckDB, 1 worker", f"{res['ingest_1_s']:.2f} s  ({rate(res['ingest_1_articles_per_s'])} "
            f"articles/s; {rate(res['ingest_1_steady_articles_per_s'])} after start-up)")
        row(f"ingest into DuckDB, {args.workers} workers",
            f"{res['ingest_n_s']:.2f} s  ({rate(res['ingest_n_articles_per_s'])} articles/s; "
            f"{rate(res['ingest_n_steady_articles_per_s'])} after start-up)")
        row(f"speed-up {args.workers} workers over 1", f"{res['speedup']:.2f}× wall clock; "
            + (f"{res['speedup_steady']:.2f}× after start-up" if res["speedup_steady"] else "—"))
    row("peak RSS, this process", f"{res['peak_rss_self_mb']:,.0f} MB")
    row("peak RSS, largest worker", f"{res['peak_rss_largest_child_mb']:,.0f} MB")
    if res["peak_rss_tree_sampled_mb"]:
        row("peak RSS, whole process tree (sampled)", f"{res['peak_rss_tree_sampled_mb']:,.0f} MB")
    Console().print(t)
    return 0


if __name__ == "__main__":
    sys.exit(main())
