"""The dashboard's pages over a synthetic store: they render, link, filter, and escape every text."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from lagebild.analysis.synthetic import build_store
from lagebild.api import create_app
from lagebild.web.highlight import Span, article_spans, paragraphs, segments
from lagebild.web.render import safe_url

RAW = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<script>alert('src')</script>")
PAGES = ["/", "/articles", "/articles/xss", "/events", "/events?category=CONSULT", "/actors",
         "/actors/syn:putin", "/network", "/network?level=actor", "/dyads/RUS/PRK", "/dyads/RUS/PRK?interval=month",
         "/alerts", "/api/docs", "/articles?q=onerror", "/events?article_id=xss"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = str(tmp_path_factory.mktemp("web") / "events.duckdb")
    build_store(path)
    with TestClient(create_app(path)) as c:
        yield c


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_without_scripts_from_elsewhere(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert html.startswith("<!doctype html>") and "</html>" in html
    for src in re.findall(r'<script[^>]*src="([^"]+)"', html):
        assert src.startswith("/static/"), src  # no CDN
    for tag in re.findall(r"<(?:link|img|iframe|object|embed)\b[^>]*>", html):
        assert "http" not in tag, tag  # stylesheets, icons and images come from this server only
    assert "style=" not in html  # inline styles would be blocked by the CSP
    for raw in RAW:
        assert raw not in html


@pytest.mark.parametrize("url", ["/articles/xss", "/articles?q=onerror", "/events?article_id=xss",
                                 "/actors/syn:putin", "/events?text=onerror"])
def test_injected_markup_is_shown_as_text(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_article_page_highlights_and_panel(client: TestClient) -> None:
    html = client.get("/articles/xss").text
    assert 'class="hl-actor"' in html and "hl-time" in html and "hl-evidence" in html and "hl-trigger" in html
    assert 'data-ev="xss:0"' in html and 'id="ev-xss:0"' in html
    assert "javascript:" not in html.split('id="article-text"')[0].split("<h1>")[1].replace(
        '<span class="muted">javascript:alert(1)</span>', "")  # shown, never linked
    assert 'href="javascript' not in html
    assert "&lt;script&gt;alert(&#39;src&#39;)&lt;/script&gt;" in html  # the source name
    assert "Certainty" in html and "According to" in html and "asserted" in html
    page = client.get("/articles/syn-w16-r0-PRK-RUS-0").text
    assert 'href="https://news.example.org/syn-w16-r0-PRK-RUS-0"' in page
    assert "reported" in page and "TASS" in page


def test_events_page_filters(client: TestClient) -> None:
    all_rows = client.get("/events").text.count('class="event-row"')
    html = client.get("/events?category=ASSAULT").text
    rows = re.findall(r'class="event-row" data-category="(\w+)"', html)
    assert rows and set(rows) == {"ASSAULT"} and all_rows == 50
    assert '<option value="ASSAULT" selected>' in html
    assert "rel=\"next\"" not in html  # 33 assaults: one page
    many = client.get("/events?certainty=asserted").text
    nxt = re.search(r'href="/events\?([^"]+)" rel="next"', many)
    assert nxt and "certainty=asserted" in nxt.group(1) and "offset=50" in nxt.group(1)
    second = client.get("/events?" + nxt.group(1).replace("&amp;", "&")).text
    assert "← previous" in second and 'data-category' in second
    r = client.get("/events?since=2024-02-31")
    assert r.status_code == 422 and "since must be a date" in r.text
    r = client.get("/events?min_confidence=high")
    assert r.status_code == 422 and "min_confidence" in r.text
    r = client.get("/events?dyad=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert "<script>alert(1)" not in r.text


def test_unknown_pages_are_404(client: TestClient) -> None:
    for url in ("/articles/nope", "/actors/nobody"):
        r = client.get(url)
        assert r.status_code == 404 and ("no article" in r.text.lower() or "no actor" in r.text.lower())
    r = client.get("/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert r.status_code == 404 and "<img src=x" not in r.text and "&lt;img src=x onerror=alert(1)&gt;" in r.text


def test_dyad_page_has_chart_and_alerts(client: TestClient) -> None:
    html = client.get("/dyads/RUS/PRK").text
    assert "<svg" in html and 'class="chart"' in html and "<title>" in html
    assert "more cooperative interaction than usual" in html
    assert client.get("/dyads/RUS/PRK?interval=year").status_code == 422


def test_network_page_embeds_json_safely(client: TestClient) -> None:
    html = client.get("/network").text
    m = re.search(r'<script id="network-data" type="application/json">(.*?)</script>', html, re.S)
    assert m and '"edges"' in m.group(1) and "<" not in m.group(1)
    assert client.get("/network?level=galaxy").status_code == 422


def test_static_and_headers(client: TestClient) -> None:
    for name in ("app.css", "network.js", "article.js", "events.js"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and len(r.text) > 100
        assert "innerHTML" not in r.text and "eval(" not in r.text and "http" not in r.text.replace(
            "http://www.w3.org/2000/svg", "")
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and r.headers["x-frame-options"] == "DENY"


# ---------------------------------------------------------------- highlighting


def test_segments_cut_at_every_boundary() -> None:
    text = "Putin met Kim in Pyongyang."
    spans = [Span(0, 27, "evidence", "CONSULT", "e1"), Span(0, 5, "actor", "Vladimir Putin"),
             Span(6, 9, "trigger", "", "e1"), Span(10, 13, "actor", "Kim"), Span(17, 26, "place", "Pyongyang"),
             Span(50, 60, "actor", "out of range"), Span(5, 5, "time", "empty")]
    segs = segments(text, spans)
    assert "".join(s.text for s in segs) == text
    first = segs[0]
    assert first.text == "Putin" and first.kinds == ("actor", "evidence") and first.events == ("e1",)
    assert first.css == "hl-actor hl-evidence" and "Vladimir Putin" in first.title
    met = next(s for s in segs if s.text == "met")
    assert met.kinds == ("evidence", "trigger")
    assert segments("abc", []) == [segments("abc", [])[0]] and segments("", []) == []


def test_overlapping_spans() -> None:
    segs = segments("abcdef", [Span(0, 4, "actor"), Span(2, 6, "time")])
    assert [(s.text, s.kinds) for s in segs] == [("ab", ("actor",)), ("cd", ("actor", "time")), ("ef", ("time",))]


def test_article_spans_and_paragraphs() -> None:
    art = {"text": "A met B.\n\nC.", "actors": [{"start": 0, "end": 1, "name": "A", "country": "RUS"}],
           "times": [{"start": 11, "end": 12, "start_date": None, "precision": "unknown"}],
           "places": [], "events": [{"id": "x:0", "category": "CONSULT", "source": None, "target": None,
                                     "evidence": {"start": 0, "end": 8, "trigger_start": 2, "trigger_end": 5},
                                     "mentions": [{"start": 10, "end": 12}]}]}
    spans = article_spans(art)
    assert {s.kind for s in spans} == {"actor", "time", "evidence", "trigger"}
    paras = paragraphs(segments(art["text"], spans))  # type: ignore[arg-type]
    assert len(paras) == 2 and "".join(s.text for s in paras[0]) == "A met B."


def test_safe_url() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("http://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", None, 3, "/x"):
        assert safe_url(bad) is None
