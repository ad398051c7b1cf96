"""`lagebild eval GOLD…`: score the pipeline against gold files (articles, PLOVER or CAMEO)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..config import load_config
from ..evaluation import evaluate
from ..pipeline import Pipeline


def eval_cmd(
    gold: Annotated[list[str], typer.Argument(help="Gold files or directories (*.gold.json, *.jsonl)")],
    kind: Annotated[str | None, typer.Option(help="articles, plover or cameo (detected when omitted)")] = None,
    details: Annotated[bool, typer.Option(help="Print missed, extra and forbidden events to stderr")] = False,
    config: Annotated[str | None, typer.Option(help="Config file (TOML)")] = None,
) -> None:
    """Score the analysis against gold files; prints one JSON summary line."""
    nlp = Pipeline.from_config(load_config(config))
    score = evaluate(nlp, gold, kind)
    if details:
        for line in score.details:
            typer.echo(line, err=True)
    typer.echo(json.dumps(score.to_dict()))
