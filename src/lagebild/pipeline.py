"""The pipeline: ordered stages over one Document, requirements checked when it is built.

A stage is any object with ``name``, ``requires``, ``assigns`` and ``__call__(doc) -> doc``.
Stages are made by factories ``factory(config, resources) -> Stage`` looked up in a
:class:`Registry` (an ordinary object passed in, no module-global state).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from .config import Config, load_config
from .document import Document, parse_date
from .errors import InputError, LagebildError, PipelineError, StageError
from .resources import Resources

# what a bare document provides before any stage ran
BASE_ATTRIBUTES = ("text", "meta")


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[[Config, Resources], Stage]


@dataclass
class Registry:
    """Stage factories by name. ``default_registry()`` holds the packaged stages."""

    factories: dict[str, StageFactory] = field(default_factory=dict)

    def register(self, name: str, factory: StageFactory) -> None:
        if name in self.factories:
            raise PipelineError(f"stage {name!r} is already registered")
        self.factories[name] = factory

    def make(self, name: str, config: Config, res: Resources) -> Stage:
        try:
            factory = self.factories[name]
        except KeyError:
            known = ", ".join(sorted(self.factories))
            raise PipelineError(f"unknown stage {name!r} (known: {known})") from None
        stage = factory(config, res)
        if not isinstance(stage, Stage):
            raise PipelineError(f"factory for {name!r} did not return a stage")
        return stage

    def copy(self) -> Registry:
        return Registry(dict(self.factories))


def default_registry() -> Registry:
    from .stages import DEFAULT_FACTORIES

    return Registry(dict(DEFAULT_FACTORIES))


def check_order(stages: Iterable[Stage]) -> None:
    """Raise PipelineError if a stage requires something no earlier stage assigns."""
    have = set(BASE_ATTRIBUTES)
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise PipelineError(
                f"stage {st.name!r} requires {', '.join(missing)}, which no earlier stage assigns; "
                f"available: {', '.join(sorted(have))}")
        have.update(st.assigns)


class Pipeline:
    def __init__(self, stages: list[Stage], config: Config, resources: Resources) -> None:
        check_order(stages)
        self.stages = stages
        self.config = config
        self.resources = resources

    @classmethod
    def from_config(cls, config: Config | None = None, *, registry: Registry | None = None,
                    resources: Resources | None = None) -> Pipeline:
        config = config or load_config()
        registry = registry or default_registry()
        res = resources or Resources(config)
        stages = [registry.make(name, config, res) for name in config.stages]
        return cls(stages, config, res)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def add_stage(self, stage: Stage, *, after: str | None = None) -> None:
        """Insert a user stage (e.g. a trained spaCy NER) and re-check the order."""
        idx = len(self.stages) if after is None else self.stage_names.index(after) + 1
        new = self.stages[:idx] + [stage] + self.stages[idx:]
        check_order(new)
        self.stages = new

    def make_doc(self, text: str | bytes, *, id: str = "doc", published: dt.date | str | None = None,
                 language: str | None = None, title: str | None = None, url: str | None = None,
                 source: str | None = None) -> Document:
        from .textio import validate_text

        clean = validate_text(text, max_chars=self.config.max_chars)
        try:
            pub = parse_date(published)
        except ValueError:
            raise InputError(f"invalid publication date {published!r} (use YYYY-MM-DD)") from None
        if language is not None and language not in ("de", "en"):
            raise InputError(f"unsupported language {language!r} (use 'de' or 'en')")
        lang = language or self.resources.detect_language(clean) or self.config.default_language
        return Document(text=clean, id=id, published=pub,
                        language=lang, title=title, url=url, source=source)

    def __call__(self, doc: Document) -> Document:
        for st in self.stages:
            try:
                out = st(doc)
            except LagebildError:
                raise
            except Exception as exc:  # a stage bug must name the stage and document
                raise StageError(f"stage {st.name!r} failed on document {doc.id!r}: "
                                 f"{type(exc).__name__}: {exc}") from exc
            if not isinstance(out, Document):
                raise PipelineError(f"stage {st.name!r} returned {type(out).__name__}, not a Document")
            doc = out
            doc.processed.append(st.name)
        return doc

    def analyze(self, text: str | bytes, **meta: Any) -> Document:
        return self(self.make_doc(text, **meta))

    def pipe(self, records: Iterable[Mapping[str, Any]], *, error_policy: str | None = None,
             ) -> Iterator[Document]:
        """Analyse input records ({"id", "text", ...}) lazily, in order.

        With the "report" policy a failing record yields a Document with ``error`` set and the
        batch goes on; with "raise" the error propagates.
        """
        policy = error_policy or self.config.error_policy
        for n, rec in enumerate(records):
            rid = str(rec.get("id") or f"line-{n + 1}") if isinstance(rec, Mapping) else f"line-{n + 1}"
            try:
                if not isinstance(rec, Mapping):
                    raise InputError(f"record {rid} is not an object")
                if rec.get("_error"):
                    raise InputError(str(rec["_error"]))
                if "text" not in rec or rec["text"] is None:
                    raise InputError(f"record {rid} has no 'text'")
                doc = self.make_doc(rec["text"], id=rid, published=rec.get("published"),
                                    language=rec.get("language"), title=rec.get("title"),
                                    url=rec.get("url"), source=rec.get("source"))
                yield self(doc)
            except (LagebildError, ValueError, TypeError) as exc:
                if policy == "raise":
                    raise
                yield Document(text="", id=rid, error=str(exc))
