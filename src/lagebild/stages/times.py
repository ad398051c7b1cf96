"""Time expressions: dates, weekdays, months, relative and vague expressions, normalised against
the publication date (``doc.published``); without it, relative ones stay unresolved.

The logic lives in :mod:`lagebild.temporal`; this module is the pipeline stage.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..resources import Resources
from ..temporal import TimeFinder, load_lexicon


class TimesStage:
    name = "times"
    requires = ("tokens", "sentences")
    assigns = ("times",)

    def __init__(self, finder: TimeFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Document) -> Document:
        doc.times = self.finder.find(doc)
        return doc


def make_times(config: Config, res: Resources) -> TimesStage:
    # extra option ``times_bare_years`` (default true): read bare German years ("hatte sich 2013 …")
    bare = bool(config.extra.get("times_bare_years", True))
    return TimesStage(TimeFinder(load_lexicon(), bare_years=bare))
