"""Reading the project's TSV data files: header line, '#' comments, errors name file and line."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .errors import DataFileError


def read_tsv(path: str | Path, *, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line; raise DataFileError on a malformed line."""
    p = Path(path)
    try:
        fh = p.open(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(p), 0, f"cannot open: {exc}") from exc
    with fh:
        header: list[str] | None = None
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise DataFileError(str(p), n, f"header lacks column(s) {', '.join(missing)}")
                continue
            if len(cells) > len(header):
                raise DataFileError(str(p), n, f"{len(cells)} cells, header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            yield n, {h: c.strip() for h, c in zip(header, cells, strict=True)}


def package_data(*parts: str) -> Path:
    """Path of a packaged data file, e.g. package_data('stages', 'data', 'particles.tsv')."""
    return Path(str(resources.files("lagebild").joinpath(*parts)))
