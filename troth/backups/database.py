"""The database's part of a backup: a consistent copy while Troth runs, and
putting one back into an empty database.

SQLite: the online backup API copies every page in one step, under one read
transaction, so the copy is the database as it was at one instant while
writers go on (WAL). PostgreSQL: one repeatable-read transaction exports its
snapshot; the row counts are read in it and `pg_dump --snapshot` dumps
exactly that state, so the counts in the manifest are the dump's.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # nosec B404
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
FILES = {SQLITE: "database.sqlite3", POSTGRESQL: "database.sql"}


class DatabaseError(Exception):
    """What went wrong with the database, in the host's words."""


@dataclass
class Snapshot:
    engine: str
    tables: dict[str, int] = field(default_factory=dict)
    migrations: list[tuple[str, str]] = field(default_factory=list)


def engine() -> str:
    vendor = connection.vendor
    if vendor not in FILES:
        raise DatabaseError(f"Troth can't back up a {vendor} database.")
    return SQLITE if vendor == "sqlite" else POSTGRESQL


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _read_state(cursor, tables: list[str]) -> Snapshot:
    snapshot = Snapshot(engine="")
    for table in sorted(tables):
        cursor.execute(f"SELECT count(*) FROM {_quote(table)}")  # nosec B608
        snapshot.tables[table] = cursor.fetchone()[0]
    if "django_migrations" in snapshot.tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        snapshot.migrations = [(app, name) for app, name in cursor.fetchall()]
    return snapshot


def _sqlite_tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [name for (name,) in rows]


def _sqlite_state(path: Path) -> Snapshot:
    db = sqlite3.connect(path)
    try:
        snapshot = _read_state(db.cursor(), _sqlite_tables(db))
    finally:
        db.close()
    snapshot.engine = SQLITE
    return snapshot


def snapshot_take(target: Path) -> Snapshot:
    """Write the database as it is now to `target`; return what it holds."""
    kind = engine()
    if connection.in_atomic_block:
        # SQLite would wait for ever on our own open transaction; and a
        # snapshot must not hold what this process has not committed.
        raise DatabaseError("A backup can't be taken inside a transaction.")
    if kind == SQLITE:
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            # pages=-1 (the default): every page in one step, one instant.
            connection.connection.backup(copy)
        finally:
            copy.close()
        return _sqlite_state(target)
    return _postgresql_dump(target)


def _pg_environment(settings_dict: dict) -> dict[str, str]:
    env = dict(os.environ)
    options = settings_dict.get("OPTIONS") or {}
    for variable, value in (
        ("PGHOST", settings_dict.get("HOST")),
        ("PGPORT", settings_dict.get("PORT")),
        ("PGUSER", settings_dict.get("USER")),
        ("PGPASSWORD", settings_dict.get("PASSWORD")),
        ("PGDATABASE", settings_dict.get("NAME")),
        ("PGSSLMODE", options.get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise DatabaseError(
            f"{name} was not found: install the PostgreSQL client programs "
            "(the same major version as the server, or newer)."
        )
    return found


def _run(args: list[str], env: dict[str, str]) -> None:
    # pg_dump or psql, found on the PATH, with arguments Troth sets.
    result = subprocess.run(  # nosec B603
        args, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise DatabaseError(
            f"{Path(args[0]).name} failed: {result.stderr.strip()[-2000:]}"
        )


def _postgresql_dump(target: Path) -> Snapshot:
    dump = _program("pg_dump")
    reader = connection.copy()
    try:
        reader.ensure_connection()
        raw = reader.connection
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (exported,) = cursor.fetchone()
            snapshot = _read_state(cursor, reader.introspection.table_names(cursor))
            _run(
                [
                    dump,
                    "--format=plain",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={exported}",
                    f"--file={target}",
                ],
                _pg_environment(reader.settings_dict),
            )
            cursor.execute("COMMIT")
    finally:
        reader.close()
    snapshot.engine = POSTGRESQL
    return snapshot


def tables_now() -> dict[str, int]:
    """Every table of the database in use, with its rows."""
    with connection.cursor() as cursor:
        return _read_state(cursor, connection.introspection.table_names(cursor)).tables


def holds_data() -> bool:
    """Whether the database in use has any table at all: a database Troth
    has started on, even once, is not restored over without --force."""
    if engine() == SQLITE:
        path = Path(connection.settings_dict["NAME"])
        if not path.exists():
            return False
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(_sqlite_tables(db))
        finally:
            db.close()
    with connection.cursor() as cursor:
        return bool(connection.introspection.table_names(cursor))


def snapshot_restore(source: Path, *, replace: bool) -> None:
    """Put the copy at `source` in place of the database in use; `replace`
    drops what is there first."""
    if engine() == SQLITE:
        path = Path(connection.settings_dict["NAME"])
        connection.close()
        staged = path.with_name(path.name + ".restoring")
        shutil.copyfile(source, staged)
        # A write-ahead log left beside the old file would be replayed into
        # the restored one.
        for suffix in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(staged, path)
        return
    psql = _program("psql")
    env = _pg_environment(connection.settings_dict)
    connection.close()
    args = [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction"]
    if replace:
        args += ["-c", "DROP SCHEMA public CASCADE", "-c", "CREATE SCHEMA public"]
    _run([*args, "-f", str(source)], env)
