"""Small helpers shared by stages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StageInfo:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
