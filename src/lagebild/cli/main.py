"""`lagebild` command line entry point: one Typer app, one module per command group."""

from __future__ import annotations

import typer

from .analyze import analyze_cmd
from .evaluate import eval_cmd

app = typer.Typer(help="Lagebild: who did what to whom, when, where, according to whom — from news.",
                  no_args_is_help=True, add_completion=False)


@app.callback()
def _root() -> None:
    """Lagebild: who did what to whom, when, where, according to whom — from news."""


app.command("analyze")(analyze_cmd)
app.command("eval")(eval_cmd)


def main() -> None:  # pragma: no cover - console script
    app()
