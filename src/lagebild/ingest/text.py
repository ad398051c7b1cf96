"""Plain-text articles: one article a file (the seed's layout: kicker, headline, lead, paragraphs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .model import Item, ReaderOptions, Reject, make_article


def read_limited(path: Path, max_bytes: int) -> bytes | Reject:
    """The file's bytes, or a Reject when it cannot be read or exceeds ``max_bytes``."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Reject(origin, f"file too large: {size:,} bytes (limit {max_bytes:,})")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return Reject(origin, f"cannot read file: {exc.strerror or exc}")
    if len(data) > max_bytes:  # grew while reading
        return Reject(origin, f"file too large: more than {max_bytes:,} bytes")
    return data


def read_text_file(path: Path, opts: ReaderOptions) -> Iterator[Item]:
    data = read_limited(path, opts.max_bytes)
    if isinstance(data, Reject):
        yield data
        return
    yield make_article(data, str(path), opts, id=path.stem)


def read_text_bytes(data: bytes, origin: str, opts: ReaderOptions, *, id: str | None = None) -> Iterator[Item]:
    if len(data) > opts.max_bytes:
        yield Reject(origin, f"input too large: {len(data):,} bytes (limit {opts.max_bytes:,})")
        return
    yield make_article(data, origin, opts, id=id)
