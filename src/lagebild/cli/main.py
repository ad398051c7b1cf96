"""`lagebild` command line entry point: one Typer app, one module per command group."""

from __future__ import annotations

import typer

from .analysis import alerts_cmd, dyad_cmd
from .analyze import analyze_cmd
from .evaluate import eval_cmd
from .events import events_cmd
from .export import export_cmd
from .ingest import ingest_cmd
from .kb import kb_app
from .report import report_cmd
from .serve import serve_cmd
from .stats import stats_cmd

app = typer.Typer(help="Lagebild: who did what to whom, when, where, according to whom — from news.",
                  no_args_is_help=True, add_completion=False)


@app.callback()
def _root() -> None:
    """Lagebild: who did what to whom, when, where, according to whom — from news."""


app.command("analyze")(analyze_cmd)
app.command("dyad")(dyad_cmd)
app.command("alerts")(alerts_cmd)
app.command("serve")(serve_cmd)
app.command("report")(report_cmd)
app.command("eval")(eval_cmd)
app.command("ingest")(ingest_cmd)
app.command("events")(events_cmd)
app.command("stats")(stats_cmd)
app.command("export")(export_cmd)
app.add_typer(kb_app, name="kb")


def main() -> None:  # pragma: no cover - console script
    app()
