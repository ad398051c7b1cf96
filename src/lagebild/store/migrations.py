"""Schema migrations: numbered, applied in order, each in its own transaction, recorded in
``schema_migrations``. Migration 1 is ``schema.sql``; later ones append to ``MIGRATIONS``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..errors import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def _schema_sql() -> str:
    return resources.files("lagebild.store").joinpath("schema.sql").read_text(encoding="utf-8")


def migrations() -> list[Migration]:
    """All migrations in order (add new ones at the end; never edit an applied one)."""
    return [
        Migration(1, "initial schema", _schema_sql()),
        Migration(2, "indexes for event queries",
                  "CREATE INDEX IF NOT EXISTS events_article ON events (article_id);\n"
                  "CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id);\n"),
    ]


LATEST = 2

_BOOTSTRAP = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)"""


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (comments removed; no ';' or '--' in literals)."""
    lines = [re.sub(r"--.*$", "", ln) for ln in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def applied_versions(con: Any) -> list[int]:
    has = con.execute("SELECT count(*) FROM information_schema.tables "
                      "WHERE table_name = 'schema_migrations'").fetchall()[0][0]
    if not has:
        return []
    return [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()]


def migrate(con: Any) -> list[int]:
    """Apply the missing migrations; returns the versions applied now."""
    con.execute(_BOOTSTRAP)
    done = set(applied_versions(con))
    if done and max(done) > LATEST:
        raise StoreError(f"the store has schema version {max(done)}, newer than this Lagebild ({LATEST}); "
                         "upgrade Lagebild")
    applied = []
    for m in migrations():
        if m.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for stmt in _statements(m.sql):
                con.execute(stmt)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        [m.version, m.name, dt.datetime.now(dt.UTC).replace(tzinfo=None)])
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {m.version} ({m.name}) failed: {exc}") from exc
        applied.append(m.version)
    return applied
