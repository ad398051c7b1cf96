"""API load on 127.0.0.1: uvicorn in a subprocess over a synthetic store, httpx async client.

    python benchmarks/bench_api.py [--requests 2000] [--concurrency 20] [--scale 10] [--json out.json]

Prints p50/p99 latency per endpoint and overall, and requests per second. Skips (exit 0) when the
store cannot be built or the API extra (fastapi, uvicorn, httpx) is not installed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# each request picks the i-th variant of its endpoint, so most requests are not repeats
URLS = [
    ("stats", "/api/stats"),
    ("events", "/api/events?limit=50&offset={offset}"),
    ("events dyad", "/api/events?dyad={dyad}&limit=50"),
    ("events filtered", "/api/events?category={category}&since=2024-02-01&until=2024-04-30"),
    ("articles", "/api/articles?limit=20&offset={offset}"),
    ("article", "/api/articles/{article}"),
    ("actors", "/api/actors?limit=20&offset={small}"),
    ("actor", "/api/actors/{actor}"),
    ("dyad series", "/api/dyads/{a}/{b}/series?interval={interval}"),
    ("network", "/api/network?level={level}"),
    ("alerts", "/api/alerts?interval={interval}"),
    ("page /", "/"),
    ("page /events", "/events?category={category}&offset={small}"),
    ("page article", "/articles/{article}"),
]
DYADS = [("RUS", "PRK"), ("RUS", "UKR"), ("USA", "CHN"), ("DEU", "FRA"), ("USA", "UKR"), ("IGO:NATO", "RUS")]
CATEGORIES = ["ASSAULT", "CONSULT", "AGREE", "ACCUSE", "AID", "SANCTION", "COOPERATE"]


def variant(template: str, i: int, articles: list[str], actors: list[str]) -> str:
    a, b = DYADS[i % len(DYADS)]
    return template.format(offset=50 * (i % 20), small=10 * (i % 5), dyad=f"{a},{b}", a=a, b=b,
                           category=CATEGORIES[i % len(CATEGORIES)], article=articles[i % len(articles)],
                           actor=actors[i % len(actors)], interval=("week", "month")[i % 2],
                           level=("country", "actor")[i % 2])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


async def run(base: str, total: int, concurrency: int, articles: list[str],
              actors: list[str]) -> dict[str, object]:
    import httpx

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        for _, u in URLS:  # warm-up: connections, the analysis data
            (await client.get(variant(u, 0, articles, actors))).raise_for_status()
        lat: dict[str, list[float]] = {name: [] for name, _ in URLS}
        errors = 0
        sem = asyncio.Semaphore(concurrency)

        async def one(i: int) -> None:
            nonlocal errors
            name, template = URLS[i % len(URLS)]
            u = variant(template, i // len(URLS), articles, actors)
            async with sem:
                t0 = time.perf_counter()
                r = await client.get(u)
                dt = time.perf_counter() - t0
            if r.status_code != 200:
                errors += 1
            lat[name].append(dt)

        t0 = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(total)))
        wall = time.perf_counter() - t0
    every = [x for xs in lat.values() for x in xs]
    return {"requests": total, "concurrency": concurrency, "errors": errors, "seconds": round(wall, 3),
            "rps": round(total / wall, 1), "p50_ms": round(pct(every, 50) * 1000, 2),
            "p99_ms": round(pct(every, 99) * 1000, 2), "mean_ms": round(statistics.fmean(every) * 1000, 2),
            "endpoints": {n: {"n": len(xs), "p50_ms": round(pct(xs, 50) * 1000, 2),
                              "p99_ms": round(pct(xs, 99) * 1000, 2)} for n, xs in lat.items() if xs}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--scale", type=int, default=10, help="synthetic corpus size (x ~220 events)")
    ap.add_argument("--pool", type=int, default=4, help="store connections in the server")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()
    try:
        import httpx  # noqa: F401
        import uvicorn  # noqa: F401

        from lagebild.analysis.synthetic import build_store
    except ImportError as exc:
        print(f"skipped: the API extra is not installed ({exc})")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        try:
            t0 = time.perf_counter()
            events = build_store(db, scale=args.scale)
            build_s = time.perf_counter() - t0
        except Exception as exc:  # noqa: BLE001 - any failure to build the store skips the benchmark
            print(f"skipped: cannot build the benchmark store: {type(exc).__name__}: {exc}")
            return 0
        port = free_port()
        code = ("import sys, uvicorn\nfrom lagebild.api import create_app\n"
                "uvicorn.run(create_app(sys.argv[1], pool_size=int(sys.argv[3])), host='127.0.0.1', port=int(sys.argv[2]), "
                "log_level='warning', access_log=False)\n")
        env = dict(os.environ)
        proc = subprocess.Popen([sys.executable, "-c", code, db, str(port), str(args.pool)], env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            import httpx

            deadline = time.monotonic() + 30
            while True:
                try:
                    httpx.get(base + "/api/stats", timeout=1).raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        print("skipped: the API server did not start")
                        return 0
                    time.sleep(0.1)
            articles = [a["id"] for a in httpx.get(base + "/api/articles?limit=500").json()["items"]]
            actors = [a["actor_id"] for a in httpx.get(base + "/api/actors?limit=100").json()["items"]]
            res = asyncio.run(run(base, args.requests, args.concurrency, articles, actors))
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
    res.update(store_events=events, store_build_s=round(build_s, 2))
    print(f"API load: {res['requests']} requests, {res['concurrency']} concurrent, store of {events} events")
    print(f"{'endpoint':<18} {'n':>5} {'p50 ms':>9} {'p99 ms':>9}")
    for name, e in res["endpoints"].items():  # type: ignore[attr-defined]
        print(f"{name:<18} {e['n']:>5} {e['p50_ms']:>9.1f} {e['p99_ms']:>9.1f}")
    print(f"{'all':<18} {res['requests']:>5} {res['p50_ms']:>9.1f} {res['p99_ms']:>9.1f}   "
          f"{res['rps']} req/s, {res['errors']} errors, {res['seconds']} s")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
