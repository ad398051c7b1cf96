"""Language detection restricted to the languages Lagebild analyses."""

from __future__ import annotations

import re

_DE = re.compile(r"\b(der|die|das|und|nicht|mit|sich|auf|für|ist|ein|eine|dem|den|des|wurde|hat)\b", re.I)
_EN = re.compile(r"\b(the|and|not|with|for|is|was|were|has|have|of|to|that|this|on|by)\b", re.I)


def detect_language(text: str) -> str | None:
    """Return 'de' or 'en' from function-word counts (fast, no model); None if neither shows."""
    sample = text[:5000]
    de = len(_DE.findall(sample))
    en = len(_EN.findall(sample))
    if de == en == 0:
        return None
    if de >= en * 1.2 or (de > en and de >= 3):
        return "de"
    if en > de:
        return "en"
    return None
