"""Pipeline stages: one small module per stage, each a callable ``doc -> doc``.

``DEFAULT_FACTORIES`` maps stage names to factories ``(config, resources) -> stage``; it is a
read-only mapping, copied into each :class:`lagebild.pipeline.Registry`.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from .actors import make_actors
from .events import make_events
from .lemmas import make_lemmatize
from .places import make_places
from .sentences import make_sentences
from .separable import make_separable
from .spacy_ner import make_spacy_ner
from .structure import make_structure
from .times import make_times
from .tokenize import make_tokenize

DEFAULT_FACTORIES: MappingProxyType[str, Any] = MappingProxyType({
    "structure": make_structure,
    "tokenize": make_tokenize,
    "sentences": make_sentences,
    "lemmatize": make_lemmatize,
    "separable": make_separable,
    "actors": make_actors,
    "places": make_places,
    "times": make_times,
    "events": make_events,
    "spacy_ner": make_spacy_ner,
})
