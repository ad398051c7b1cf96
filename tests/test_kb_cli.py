"""`lagebild kb search|show|import|stats`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli.main import app

runner = CliRunner()


def test_kb_search_json_on_date() -> None:
    r = runner.invoke(app, ["kb", "search", "Putin", "--on", "2010-06-01", "--format", "json"])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.stdout)
    putin = [h for h in hits if h["id"] == "vladimir_putin"]
    if putin:  # packaged people data present
        assert putin[0]["role"] == "head of government" and putin[0]["country"] == "RUS"


def test_kb_search_table_and_no_hit() -> None:
    r = runner.invoke(app, ["kb", "search", "Russ"])
    assert r.exit_code == 0 and "state:RUS" in r.stdout
    r = runner.invoke(app, ["kb", "search", "zzzqqqxxx"])
    assert r.exit_code == 1 and "no actor matches" in r.stdout
    r = runner.invoke(app, ["kb", "search", "x", "--on", "2020-13-01"])
    assert r.exit_code != 0


def test_kb_show() -> None:
    r = runner.invoke(app, ["kb", "show", "state:RUS"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["country"] == "RUS"
    r = runner.invoke(app, ["kb", "show", "no_such_actor"])
    assert r.exit_code == 1


def test_kb_stats_json() -> None:
    r = runner.invoke(app, ["kb", "stats", "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["countries"] > 200 and d["load_ms"] > 0 and d["load_peak_mb"] > 0
    assert d["load_ms"] < 5000


def test_kb_import_tsv_then_use_overlay(tmp_path: Path) -> None:
    src = tmp_path / "mine.tsv"
    src.write_text("person_id\tname\taliases\trole\tcountry\tsector\tfrom\tto\n"
                   "zz_test\tZacharias Quenstedt\tQuenstedt\tforeign minister\tAUT\tGOV\t2023-01-01\t\n"
                   "zz_bad\tBad Row\t\tminister\tQQQ\tGOV\t\t\n", encoding="utf-8")
    out = tmp_path / "overlay"
    r = runner.invoke(app, ["kb", "import", str(src), "--format", "tsv", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "wrote" in r.stdout and "unknown country code" in r.stdout and "overlay loads: ok" in r.stdout
    r = runner.invoke(app, ["kb", "show", "zz_test", "--kb-dir", str(out)])
    assert r.exit_code == 0 and json.loads(r.stdout)["roles"][0]["country"] == "AUT"


def test_kb_import_phoenix_json(tmp_path: Path) -> None:
    src = tmp_path / "a.actors.txt"
    src.write_text("ZACHARIAS_QUENSTEDT_TEST_\n\t[AUTGOV >230101]\nBROKEN_ [QQQGOV]\n", encoding="utf-8")
    r = runner.invoke(app, ["kb", "import", str(src), "--format", "phoenix", "--out", str(tmp_path / "o"),
                            "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["overlay_check"] == "ok" and d["written"] == {"people/a_actors.tsv": 1}
    assert d["skipped"] == 2 and any("QQQ" in s["reason"] for s in d["skipped_lines"])


def test_kb_import_bad_args(tmp_path: Path) -> None:
    r = runner.invoke(app, ["kb", "import", str(tmp_path / "missing.txt"), "--format", "tsv", "--out",
                            str(tmp_path)])
    assert r.exit_code == 2
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    r = runner.invoke(app, ["kb", "import", str(tmp_path / "x.txt"), "--format", "nope", "--out", str(tmp_path)])
    assert r.exit_code != 0
