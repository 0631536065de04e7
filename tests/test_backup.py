"""`troth backup` and `troth restore`, run as a host runs them, on SQLite
and (when the suite runs there) on PostgreSQL: the demo couple's install is
backed up, restored into a fresh one, and reads the same (docs/operations.md)."""

from __future__ import annotations

import hashlib
import json
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.backupsites import DEMO, ENGINES, PASSPHRASE, SETUP, Site, server_url
from troth.lib.keys import KEY_FILES


@pytest.fixture(scope="module", params=ENGINES)
def demo(request, tmp_path_factory):
    """The demo couple's install, its backup, and what their pages said
    when it was taken."""
    root = tmp_path_factory.mktemp("backup")
    site = Site.create(root, request.param)
    site.python(DEMO)
    folder = root / "backups"
    folder.mkdir()
    done = site.troth("backup", folder)
    assert done.returncode == 0, done.stderr
    (archive,) = folder.iterdir()
    site.archive = archive  # type: ignore[attr-defined]
    site.read_at = datetime.now(UTC)  # type: ignore[attr-defined]
    site.pages = site.render(site.read_at)  # type: ignore[attr-defined]
    yield site
    site.drop()


@pytest.fixture
def fresh(demo, tmp_path):
    """An install no Troth has started on yet, on the demo's engine."""
    site = Site.create(tmp_path, demo.engine)
    yield site
    site.drop()


def files_of(site: Site) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site.data_dir.iterdir()
        if path.is_file()
    }


def tables_of(site: Site) -> str:
    return site.python(
        SETUP
        + "from django.db import connection\n"
        + "print(sorted(connection.introspection.table_names()))"
    ).strip()


def test_a_restored_install_reads_as_the_backed_up_one(demo, fresh):
    done = fresh.troth("restore", demo.archive)
    assert done.returncode == 0, done.stderr
    assert "Restored" in done.stdout
    pages = fresh.render(demo.read_at)
    # Both partners sign in with their passwords and land on Today.
    assert pages["alex@example.com sign-in"] == [302, "/"]
    assert pages["sam@example.com sign-in"] == [302, "/"]
    # The encrypted text reads back with the restored key.
    assert pages["promise texts"] == demo.pages["promise texts"]
    assert len(pages["promise texts"]) > 5
    for page, seen in demo.pages.items():
        if page.endswith("sign-in") or page == "promise texts":
            continue
        status, text = seen
        assert status == 200, page
        assert pages[page] == [status, text], page
    for key in KEY_FILES:
        assert (fresh.data_dir / key.name).read_text() == (
            demo.data_dir / key.name
        ).read_text()
        assert stat.S_IMODE((fresh.data_dir / key.name).stat().st_mode) == 0o600


def test_the_archive_is_private_and_check_says_what_it_holds(demo, fresh):
    assert stat.S_IMODE(demo.archive.stat().st_mode) == 0o600
    done = fresh.troth("backup", "--check", demo.archive)
    assert done.returncode == 0, done.stderr
    assert "opens with this passphrase and is whole" in done.stdout
    assert "2 accounts" in done.stdout
    for key in KEY_FILES:
        assert f"Key {key.name}: in the archive" in done.stdout
    # Checking restores nothing.
    assert "troth.sqlite3" not in files_of(fresh)
    if demo.engine == "postgresql":
        assert tables_of(fresh) == "[]"


