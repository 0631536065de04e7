"""Backups: take one, check one, restore one, keep the right ones.

An archive (docs/operations.md) is a tar stream sealed with the host's
passphrase (archive.py) holding:

    manifest.json        Troth's version, when, the engine, the migrations,
                         the rows of every table, each file's SHA-256
    database.sqlite3     or database.sql (pg_dump), a consistent snapshot
    keys/<name>          every key in troth.lib.keys.KEY_FILES kept in the
                         data dir

A key given by an environment variable is not copied (the host keeps it in
their configuration); the manifest records its digest, and a restore
refuses to go on when the key in effect would not be the same.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from troth.backups import database
from troth.backups.archive import MIN_PASSPHRASE, ArchiveError, SealedWriter, unseal
from troth.lib.keys import ENCRYPTION_KEY_FILE, KEY_FILES, KeyFile

logger = logging.getLogger("troth.backups")

MANIFEST = "manifest.json"
NAME = re.compile(r"^troth-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)\.backup$")
STAMP = "%Y-%m-%dT%H-%M-%SZ"
# The clock takes one a day; a little slack before it counts as late.
STALE_AFTER = timedelta(hours=26)
# Kept by the scheduled pruning: the newest of each of the last 7 days, the
# last 4 weeks (ISO weeks) and the last 6 months that have a backup.
KEEP = (
    (7, lambda when: when.date()),
    (4, lambda when: when.isocalendar()[:2]),
    (6, lambda when: (when.year, when.month)),
)


class BackupError(Exception):
    """What went wrong, in words for the host."""


@dataclass
class Opened:
    """An archive checked and unpacked into `folder` (a private temp dir)."""

    folder: Path
    manifest: dict

    @property
    def database(self) -> Path:
        return self.folder / database.FILES[self.manifest["engine"]]


def troth_version() -> str:
    try:
        return version("troth")
    except PackageNotFoundError:
        return "unknown"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _key_in_effect(key: KeyFile, data_dir: Path) -> tuple[str, str | None]:
    """(where it comes from, its value) for a key, as settings read it."""
    given = os.environ.get(key.variable, "")
    if given.strip():
        if key == ENCRYPTION_KEY_FILE:
            given = ",".join(part.strip() for part in given.split(",") if part.strip())
        return "environment", given.strip()
    path = data_dir / key.name
    if path.exists():
        return "file", path.read_text().strip()
    return "none", None


def archive_name(when: datetime) -> str:
    return f"troth-{when.astimezone(UTC).strftime(STAMP)}.backup"


def _target(path: Path | None, when: datetime) -> Path:
    if path is None:
        path = settings.TROTH_BACKUP_DIR or Path.cwd()
    if path.is_dir():
        path = path / archive_name(when)
    if path.exists():
        raise BackupError(f"{path} already exists; Troth never writes over a file.")
    return path


def backup_create(
    *, passphrase: str, path: Path | None = None, now: datetime | None = None
) -> Path:
    """Write an archive of the database and the keys as they are now, mode
    0600, to `path` (a file, or a folder for a dated name; by default
    TROTH_BACKUP_DIR or the current folder). Returns where it is. The
    archive appears whole or not at all."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupError(f"The passphrase needs at least {MIN_PASSPHRASE} characters.")
    now = now or timezone.now()
    target = _target(path, now)
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR, prefix=".backup-") as tmp:
        folder = Path(tmp)
        kind = database.engine()
        db_file = folder / database.FILES[kind]
        try:
            snapshot = database.snapshot_take(db_file)
        except database.DatabaseError as error:
            raise BackupError(str(error)) from None
        members = {db_file.name: db_file}
        keys = {}
        for key in KEY_FILES:
            source, value = _key_in_effect(key, settings.DATA_DIR)
            keys[key.name] = {
                "source": source,
                "variable": key.variable,
                "sha256": _digest(value.encode()) if value is not None else None,
            }
            if source == "file":
                members[f"keys/{key.name}"] = settings.DATA_DIR / key.name
        manifest = {
            "format": 1,
            "troth_version": troth_version(),
            "created": now.astimezone(UTC).isoformat(),
            "engine": kind,
            "migrations": snapshot.migrations,
            "tables": snapshot.tables,
            "keys": keys,
            "files": {name: _file_digest(path) for name, path in members.items()},
        }
        manifest["payload_sha256"] = _digest(
            json.dumps(manifest["files"], sort_keys=True).encode()
        )
        _seal(target, passphrase, manifest, members)
    return target


