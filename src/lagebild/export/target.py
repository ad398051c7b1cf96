"""Writing an export's lines to a path or an open text stream."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO


def write_lines(out: str | Path | IO[str], lines: Iterable[str], *, newline: str | None = None) -> int:
    """Write each line (with a line feed) to ``out``; returns how many were written."""
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline=newline) as fh:
            return write_lines(fh, lines)
    n = 0
    for line in lines:
        out.write(line + "\n")
        n += 1
    return n
