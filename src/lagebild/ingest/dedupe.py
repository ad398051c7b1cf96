"""Duplicate detection: exact (content hash) and near duplicates (MinHash + LSH), pure Python.

Exact: SHA-256 of the text after Unicode NFC and whitespace normalisation, so copies that differ
only in line breaks or spacing count as the same text.

Near: word 3-shingles, one-permutation MinHash (one hash per shingle, ``num_perm`` bins, empty
bins filled by rotation densification) and LSH over ``bands`` bands. Two texts are near
duplicates when the estimated Jaccard similarity of their shingle sets reaches ``threshold``
(syndicated agency copies with a changed headline or an added sentence score about 0.8–0.95).
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1
_P = 0x100000001B3  # FNV prime, to mix token hashes into a shingle hash


def normalize_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    """Hex SHA-256 of the normalised text: the store's identity of an article."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def _token_hash(tok: str) -> int:
    return int.from_bytes(hashlib.blake2b(tok.encode("utf-8"), digest_size=8).digest(), "little")


def _mix(x: int) -> int:
    # splitmix64 finaliser
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9 & _MASK64
    x = (x ^ (x >> 27)) * 0x94D049BB133111EB & _MASK64
    return x ^ (x >> 31)


@dataclass(frozen=True)
class MinHashParams:
    num_perm: int = 64
    bands: int = 16
    shingle: int = 3
    threshold: float = 0.8
    # texts with fewer shingles are only checked for exact duplicates
    min_shingles: int = 20

    def __post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError("num_perm must be a multiple of bands")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


_P1 = 0x9E3779B97F4A7C15
_P2 = 0xC2B2AE3D27D4EB4F


def shingle_hashes(text: str, k: int = 3, cache: dict[str, int] | None = None) -> set[int]:
    """Hashes of the word k-shingles of the lower-cased text.

    ``cache`` (token -> hash) may be shared across calls to save re-hashing common words.
    """
    cache = cache if cache is not None else {}
    hs: list[int] = []
    for tok in _WORD.findall(text.lower()):
        h = cache.get(tok)
        if h is None:
            h = cache[tok] = _token_hash(tok)
        hs.append(h)
    if len(hs) < k:
        return set(hs)
    if k == 3:
        return {(a * _P1 + b * _P2 + c) & _MASK64 for a, b, c in zip(hs, hs[1:], hs[2:], strict=False)}
    out: set[int] = set()
    for i in range(len(hs) - k + 1):
        x = 0
        for h in hs[i:i + k]:
            x = (x * _P + h) & _MASK64
        out.add(_mix(x))
    return out


def minhash(shingles: Iterable[int], num_perm: int = 64) -> list[int] | None:
    """One-permutation MinHash signature (``num_perm`` values, each < 2**38), or None if empty.

    The high 32 bits of a shingle hash pick its bin, the low 32 bits are its value.
    """
    bins: list[int | None] = [None] * num_perm
    for h in shingles:
        b = (h >> 32) % num_perm
        v = h & _MASK32
        cur = bins[b]
        if cur is None or v < cur:
            bins[b] = v
    if all(v is None for v in bins):
        return None
    out: list[int] = []
    for i in range(num_perm):
        t = 0
        filled = bins[i]
        while filled is None:  # rotation densification: borrow from the next filled bin
            t += 1
            filled = bins[(i + t) % num_perm]
        out.append(filled + t * (1 << 32))
    return out


def band_hashes(sig: Sequence[int], params: MinHashParams) -> list[int]:
    """One 63-bit hash per LSH band (the band's index is part of the hash)."""
    r = params.rows
    out = []
    for b in range(params.bands):
        data = struct.pack(f"<H{r}Q", b, *sig[b * r:(b + 1) * r])
        out.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little") >> 1)
    return out


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


@dataclass(slots=True)
class Fingerprint:
    content_hash: str
    signature: list[int] | None
    bands: list[int]


def fingerprint(text: str, params: MinHashParams, cache: dict[str, int] | None = None, *,
                chash: str | None = None) -> Fingerprint:
    """Content hash, MinHash signature (None for short texts) and LSH band hashes of ``text``."""
    sh = shingle_hashes(text, params.shingle, cache)
    sig = minhash(sh, params.num_perm) if len(sh) >= params.min_shingles else None
    return Fingerprint(chash or content_hash(text), sig, band_hashes(sig, params) if sig else [])


@dataclass
class NearDupIndex:
    """In-memory LSH index: band hash -> article ids, article id -> signature."""

    params: MinHashParams = field(default_factory=MinHashParams)
    bands: dict[int, list[str]] = field(default_factory=dict)
    sigs: dict[str, list[int]] = field(default_factory=dict)

    def add(self, article_id: str, sig: list[int], bands: Sequence[int]) -> None:
        self.sigs[article_id] = sig
        for bh in bands:
            self.bands.setdefault(bh, []).append(article_id)

    def candidates(self, bands: Sequence[int]) -> list[str]:
        seen: dict[str, None] = {}
        for bh in bands:
            for aid in self.bands.get(bh, ()):
                seen.setdefault(aid, None)
        return list(seen)

    def best(self, sig: list[int], bands: Sequence[int]) -> tuple[str, float] | None:
        """The most similar indexed article at or above the threshold (ties: first added)."""
        best: tuple[str, float] | None = None
        for aid in self.candidates(bands):
            s = similarity(sig, self.sigs[aid])
            if s >= self.params.threshold and (best is None or s > best[1]):
                best = (aid, s)
        return best
