"""Lagebild: evidence-backed event data on international relations from German and English news.

    >>> import lagebild
    >>> doc = lagebild.analyze("Putin nimmt Einladung nach Nordkorea an", published="2024-01-22")
    >>> doc.to_dict()["events"]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .config import Config, load_config
from .document import Document
from .errors import LagebildError
from .pipeline import Pipeline, Registry, default_registry

__all__ = ["Config", "Document", "LagebildError", "Pipeline", "Registry", "analyze", "default_registry",
           "load_config", "load_pipeline"]
__version__ = "0.1.0"


def load_pipeline(config: Config | None = None, **overrides: Any) -> Pipeline:
    """Build a pipeline from the layered config (defaults -> user file -> overrides)."""
    cfg = config or load_config(overrides=overrides or None)
    return Pipeline.from_config(cfg)


def analyze(text: str | bytes, *, published: dt.date | str | None = None, language: str | None = None,
            id: str = "doc", title: str | None = None, pipeline: Pipeline | None = None) -> Document:
    """Analyse one article and return its Document (``.to_dict()`` gives the output contract)."""
    nlp = pipeline or load_pipeline()
    return nlp.analyze(text, id=id, published=published, language=language, title=title)
