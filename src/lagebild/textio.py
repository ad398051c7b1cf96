"""Checking and decoding raw input text before it becomes a Document."""

from __future__ import annotations

import re

from .errors import InputError


def decode_bytes(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOM allowed), falling back to cp1252 for legacy text.

    Binary data (NUL bytes or many control characters) is rejected.
    """
    if b"\x00" in data[:65536]:
        raise InputError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"invalid UTF-8 at byte {exc.start} and not cp1252 either") from exc
        return text


# Unicode category Cc (C0 and C1 controls) without tab, line feed and carriage return
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def validate_text(text: str | bytes, *, max_chars: int) -> str:
    """Return the text unchanged if it can be analysed, else raise InputError with a clear reason."""
    if isinstance(text, bytes | bytearray):
        text = decode_bytes(bytes(text))
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if len(text) > max_chars:
        raise InputError(f"text too long: {len(text):,} characters (limit {max_chars:,})")
    if "\x00" in text:
        raise InputError("binary data (NUL characters), not text")
    sample = text[:20000]
    if sample and len(_BAD_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise InputError("binary data (control characters), not text")
    # the text is kept exactly as given: every offset in the output points into it
    if not text.strip():
        raise InputError("empty text")
    return text
