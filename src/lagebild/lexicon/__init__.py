"""Trigger and cue lexicons (German and English), as data files in lexicon/data/<lang>/."""

from .load import Lexicon, Trigger, load_lexicon

__all__ = ["Lexicon", "Trigger", "load_lexicon"]