def damaged(archive: Path, tmp_path: Path, how: str) -> Path:
    data = bytearray(archive.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "without its end":
        data = data[:-20]
    elif how == "tampered":
        data[len(data) // 2] ^= 0x01
    elif how == "not an archive":
        data = bytearray(b"just some text\n" * 10)
    copy = tmp_path / f"{how}.backup"
    copy.write_bytes(bytes(data))
    return copy


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("wrong passphrase", "The passphrase does not open this archive"),
        ("truncated", "The archive is incomplete"),
        ("without its end", "The archive is incomplete"),
        ("tampered", "The archive is damaged or was changed"),
        ("not an archive", "This is not a Troth backup archive"),
    ],
)
def test_a_bad_archive_or_passphrase_is_refused_and_touches_nothing(
    demo, fresh, tmp_path, how, message
):
    # Troth has started here once (its keys exist) but holds no data.
    fresh.python(SETUP)
    before = files_of(fresh)
    archive = damaged(demo.archive, tmp_path, how)
    passphrase = "not the passphrase" if how == "wrong passphrase" else PASSPHRASE
    done = fresh.troth("restore", archive, TROTH_BACKUP_PASSPHRASE=passphrase)
    assert done.returncode == 1
    assert message in done.stderr
    assert "nothing was restored" in done.stderr
    checked = fresh.troth(
        "backup", "--check", archive, TROTH_BACKUP_PASSPHRASE=passphrase
    )
    assert checked.returncode == 1
    assert message in checked.stderr
    assert "Traceback" not in done.stderr + checked.stderr
    assert files_of(fresh) == before
    assert not list(fresh.data_dir.glob(".restore-*"))
    if demo.engine == "postgresql":
        assert tables_of(fresh) == "[]"


def test_restore_keeps_what_is_there_unless_forced(demo, fresh):
    fresh.python(
        SETUP
        + "from django.db import connection\n"
        + "connection.cursor().execute('CREATE TABLE kept (note text)')"
    )
    refused = fresh.troth("restore", demo.archive)
    assert refused.returncode == 1
    assert "already holds tables" in refused.stderr
    assert "--force" in refused.stderr
    forced = fresh.troth("restore", "--force", demo.archive)
    assert forced.returncode == 0, forced.stderr
    texts = fresh.python(
        SETUP
        + "from troth.promises.models import Promise\n"
        + "print(json.dumps(sorted(p.text for p in Promise.objects.all())))"
    )
    assert json.loads(texts) == demo.pages["promise texts"]


def test_a_backup_needs_a_passphrase_and_never_writes_over_a_file(demo, tmp_path):
    target = tmp_path / "here.backup"
    target.write_text("keep me")
    done = demo.troth("backup", target)
    assert done.returncode == 1
    assert "never writes over a file" in done.stderr
    assert target.read_text() == "keep me"
    short = demo.troth("backup", tmp_path, TROTH_BACKUP_PASSPHRASE="short")
    assert short.returncode == 1
    assert "at least 10 characters" in short.stderr
    assert "Traceback" not in short.stderr
    none = demo.troth("backup", tmp_path, TROTH_BACKUP_PASSPHRASE="")
    assert none.returncode == 2
    assert "TROTH_BACKUP_PASSPHRASE" in none.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["here.backup"]


def test_the_worker_takes_the_daily_backup_and_healthz_says_so(demo, tmp_path):
    folder = tmp_path / "daily"
    run = (
        SETUP
        + "from troth.backups.tasks import take_backup\n"
        + "take_backup.enqueue()\n"
        + "call_command('db_worker', batch=True, startup_delay=False, verbosity=0)\n"
        + "from django.test import Client\n"
        + "print(Client(HTTP_HOST='localhost').get('/healthz').content.decode())"
    )
    said = demo.python(
        run, TROTH_BACKUP_DIR=str(folder), TROTH_BACKUP_PASSPHRASE=PASSPHRASE
    )
    assert json.loads(said.strip().splitlines()[-1]) == {
        "status": "ok",
        "backup": "ok",
    }
    (archive,) = folder.iterdir()
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    done = demo.troth("backup", "--check", archive)
    assert done.returncode == 0, done.stderr
    assert "2 accounts" in done.stdout


# docs/operations.md, "Moving from SQLite to PostgreSQL": word for word.
DUMP = [
    "manage",
    "dumpdata",
    "--natural-foreign",
    "--natural-primary",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
    "--exclude=django_tasks_database",
]


