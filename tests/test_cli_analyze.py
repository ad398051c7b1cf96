"""`lagebild analyze`: one output line per input line, broken lines reported, the run goes on."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli.main import app


def test_batch_keeps_order_and_reports_broken_lines(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "Polen kritisierte Russland.", "published": "2024-01-02"}\n'
                 '{broken\n\n{"id": "c", "text": ""}\n{"id": "d", "text": "Japan besuchte Indien."}\n',
                 encoding="utf-8")
    r = CliRunner().invoke(app, ["analyze", "--input", str(f), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "line-2", "c", "d"]
    assert [bool(o.get("error")) for o in out] == [False, True, True, False]
    assert out[0]["events"] and out[0]["events"][0]["category"] == "ACCUSE"


def test_batch_where_every_line_fails_exits_non_zero(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{broken\n{"id": "x"}\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["analyze", "--input", str(f), "--format", "jsonl"])
    assert r.exit_code == 1
