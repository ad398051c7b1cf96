"""Input dispatch: files by extension (or content), directories (recursive, sorted), URLs, stdin.

``read_inputs(paths, opts)`` yields Articles and Rejects in a deterministic order, so a rerun of
the same inputs sees the same records in the same order (needed for resumable ingests).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import IO

from .feeds import feed_items, feed_root_name, read_feed_file, read_url
from .html import extract_html, read_html_file
from .http import is_url
from .model import Item, ReaderOptions, Reject
from .tabular import read_csv_file, read_json_file, read_jsonl_file, read_jsonl_stream
from .text import read_limited, read_text_bytes, read_text_file

Reader = Callable[[Path, ReaderOptions], Iterator[Item]]

READERS: Mapping[str, Reader] = MappingProxyType({
    ".txt": read_text_file, ".text": read_text_file, ".md": read_text_file,
    ".html": read_html_file, ".htm": read_html_file, ".xhtml": read_html_file,
    ".xml": read_feed_file, ".rss": read_feed_file, ".atom": read_feed_file,
    ".jsonl": read_jsonl_file, ".ndjson": read_jsonl_file,
    ".json": read_json_file,
    ".csv": read_csv_file,
})


def _sniff_file(path: Path, opts: ReaderOptions) -> Iterator[Item]:
    """Files without a known extension: decide by content (JSONL, feed, HTML, else text)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        yield Reject(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"{":
        yield from read_jsonl_file(path, opts)
    elif feed_root_name(head):
        yield from read_feed_file(path, opts)
    elif start == b"<":
        yield from read_html_file(path, opts)
    else:
        yield from read_text_file(path, opts)


def read_file(path: Path, opts: ReaderOptions) -> Iterator[Item]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield from _sniff_file(path, opts)
    else:
        yield from reader(path, opts)


def walk_directory(root: Path) -> Iterator[Path]:
    """Files under ``root``, recursively, in sorted path order; hidden files and directories and
    symbolic links to directories are skipped."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_directory(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def read_stdin(opts: ReaderOptions, stream: IO[bytes] | None = None) -> Iterator[Item]:
    """Standard input: JSON Lines when it starts with '{', a feed or HTML page when with '<', else
    one plain-text article."""
    fh = stream if stream is not None else sys.stdin.buffer
    peek = fh.read(1)
    while peek in (b" ", b"\n", b"\r", b"\t"):
        peek = fh.read(1)
    if peek == b"{":
        yield from read_jsonl_stream(_Prefixed(peek, fh), "<stdin>", opts)  # type: ignore[arg-type]
        return
    data = peek + fh.read(opts.max_bytes)
    if len(data) > opts.max_bytes:
        yield Reject("<stdin>", f"input too large: more than {opts.max_bytes:,} bytes")
        return
    if peek == b"<":
        if feed_root_name(data):
            yield from feed_items(data, "<stdin>", opts)
        else:
            yield extract_html(data, "<stdin>", opts, id="stdin")
        return
    yield from read_text_bytes(data, "<stdin>", opts, id="stdin")


class _Prefixed:
    """A binary stream whose first line starts with ``prefix`` (the byte used to sniff stdin)."""

    def __init__(self, prefix: bytes, fh: IO[bytes]) -> None:
        self._prefix = prefix
        self._fh = fh

    def readline(self, size: int = -1) -> bytes:
        if self._prefix:
            p, self._prefix = self._prefix, b""
            if p.endswith(b"\n"):
                return p
            return p + self._fh.readline(size - len(p) if size > 0 else -1)
        return self._fh.readline(size)


def read_inputs(paths: Iterable[str], opts: ReaderOptions | None = None, *,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every article (or reject) from files, directories, URLs and '-' (stdin), in order."""
    opts = opts or ReaderOptions()
    for p in paths:
        if p == "-":
            yield from read_stdin(opts, stdin)
        elif is_url(p):
            yield from read_url(p, opts)
        else:
            path = Path(p).expanduser().absolute()
            if path.is_dir():
                for f in walk_directory(path):
                    yield from read_file(f, opts)
            elif path.is_file():
                yield from read_file(path, opts)
            elif path.exists():
                yield Reject(str(path), "not a regular file or directory")
            else:
                yield Reject(str(path), "no such file or directory")


__all__ = ["READERS", "read_file", "read_inputs", "read_limited", "read_stdin", "walk_directory"]