@pytest.mark.postgresql
def test_moving_from_sqlite_to_postgresql_keeps_everything(demo, tmp_path):
    if demo.engine != "sqlite" or server_url() is None:
        pytest.skip("moves the SQLite demo, in the suite's pass on PostgreSQL")
    before = demo.render(demo.read_at)
    dump = tmp_path / "troth.json"
    dumped = demo.troth(*DUMP, f"--output={dump}")
    assert dumped.returncode == 0, dumped.stderr
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600
    target = Site.create(tmp_path, "postgresql")
    try:
        moved = Site(demo.data_dir, "postgresql", target.database_url)
        for step in (
            ["manage", "migrate", "--no-input"],
            ["manage", "createcachetable"],
            ["manage", "loaddata", dump],
        ):
            done = moved.troth(*step)
            assert done.returncode == 0, done.stderr
        after = moved.render(demo.read_at)
        # The same words on every page. Not always in the same order: SQLite
        # sorts an empty date first and PostgreSQL last (the goals list).
        assert after.keys() == before.keys()
        for page, seen in before.items():
            assert sorted(str(after[page]).split()) == sorted(str(seen).split()), page
    finally:
        target.drop()


# Promises made, marked done and confirmed one after another, each step in
# its own transaction, as fast as the database takes them.
WRITER = (
    SETUP
    + """
import datetime as dt
from django.utils import timezone
from troth.accounts.models import User
from troth.promises import services
alex = User.objects.get(email="alex@example.com")
sam = User.objects.get(email="sam@example.com")
space = alex.memberships.get().space
due = timezone.now().date() + dt.timedelta(days=3)
stop = __import__("time").monotonic() + 20
n = 0
while __import__("time").monotonic() < stop and not os.path.exists(sys.argv[1]):
    promise = services.promise_create(space=space, by=alex, text=f"Stream {n}", due_date=due)
    services.promise_mark_done(promise=promise, by=alex)
    services.promise_confirm(promise=promise, by=sam, kept=True)
    n += 1
    print(n, flush=True)
"""
)

CONSISTENT = (
    SETUP
    + """
from troth.promises.models import Promise
steps = {"open": ["made"], "done": ["made", "done"], "kept": ["made", "done", "kept"]}
seen, wrong = 0, []
for promise in Promise.objects.all():
    if not promise.text.startswith("Stream "):
        continue
    seen += 1
    kinds = list(promise.events.order_by("pk").values_list("kind", flat=True))
    if kinds != steps.get(promise.state) or (promise.done_at is None) != (promise.state == "open"):
        wrong.append([promise.text, promise.state, kinds])
print(json.dumps({"seen": seen, "wrong": wrong}))
"""
)


def test_a_backup_taken_during_writes_restores_whole_steps(demo, fresh, tmp_path):
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(stop)],
        env=demo.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        for _ in range(3):  # the stream is flowing
            assert writer.stdout.readline(), writer.stderr.read()  # type: ignore[union-attr]
        folder = tmp_path / "during"
        folder.mkdir()
        done = demo.troth("backup", folder)
        assert done.returncode == 0, done.stderr
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert writer.returncode == 0, writer.stderr.read()  # type: ignore[union-attr]
    (archive,) = folder.iterdir()
    restored = fresh.troth("restore", archive)
    assert restored.returncode == 0, restored.stderr
    result = json.loads(fresh.python(CONSISTENT).strip().splitlines()[-1])
    assert result["seen"] >= 3
    assert result["wrong"] == []


def test_every_file_a_fresh_data_dir_holds_is_a_key_a_backup_keeps(tmp_path):
    site = Site.create(tmp_path, "sqlite")
    site.python(
        SETUP + "from django.db import connection\nconnection.ensure_connection()"
    )
    names = {path.name for path in site.data_dir.iterdir()}
    database = {"troth.sqlite3", "troth.sqlite3-wal", "troth.sqlite3-shm"}
    assert names - database == {key.name for key in KEY_FILES}
