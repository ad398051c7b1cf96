"""HTML pages (trafilatura: main text, title, date, url, site) and HTML fragments (feed items)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..textio import decode_bytes
from .model import Item, ReaderOptions, Reject, make_article, reject_from
from .text import read_limited

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
               "article", "header", "footer", "pre", "ul", "ol", "table", "figure", "figcaption"}
_SPACES = re.compile(r"[ \t\u00a0]+")
# fewer words than this is a page without an article (a "please enable JavaScript" shell)
MIN_WORDS = 5


def extract_html(data: bytes | str, origin: str, opts: ReaderOptions, *, url: str | None = None,
                 id: str | None = None, **meta: Any) -> Item:
    """Extract the main text and metadata of an HTML page; a page without article text is rejected."""
    import trafilatura

    if isinstance(data, bytes):
        if len(data) > opts.max_bytes:
            return Reject(origin, f"HTML too large: {len(data):,} bytes (limit {opts.max_bytes:,})", record_id=id)
        try:
            html: str = decode_bytes(data)
        except InputError as exc:
            return reject_from(origin, exc, id)
    else:
        html = data
    # trafilatura logs its own diagnostics at WARNING; they are not ours to show
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        return Reject(origin, f"cannot parse HTML: {type(exc).__name__}: {exc}", record_id=id)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_WORDS:
        return Reject(origin, "no article text found in HTML (only scripts, navigation or markup)",
                      record_id=id)
    fields = {
        "title": meta.get("title") or getattr(doc, "title", None),
        "published": meta.get("published") or getattr(doc, "date", None),
        "url": url or getattr(doc, "url", None),
        "source": meta.get("source") or getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "language": meta.get("language"),
    }
    return make_article(text, origin, opts, id=id, **fields)


def read_html_file(path: Path, opts: ReaderOptions) -> Iterator[Item]:
    data = read_limited(path, opts.max_bytes)
    if isinstance(data, Reject):
        yield data
        return
    yield extract_html(data, str(path), opts, id=path.stem)


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed descriptions): block elements become line breaks."""
    if "<" not in fragment:
        return _tidy(fragment)
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]+>", " ", fragment))
    for bad in root.xpath("//script|//style|//noscript|//iframe"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK_TAGS:
            parts.append("\n")

    walk(root)
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.replace("\r", "\n").split("\n")]
    return "\n".join(ln for ln in lines if ln)
