"""Time expressions in German and English news: finding them and placing them on the calendar.

``TimeFinder(load_lexicon()).find(doc)`` returns :class:`lagebild.document.TimeExpr` objects with
exact character offsets; :mod:`.normalise` documents the conventions (precision, tense, ranges).
"""

from __future__ import annotations

from .finder import Found, TimeFinder
from .lexicon import LangLexicon, TemporalLexicon, load_lexicon
from .normalise import Resolved, Spec, resolve

__all__ = ["Found", "LangLexicon", "Resolved", "Spec", "TemporalLexicon", "TimeFinder", "load_lexicon",
           "resolve"]
