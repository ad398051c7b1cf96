"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, from files or URLs. Parsed without entity expansion
or network access; every item becomes an Article (title line + item content, or the linked page)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .html import extract_html, fragment_to_text
from .http import fetch
from .model import Article, Item, ReaderOptions, Reject, make_article, reject_from
from .text import read_limited

FEED_ROOTS = ("rss", "feed", "RDF", "channel")


@dataclass(slots=True)
class FeedItem:
    title: str | None
    link: str | None
    guid: str | None
    published: str | None
    content: str | None


def _local(tag: Any) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def _child(el: Any, *names: str) -> Any | None:
    for name in names:
        for ch in el:
            if _local(ch.tag) == name:
                return ch
    return None


def _text(el: Any | None) -> str | None:
    if el is None:
        return None
    t = "".join(el.itertext()).strip()
    return t or None


def _inner_markup(el: Any) -> str:
    """Text content of a content element; XHTML content keeps its markup for fragment_to_text."""
    from lxml import etree

    if el.get("type") == "xhtml" or len(el):
        return (el.text or "") + "".join(etree.tostring(ch, encoding="unicode") for ch in el)
    return el.text or ""


def feed_root_name(data: bytes) -> str | None:
    """'rss', 'feed' or 'RDF' when ``data`` looks like a feed (cheap sniff), else None."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    while head.startswith((b"<?", b"<!--", b"<!")):
        end = head.find(b">")
        if end < 0:
            return None
        head = head[end + 1:].lstrip()
    for name in (b"rss", b"feed", b"rdf:RDF", b"RDF"):
        if head.startswith(b"<" + name) and head[len(name) + 1:len(name) + 2] in (b" ", b">", b"\n", b"\r", b"\t"):
            return name.decode().split(":")[-1]
    return None


def parse_feed(data: bytes) -> tuple[str | None, list[FeedItem]]:
    """(feed title, items); raises InputError for malformed XML or a document that is not a feed."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False,
                             remove_comments=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed feed (XML error: {exc})") from exc
    name = _local(root.tag)
    if name not in FEED_ROOTS:
        raise InputError(f"not an RSS/Atom feed (root element <{name}>)")
    items: list[FeedItem] = []
    if name == "feed":  # Atom
        feed_title = _text(_child(root, "title"))
        for entry in root:
            if _local(entry.tag) != "entry":
                continue
            link = None
            for ch in entry:
                if _local(ch.tag) == "link" and ch.get("rel", "alternate") == "alternate" and ch.get("href"):
                    link = ch.get("href")
                    break
            content_el = _child(entry, "content", "summary")
            items.append(FeedItem(
                title=_text(_child(entry, "title")), link=link, guid=_text(_child(entry, "id")),
                published=_text(_child(entry, "published", "updated")),
                content=_inner_markup(content_el) if content_el is not None else None))
        return feed_title, items
    channel = _child(root, "channel") if name != "channel" else root
    feed_title = _text(_child(channel, "title")) if channel is not None else None
    # RSS 2.0: items inside <channel>; RSS 1.0: items are siblings of <channel>
    containers = [channel, root] if channel is not None else [root]
    seen: set[int] = set()
    for cont in containers:
        for it in cont:
            if _local(it.tag) != "item" or id(it) in seen:
                continue
            seen.add(id(it))
            content_el = _child(it, "encoded", "description")
            items.append(FeedItem(
                title=_text(_child(it, "title")), link=_text(_child(it, "link")), guid=_text(_child(it, "guid")),
                published=_text(_child(it, "pubDate", "date", "published")),
                content=_inner_markup(content_el) if content_el is not None else None))
    return feed_title, items


def feed_items(data: bytes, origin: str, opts: ReaderOptions, *, source: str | None = None) -> Iterator[Item]:
    """Articles from the feed in ``data``; a malformed feed or an item without text is a Reject."""
    try:
        feed_title, items = parse_feed(data)
    except InputError as exc:
        yield reject_from(origin, exc)
        return
    if not items:
        yield Reject(origin, "feed has no items")
        return
    for n, it in enumerate(items, 1):
        item_origin = f"{origin}#item{n}"
        rid = it.guid or it.link
        meta = {"title": it.title, "published": it.published, "source": source or feed_title}
        if opts.follow_links and it.link:
            try:
                page = fetch(it.link, opts)
                art = extract_html(page.data, item_origin, opts, url=page.url, id=rid, **meta)
                if isinstance(art, Article):
                    yield art
                    continue
            except InputError:
                pass  # fall back to the item's own content
        body = fragment_to_text(it.content or "")
        text = "\n".join(x for x in (it.title, body) if x and x.strip())
        yield make_article(text, item_origin, opts, id=rid, url=it.link, **meta)


def read_feed_file(path: Path, opts: ReaderOptions) -> Iterator[Item]:
    data = read_limited(path, opts.max_bytes)
    if isinstance(data, Reject):
        yield data
        return
    yield from feed_items(data, str(path), opts)


def read_url(url: str, opts: ReaderOptions) -> Iterator[Item]:
    """A feed URL (every item) or a single article page."""
    try:
        page = fetch(url, opts)
    except InputError as exc:
        yield reject_from(url, exc)
        return
    ctype = page.content_type.lower()
    if feed_root_name(page.data) or any(t in ctype for t in ("rss", "atom", "/xml")):
        yield from feed_items(page.data, url, opts)
    else:
        yield extract_html(page.data, url, opts, url=page.url)