def _seal(target: Path, passphrase: str, manifest: dict, members: dict) -> None:
    partial = target.with_name(f".{target.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            sealed = SealedWriter(out, passphrase)
            with tarfile.open(
                fileobj=sealed, mode="w|", format=tarfile.PAX_FORMAT
            ) as tar:  # type: ignore[call-overload]
                text = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode = len(text), 0o600
                tar.addfile(info, io.BytesIO(text))
                for name, path in members.items():
                    tar.add(path, arcname=name, recursive=False)
            sealed.close()
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def backup_open(path: Path, passphrase: str, folder: Path) -> Opened:
    """Check the archive at `path` whole (passphrase, every chunk, every
    file's checksum) and unpack it into `folder`. Raises BackupError; then
    `folder` holds nothing to use."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    plain = folder / "archive.tar"
    try:
        with path.open("rb") as source, plain.open("wb") as out:
            for chunk in unseal(source, passphrase):
                out.write(chunk)
        with tarfile.open(plain, mode="r:") as tar:
            tar.extractall(folder / "content", filter="data")
    except ArchiveError as error:
        raise BackupError(str(error)) from None
    except tarfile.TarError:
        raise BackupError("The archive opens, but what it holds is damaged.") from None
    finally:
        plain.unlink(missing_ok=True)
    content = folder / "content"
    try:
        manifest = json.loads((content / MANIFEST).read_text())
        files = manifest["files"]
        kind = manifest["engine"]
    except (OSError, ValueError, KeyError, TypeError):
        raise BackupError("The archive's manifest is missing or damaged.") from None
    held = {
        str(p.relative_to(content))
        for p in content.rglob("*")
        if p.is_file() and p.name != MANIFEST
    }
    if kind not in database.FILES or database.FILES[kind] not in files:
        raise BackupError("The archive's manifest is missing or damaged.")
    if held != set(files) or any(
        _file_digest(content / name) != digest for name, digest in files.items()
    ):
        raise BackupError("A file in the archive does not match its checksum.")
    if manifest.get("payload_sha256") != _digest(
        json.dumps(files, sort_keys=True).encode()
    ):
        raise BackupError("The archive's manifest does not match its checksum.")
    return Opened(folder=content, manifest=manifest)


def describe(manifest: dict) -> list[str]:
    """What an archive holds, as lines for the host."""
    engines = {database.SQLITE: "SQLite", database.POSTGRESQL: "PostgreSQL"}
    tables = manifest["tables"]
    people = tables.get("accounts_user", "?")
    lines = [
        f"Taken: {manifest['created']} by Troth {manifest['troth_version']}",
        f"Database: {engines[manifest['engine']]}, {len(tables)} tables, "
        f"{sum(tables.values())} rows, {people} accounts",
        f"Migrations: {len(manifest['migrations'])} applied",
    ]
    for name, key in manifest["keys"].items():
        where = {
            "file": "in the archive",
            "environment": f"from {key['variable']} (not in the archive)",
            "none": "none",
        }[key["source"]]
        lines.append(f"Key {name}: {where}")
    return lines


def _refusals(opened: Opened, *, force: bool) -> list[str]:
    manifest = opened.manifest
    kind = database.engine()
    if manifest["engine"] != kind:
        return [
            f"This backup holds a {manifest['engine']} database, and Troth here "
            f"uses {kind}. docs/operations.md says how to move between them."
        ]
    problems = []
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = [f"{a}.{n}" for a, n in manifest["migrations"] if (a, n) not in known]
    if newer:
        problems.append(
            "This backup comes from a newer Troth (it has migrations this one "
            f"doesn't know: {', '.join(newer[:3])}). Update Troth, then restore."
        )
    for name, key in manifest["keys"].items():
        if key["source"] == "none":
            continue
        variable = key["variable"]
        # Only what the environment gives: the data dir's files are replaced.
        given = _key_in_effect(KeyFile(name, variable), opened.folder / "keys")
        same = given[1] is not None and _digest(given[1].encode()) == key["sha256"]
        if key["source"] == "environment" and not same:
            problems.append(
                f"This backup was taken with {variable} set; set it to the "
                "same value here, then restore again."
            )
        elif key["source"] == "file" and given[0] == "environment" and not same:
            problems.append(
                f"{variable} is set here, but this backup holds its own {name}: "
                f"unset {variable} (or set it to the key in the backup)."
            )
    if not force and database.holds_data():
        problems.append(
            "The database here already holds tables. Restore into an empty "
            "database, or add --force to replace everything in it."
        )
    return problems


def backup_restore(
    path: Path, *, passphrase: str, force: bool = False, say: Callable = print
) -> dict:
    """Check the archive whole, then put its database and keys in place.
    Nothing is touched unless every check passes. Returns the manifest."""
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR, prefix=".restore-") as tmp:
        opened = backup_open(path, passphrase, Path(tmp))
        problems = _refusals(opened, force=force)
        if problems:
            raise BackupError("\n".join(problems))
        try:
            database.snapshot_restore(opened.database, replace=force)
        except database.DatabaseError as error:
            raise BackupError(str(error)) from None
        for key in KEY_FILES:
            held = opened.folder / "keys" / key.name
            if held.exists():
                target = settings.DATA_DIR / key.name
                staged = target.with_name(f".{key.name}.restoring")
                staged.unlink(missing_ok=True)
                fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(held.read_bytes())
                os.replace(staged, target)
    counts = database.tables_now()
    expected = opened.manifest["tables"]
    differ = [t for t, n in expected.items() if counts.get(t) != n]
    if differ:
        raise BackupError(
            "The restored database does not hold what the backup lists "
            f"(tables {', '.join(differ[:5])}). Restore again with --force."
        )
    say(f"Restored {sum(expected.values())} rows in {len(expected)} tables.")
    return opened.manifest


# Scheduled backups and what they keep


def archives(folder: Path) -> list[tuple[datetime, Path]]:
    """The archives in `folder` named as Troth names them, newest first."""
    found = []
    for path in folder.iterdir() if folder.is_dir() else []:
        match = NAME.match(path.name)
        if match:
            when = datetime.strptime(match[1], STAMP).replace(tzinfo=UTC)
            found.append((when, path))
    return sorted(found, reverse=True)


def retention_keep(stamps: list[datetime]) -> set[datetime]:
    """Which of the archives taken at `stamps` to keep: the newest of each
    of the last 7 days, 4 ISO weeks and 6 months that have one."""
    newest_first = sorted(stamps, reverse=True)
    keep = set()
    for count, period in KEEP:
        seen: list = []
        for when in newest_first:
            if len(seen) == count:
                break
            if period(when) not in seen:
                seen.append(period(when))
                keep.add(when)
    return keep


def backups_prune(folder: Path) -> list[Path]:
    """Delete the archives in `folder` that retention no longer keeps."""
    found = archives(folder)
    keep = retention_keep([when for when, _ in found])
    pruned = [path for when, path in found if when not in keep]
    for path in pruned:
        path.unlink(missing_ok=True)
    return pruned


def backup_scheduled(now: datetime | None = None) -> Path | None:
    """The clock's daily backup into TROTH_BACKUP_DIR, then pruning. Does
    nothing without a backup dir, or when one was already taken this day
    (UTC), so a rerun or a second worker takes no second one."""
    folder = settings.TROTH_BACKUP_DIR
    if folder is None:
        return None
    now = now or timezone.now()
    found = archives(folder)
    if found and found[0][0].date() >= now.astimezone(UTC).date():
        return None
    passphrase = os.environ.get("TROTH_BACKUP_PASSPHRASE", "")
    if not passphrase:
        logger.error("No backup taken: TROTH_BACKUP_PASSPHRASE is not set.")
        return None
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = backup_create(passphrase=passphrase, path=folder, now=now)
    pruned = backups_prune(folder)
    logger.info("Backup taken: %s (%d old ones pruned)", path.name, len(pruned))
    return path


def backup_status(now: datetime | None = None) -> dict:
    """For /healthz: nothing when no backup dir is set; otherwise whether
    the newest archive is as recent as the schedule promises."""
    folder = settings.TROTH_BACKUP_DIR
    if folder is None:
        return {}
    found = archives(folder)
    if not found:
        return {"backup": "missing"}
    age = (now or timezone.now()) - found[0][0]
    if age > STALE_AFTER:
        return {"backup": "stale", "backup_age_hours": int(age.total_seconds() // 3600)}
    return {"backup": "ok"}
