"""Fetching feeds and pages over HTTP(S), with timeouts, a redirect limit and a size limit."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ..errors import InputError
from .model import ReaderOptions


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def fetch(url: str, opts: ReaderOptions, *, client: httpx.Client | None = None) -> Fetched:
    """GET ``url``; raises InputError on a bad scheme, HTTP error, timeout or a body beyond max_bytes."""
    if not is_url(url):
        raise InputError(f"not an http(s) URL: {url!r}")
    headers = {"User-Agent": opts.user_agent, **dict(opts.extra_headers)}
    own = client is None
    cl = client or httpx.Client(timeout=httpx.Timeout(opts.timeout), follow_redirects=True,
                                max_redirects=5, headers=headers)
    try:
        with cl.stream("GET", url, headers=headers) as resp:
            if resp.status_code >= 400:
                raise InputError(f"HTTP {resp.status_code} for {url}")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > opts.max_bytes:
                raise InputError(f"response too large: {int(declared):,} bytes (limit {opts.max_bytes:,})")
            chunks: list[bytes] = []
            total = 0
            for chunk in resp.iter_bytes():
                total += len(chunk)
                if total > opts.max_bytes:
                    raise InputError(f"response too large: more than {opts.max_bytes:,} bytes")
                chunks.append(chunk)
            return Fetched(str(resp.url), b"".join(chunks), resp.headers.get("content-type", ""))
    except httpx.TimeoutException as exc:
        raise InputError(f"timeout after {opts.timeout:g} s fetching {url}") from exc
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch {url}: {type(exc).__name__}: {exc}") from exc
    finally:
        if own:
            cl.close()
