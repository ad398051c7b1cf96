"""Shared fixtures: one pipeline per test session, paths to ../shared (tests skip without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.config import load_config
from lagebild.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
EXAMPLES = ROOT / "examples" / "articles.jsonl"


@pytest.fixture(scope="session")
def nlp() -> Pipeline:
    return Pipeline.from_config(load_config())


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a user's fresh clone has none)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "seed" / "article.txt").read_text(encoding="utf-8")


SEED_LIKE = (
    "Annäherung zweier Staaten\n"
    "Ministerin nimmt Einladung nach Wien an\n"
    "Die Beziehungen zwischen Österreich und Japan sind eng.\n"
    "Die japanische Außenministerin hat am Montag eine Einladung z. B. nach Wien angenommen. "
    "Sie trat danach nicht zurück...\n"
    "Hintergrund der Reise\n"
    "Technologie-, Lebensmittel- und Energielieferungen wurden laut Dr. Huber vereinbart.\n"
)


@pytest.fixture()
def seed_like() -> str:
    return SEED_LIKE
