"""The standalone HTML situation report: content, escaping, no scripts, the CLI command."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.analysis.synthetic import build_store
from lagebild.cli.main import app
from lagebild.report import ReportOptions, build_report, write_report
from lagebild.store import EventStore


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("report") / "events.duckdb")
    build_store(path)
    return path


@pytest.fixture(scope="module")
def html(db: str) -> str:
    with EventStore(db, read_only=True) as st:
        text, summary = build_report(st, ReportOptions(key_events=500), now=dt.datetime(2024, 6, 1, 12, 0))
    assert summary.alerts >= 3 and summary.dyads >= 5 and summary.key_events > 50
    return text


def test_report_sections(html: str) -> None:
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    for heading in ("Summary", "Top dyads", "Shifts", "Key events", "Sources cited", "Method"):
        assert f"<h2>{heading}</h2>" in html
    assert "Generated 2024-06-01 12:00 UTC" in html
    assert "RUS–UKR" in html and "PRK–RUS" in html and "more conflict than usual" in html
    assert html.count("<svg") >= 10  # charts, sparklines, index bars
    assert "According to TASS" in html or "according to TASS" in html
    assert 'href="https://news.example.org/' in html  # sources are linked
    assert "Example Daily" in html and "Lagebild Wire" in html


def test_report_is_standalone_and_script_free(html: str) -> None:
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"<script\b", html)
    assert not re.search(r"<(link|img|iframe)\b", html)
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        assert not re.search(r"\son\w+=", tag), tag  # no event handler attributes


def test_report_escapes_injected_markup(html: str) -> None:
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x onerror=alert(1)>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the article title, as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the evidence sentence, as text
    assert "javascript:" not in html  # the injected URL is not linked
    assert "&lt;script&gt;alert(&#39;src&#39;)&lt;/script&gt;" in html  # the source name


def test_report_date_window(db: str) -> None:
    opts = ReportOptions(since=dt.date(2024, 4, 1), until=dt.date(2024, 4, 30), interval="month")
    with EventStore(db, read_only=True) as st:
        text, summary = build_report(st, opts)
    assert "selected 2024-04-01 – 2024-04-30" in text
    assert 0 < summary.events < 100
    assert "2024-01-" not in text.split("<h2>Key events</h2>")[1].split("<h2>Sources")[0]


def test_report_on_an_empty_store(tmp_path: Path) -> None:
    path = str(tmp_path / "empty.duckdb")
    EventStore(path).close()
    summary = write_report(path, tmp_path / "r.html")
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert summary.events == 0 and "No international events" in text and "No events." in text


def test_write_report_and_cli(db: str, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "report.html"
    s = write_report(db, out)
    assert out.exists() and s.path == str(out) and s.bytes == len(out.read_bytes())
    cli_out = tmp_path / "cli.html"
    r = CliRunner().invoke(app, ["report", "--db", db, "--out", str(cli_out), "--title", "<b>Lage</b>"])
    assert r.exit_code == 0, r.output
    text = cli_out.read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;Lage&lt;/b&gt;</title>" in text
    r = CliRunner().invoke(app, ["report", "--db", db, "--out", str(cli_out), "--since", "2024-02-30"])
    assert r.exit_code != 0
    r = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(cli_out)])
    assert r.exit_code == 2 and "error" in r.output
