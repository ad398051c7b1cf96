"""Layered configuration: packaged defaults -> user file -> overrides, validated once."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

ERROR_POLICIES = ("raise", "report")


@dataclass(frozen=True)
class Config:
    stages: tuple[str, ...] = ()
    error_policy: str = "raise"
    default_language: str = "de"
    max_chars: int = 2_000_000
    kb_dirs: tuple[str, ...] = ()
    spacy_model: str | None = None
    batch_size: int = 64
    extra: dict[str, Any] = field(default_factory=dict)

    def validate(self) -> Config:
        if self.error_policy not in ERROR_POLICIES:
            raise ConfigError(f"error_policy must be one of {ERROR_POLICIES}, not {self.error_policy!r}")
        if self.default_language not in ("de", "en"):
            raise ConfigError(f"default_language must be 'de' or 'en', not {self.default_language!r}")
        if self.max_chars <= 0:
            raise ConfigError("max_chars must be positive")
        if not self.stages:
            raise ConfigError("the pipeline needs at least one stage")
        return self


def _defaults() -> dict[str, Any]:
    text = resources.files("lagebild").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _flatten(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section in ("pipeline", "input", "kb", "events"):
        out.update(d.get(section, {}))
    return out


def user_config_path() -> Path | None:
    env = os.environ.get("LAGEBILD_CONFIG")
    if env:
        return Path(env)
    home = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "lagebild" / "config.toml"
    return home if home.exists() else None


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Build the config: packaged defaults, then the user file (only what it sets), then overrides."""
    values = _flatten(_defaults())
    user = Path(path) if path else user_config_path()
    if user is not None:
        try:
            values.update(_flatten(tomllib.loads(user.read_text(encoding="utf-8"))))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {user}: {exc}") from exc
    values.update(overrides or {})
    known = {f.name for f in fields(Config)}
    extra = {k: v for k, v in values.items() if k not in known}
    kwargs = {k: v for k, v in values.items() if k in known}
    for key in ("stages", "kb_dirs"):
        if key in kwargs:
            kwargs[key] = tuple(kwargs[key])
    try:
        cfg = Config(**kwargs, extra=extra)
    except TypeError as exc:
        raise ConfigError(str(exc)) from exc
    return cfg.validate()
