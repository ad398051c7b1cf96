"""What readers produce: an Article to analyse, or a Reject with its reason."""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass, field
from typing import Any

from ..document import parse_date
from ..errors import InputError, LagebildError
from ..textio import validate_text

# a single article file or feed beyond this size is rejected without being read
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(slots=True)
class Article:
    """One input article, before analysis. ``origin`` says where it came from (path:line, URL)."""

    text: str
    origin: str
    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None

    def record(self) -> dict[str, Any]:
        """The batch-input record (contract shape) for ``Pipeline.pipe``."""
        return {"id": self.id, "text": self.text, "title": self.title,
                "published": self.published.isoformat() if self.published else None,
                "url": self.url, "source": self.source, "language": self.language}


@dataclass(slots=True)
class Reject:
    """Input that cannot be analysed; stored in the ``rejects`` table with its reason."""

    origin: str
    reason: str
    code: str = "E001"
    record_id: str | None = None


Item = Article | Reject


@dataclass(frozen=True)
class ReaderOptions:
    """Limits and defaults shared by all readers."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = 2_000_000
    timeout: float = 10.0
    published_default: dt.date | None = None
    language: str | None = None
    # fetch the page behind each feed item's link (else the item's own content is used)
    follow_links: bool = False
    user_agent: str = "lagebild/0.1 (+https://github.com/lagebild)"
    extra_headers: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def reject_from(origin: str, exc: BaseException, record_id: str | None = None) -> Reject:
    code = exc.code if isinstance(exc, LagebildError) else "E001"
    reason = exc.args[0] if isinstance(exc, LagebildError) and exc.args else str(exc)
    return Reject(origin=origin, reason=str(reason), code=code, record_id=record_id)


def check_text(text: str | bytes, *, max_chars: int) -> str:
    """The pipeline's own input check (``lagebild.textio.validate_text``), applied by the reader."""
    return validate_text(text, max_chars=max_chars)


def parse_published(value: Any) -> dt.date | None:
    """A publication date from ISO dates/datetimes, RFC 822 (RSS) dates or date objects; else None."""
    try:
        return parse_date(value)  # None, dates, datetimes and ISO strings
    except ValueError:
        pass
    s = str(value).strip()
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed else None


def make_article(text: str | bytes, origin: str, opts: ReaderOptions, **meta: Any) -> Item:
    """Validate the text (decoding bytes: UTF-8, else cp1252) and build an Article, or a Reject."""
    rid = meta.get("id")
    rid = str(rid) if rid is not None and rid != "" else None
    try:
        clean = check_text(text, max_chars=opts.max_chars)
    except InputError as exc:
        return reject_from(origin, exc, rid)
    lang = meta.get("language") or opts.language
    if lang is not None and lang not in ("de", "en"):
        return Reject(origin, f"unsupported language {lang!r} (use 'de' or 'en')", "E001", rid)
    pub = parse_published(meta.get("published")) or opts.published_default

    def opt(key: str) -> str | None:
        v = meta.get(key)
        if v is None:
            return None
        return str(v).strip() or None

    return Article(text=clean, origin=origin, id=rid, title=opt("title"), published=pub, url=opt("url"),
                   source=opt("source"), language=lang)
