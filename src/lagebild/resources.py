"""Shared, lazily loaded resources (knowledge base, lexicons, ontology) for one pipeline.

One Resources object per pipeline (and per worker process): nothing is module-global, so
pipelines with different configurations can live side by side and be pickled to workers.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .config import Config

if TYPE_CHECKING:
    from .kb.matcher import Matcher
    from .kb.model import KnowledgeBase
    from .lexicon.load import Lexicon
    from .ontology.tables import Ontology
    from .stages.lemmas import Lemmatizer


class Resources:
    def __init__(self, config: Config) -> None:
        self.config = config

    @cached_property
    def lemmatizer(self) -> Lemmatizer:
        from .stages.lemmas import Lemmatizer

        return Lemmatizer()

    @cached_property
    def kb(self) -> KnowledgeBase:
        from .kb.load import load_kb

        return load_kb(extra_dirs=self.config.kb_dirs)

    @cached_property
    def matcher(self) -> Matcher:
        from .kb.matcher import Matcher

        return Matcher(self.kb)

    @cached_property
    def ontology(self) -> Ontology:
        from .ontology.tables import load_ontology

        return load_ontology()

    @cached_property
    def lexicon(self) -> Lexicon:
        from .lexicon.load import load_lexicon

        return load_lexicon()

    def detect_language(self, text: str) -> str | None:
        """'de' or 'en' for the text, or None when unsure."""
        from .langid import detect_language

        return detect_language(text)
