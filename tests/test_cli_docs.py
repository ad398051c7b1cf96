"""Docs that are tested: every CLI command has help text and appears in the README."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from lagebild.cli.main import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_group(app)
    names = []
    for name, cmd in group.commands.items():
        sub = getattr(cmd, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return names


def test_every_command_is_in_the_readme() -> None:
    missing = [c for c in _commands() if f"lagebild {c}" not in README]
    assert not missing, f"commands not shown in README.md: {missing}"


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for c in _commands():
        r = runner.invoke(app, [*c.split(), "--help"])
        assert r.exit_code == 0, (c, r.output)
        assert "Usage" in r.output
