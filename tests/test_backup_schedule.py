"""The clock's daily backup, what retention keeps, what /healthz says about
it, and the sealed envelope itself (troth/backups)."""

from __future__ import annotations

import io
import logging
import stat
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from troth.backups import archive
from troth.backups.archive import ArchiveError, SealedWriter, unseal
from troth.backups.services import (
    archive_name,
    archives,
    backup_open,
    backup_scheduled,
    backups_prune,
    retention_keep,
)
from troth.lib.clock import all_jobs

PASSPHRASE = "a long passphrase for the tests"
NOW = datetime(2026, 12, 5, 1, 30, tzinfo=UTC)


@pytest.fixture
def backup_dir(tmp_path, settings, monkeypatch):
    folder = tmp_path / "backups"
    folder.mkdir()
    settings.TROTH_BACKUP_DIR = folder
    monkeypatch.setenv("TROTH_BACKUP_PASSPHRASE", PASSPHRASE)
    return folder


def touch_archives(folder, stamps):
    for when in stamps:
        (folder / archive_name(when)).write_bytes(b"")


def test_the_clock_runs_the_backup_job():
    assert "troth.backups.tasks.take_backup" in {job.name for job in all_jobs()}


@pytest.mark.django_db(transaction=True)
def test_the_daily_backup_is_taken_once_a_day_private_and_opens(backup_dir, tmp_path):
    path = backup_scheduled(now=NOW)
    assert path is not None
    assert path.parent == backup_dir
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    opened = backup_open(path, PASSPHRASE, tmp_path)
    assert "accounts_user" in opened.manifest["tables"]
    # Later the same day (a second worker, a rerun): nothing more.
    assert backup_scheduled(now=NOW + timedelta(hours=20)) is None
    assert backup_scheduled(now=NOW + timedelta(days=1)) is not None
    assert len(archives(backup_dir)) == 2


@pytest.mark.django_db
def test_without_a_passphrase_no_backup_is_taken_and_the_log_says_why(
    backup_dir, monkeypatch, caplog
):
    monkeypatch.delenv("TROTH_BACKUP_PASSPHRASE")
    with caplog.at_level(logging.ERROR, logger="troth.backups"):
        assert backup_scheduled(now=NOW) is None
    assert "TROTH_BACKUP_PASSPHRASE is not set" in caplog.text
    assert list(backup_dir.iterdir()) == []


def test_without_a_backup_dir_nothing_is_scheduled(settings):
    settings.TROTH_BACKUP_DIR = None
    assert backup_scheduled(now=NOW) is None


def test_retention_keeps_7_daily_4_weekly_and_6_monthly():
    # A year of backups, one a day at 01:30, plus an extra one on the last day.
    days = [NOW - timedelta(days=n) for n in range(365)]
    extra = NOW - timedelta(hours=1)
    keep = retention_keep([*days, extra])
    daily = {NOW - timedelta(days=n) for n in range(1, 7)} | {NOW}
    # The newest of each ISO week: Sundays, 2026-11-29 back.
    weekly = {datetime(2026, 11, 29 - 7 * n, 1, 30, tzinfo=UTC) for n in range(3)}
    # The newest of each month: its last day.
    monthly = {
        datetime(2026, month, day, 1, 30, tzinfo=UTC)
        for month, day in ((11, 30), (10, 31), (9, 30), (8, 31), (7, 31))
    }
    assert keep == daily | weekly | monthly
    assert extra not in keep  # older than NOW on the same day


def test_pruning_deletes_only_old_archives_it_named(backup_dir):
    stamps = [NOW - timedelta(days=n) for n in range(40)]
    touch_archives(backup_dir, stamps)
    (backup_dir / "notes.txt").write_text("mine")
    (backup_dir / "troth-manual.backup").write_text("mine too")
    pruned = backups_prune(backup_dir)
    left = {when for when, _ in archives(backup_dir)}
    assert left == retention_keep(stamps)
    assert len(pruned) == 40 - len(left)
    assert (backup_dir / "notes.txt").exists()
    assert (backup_dir / "troth-manual.backup").exists()
    assert backups_prune(backup_dir) == []


@pytest.mark.django_db
def test_healthz_says_nothing_of_backups_without_a_backup_dir(settings):
    settings.TROTH_BACKUP_DIR = None
    assert Client().get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_healthz_says_when_the_last_backup_is_late(backup_dir):
    client = Client()
    assert client.get("/healthz").json() == {"status": "ok", "backup": "missing"}
    now = datetime.now(UTC)
    touch_archives(backup_dir, [now - timedelta(hours=30)])
    response = client.get("/healthz")
    assert response.status_code == 200  # the site still serves
    assert response.json() == {
        "status": "ok",
        "backup": "stale",
        "backup_age_hours": 30,
    }
    touch_archives(backup_dir, [now - timedelta(hours=2)])
    assert client.get("/healthz").json() == {"status": "ok", "backup": "ok"}


def sealed(data: bytes, passphrase: str = PASSPHRASE) -> bytes:
    out = io.BytesIO()
    writer = SealedWriter(out, passphrase)
    writer.write(data)
    writer.close()
    return out.getvalue()


def opened(data: bytes, passphrase: str = PASSPHRASE) -> bytes:
    return b"".join(unseal(io.BytesIO(data), passphrase))


def test_the_envelope_opens_whole_over_several_chunks():
    data = bytes(range(256)) * (archive.CHUNK // 100)
    assert len(data) > 2 * archive.CHUNK
    box = sealed(data)
    assert opened(box) == data
    assert data[:4096] not in box


def test_the_envelope_refuses_moved_dropped_and_changed_chunks():
    data = b"x" * (archive.CHUNK * 2 + 10)
    box = sealed(data)
    (size,) = archive.LENGTH.unpack_from(box, len(archive.MAGIC))
    header = len(archive.MAGIC) + 4 + size + len(archive.CHECK_TEXT) + archive.TAG
    size = 4 + archive.CHUNK + archive.TAG
    first, second = box[header : header + size], box[header + size : header + 2 * size]
    rest = box[header + 2 * size :]
    swapped = box[:header] + second + first + rest
    with pytest.raises(ArchiveError, match="damaged or was changed"):
        opened(swapped)
    # Without its last chunk: the stream ends before it says it is done.
    with pytest.raises(ArchiveError, match="incomplete"):
        opened(box[: header + 2 * size])
    with pytest.raises(ArchiveError, match="damaged or was changed"):
        opened(box + b"more")
    with pytest.raises(ArchiveError, match="passphrase does not open"):
        opened(box, "another long passphrase")


def test_a_short_passphrase_is_refused():
    with pytest.raises(ArchiveError, match="at least 10 characters"):
        SealedWriter(io.BytesIO(), "short")
