"""Batch files: JSON Lines (the contract's batch input), CSV (id,text,title,published,url,source,
language) and JSON (one record or an array). Streamed; a bad line is rejected, the rest goes on."""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..textio import decode_bytes
from .model import Item, ReaderOptions, Reject, make_article, reject_from
from .text import read_limited

FIELDS = ("id", "text", "title", "published", "url", "source", "language")


def record_item(rec: Any, origin: str, opts: ReaderOptions) -> Item:
    if not isinstance(rec, dict):
        return Reject(origin, f"record is not a JSON object but {type(rec).__name__}")
    rid = rec.get("id")
    rid = str(rid) if rid not in (None, "") else None
    text = rec.get("text")
    if text is None:
        return Reject(origin, "record has no 'text'", record_id=rid)
    if not isinstance(text, str):
        return Reject(origin, f"'text' is {type(text).__name__}, not a string", record_id=rid)
    return make_article(text, origin, opts, **{k: rec.get(k) for k in FIELDS if k != "text"})


def _lines(fh: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line longer than max_bytes (skipped)."""
    n = 0
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while True:  # skip the rest of the oversized line
                more = fh.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, raw


def read_jsonl_stream(fh: IO[bytes], origin: str, opts: ReaderOptions) -> Iterator[Item]:
    for n, raw in _lines(fh, opts.max_bytes):
        where = f"{origin}:{n}"
        if raw is None:
            yield Reject(where, f"line too long (limit {opts.max_bytes:,} bytes)")
            continue
        if not raw.strip():
            continue
        try:
            rec = json.loads(decode_bytes(raw))
        except (ValueError, InputError) as exc:
            msg = exc.args[0] if isinstance(exc, InputError) else str(exc)
            yield Reject(where, f"broken JSON line: {msg}")
            continue
        yield record_item(rec, where, opts)


def read_jsonl_file(path: Path, opts: ReaderOptions) -> Iterator[Item]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Reject(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        yield from read_jsonl_stream(fh, str(path), opts)


def read_json_file(path: Path, opts: ReaderOptions) -> Iterator[Item]:
    """A .json file: one record object or an array of them."""
    data = read_limited(path, opts.max_bytes)
    if isinstance(data, Reject):
        yield data
        return
    try:
        obj = json.loads(decode_bytes(data))
    except (ValueError, InputError) as exc:
        yield reject_from(str(path), InputError(f"broken JSON: {exc.args[0] if exc.args else exc}"))
        return
    recs = obj if isinstance(obj, list) else [obj]
    for n, rec in enumerate(recs, 1):
        yield record_item(rec, f"{path}#{n}" if isinstance(obj, list) else str(path), opts)


def _sniff_encoding(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    try:
        # an incremental decoder tolerates a multi-byte character cut at the end of the sample
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1252"


def read_csv_file(path: Path, opts: ReaderOptions) -> Iterator[Item]:
    origin = str(path)
    try:
        enc = _sniff_encoding(path)
        fh = path.open("r", encoding=enc, newline="")
    except OSError as exc:
        yield Reject(origin, f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        yield from read_csv_stream(fh, origin, opts)


def read_csv_stream(fh: io.TextIOBase | IO[str], origin: str, opts: ReaderOptions) -> Iterator[Item]:
    # raise (never lower) the csv module's per-field limit so long articles fit
    if csv.field_size_limit() < opts.max_chars:
        csv.field_size_limit(opts.max_chars)
    reader = csv.DictReader(fh)
    try:
        header = reader.fieldnames
    except (csv.Error, UnicodeDecodeError) as exc:
        yield Reject(origin, f"cannot read CSV header: {exc}")
        return
    if not header or "text" not in header:
        yield Reject(origin, f"CSV has no 'text' column (columns: {', '.join(header or [])})")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            yield Reject(f"{origin}:{reader.line_num + 1}", f"undecodable bytes in CSV, rest of file skipped: {exc}")
            return
        except csv.Error as exc:
            yield Reject(f"{origin}:{reader.line_num}", f"malformed CSV row: {exc}")
            continue
        where = f"{origin}:{reader.line_num}"
        if None in row:  # more cells than header columns
            yield Reject(where, "CSV row has more cells than the header")
            continue
        rec = {k: (v if v != "" else None) for k, v in row.items() if k in FIELDS}
        if rec.get("text") is None:
            yield Reject(where, "CSV row has an empty 'text'", record_id=rec.get("id"))
            continue
        yield record_item(rec, where, opts)
