"""Coded errors. Every error the library raises carries a stable code (E0xx) and a message."""

from __future__ import annotations


class LagebildError(Exception):
    """Base class: ``code`` is stable across releases, the message is for people."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class InputError(LagebildError):
    """The input cannot be analysed: empty, binary, undecodable, too large."""

    code = "E001"


class ConfigError(LagebildError):
    """A configuration value or file is invalid."""

    code = "E010"


class PipelineError(LagebildError):
    """The pipeline cannot be built (unknown stage, unmet requirement) or a stage misbehaved."""

    code = "E020"


class StageError(LagebildError):
    """A stage failed on one document."""

    code = "E021"


class DataFileError(LagebildError):
    """A packaged or user data file (KB, lexicon, ontology) is malformed; names file and line."""

    code = "E030"

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line


class StoreError(LagebildError):
    """The event store cannot be opened or written."""

    code = "E040"
