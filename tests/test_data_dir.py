"""The data directory and the database files in it are private to the
account Troth runs as (troth/lib/datadir.py)."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from troth.lib import datadir

# Started as a shell would start it (umask 022), then the database kept open
# so SQLite's -wal and -shm files exist to be looked at.
START = """
import json, os, sys
from pathlib import Path
os.umask(0o022)
import django
django.setup()
from troth.cli import _prepare
_prepare(verbosity=0)
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("INSERT INTO troth_cache VALUES ('k', 'v', '2999-01-01')")
data = Path(os.environ["TROTH_DATA_DIR"])
print(json.dumps({p.name: oct(p.stat().st_mode & 0o777) for p in [data, *data.iterdir()]}))
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def env_for(data_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TROTH_")}
    env.pop("DATABASE_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "troth.settings"
    env["TROTH_DATA_DIR"] = str(data_dir)
    return env


# Troth in its own processes on its own SQLite data dir: the same whatever
# database the suite runs on.
@pytest.mark.sqlite_install
def test_it_starts_with_the_dir_0700_and_every_file_0600(tmp_path):
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-c", START],
        env=env_for(data),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modes = json.loads(done.stdout.strip().splitlines()[-1])
    assert modes.pop("data") == "0o700"
    # The collected static files are public (anyone may fetch them), inside
    # the private dir; the rest is the private data.
    modes.pop("static")
    collected = [p.name for p in (data / "static" / "troth").iterdir()]
    assert any(n.startswith("troth.") and n.endswith(".css.gz") for n in collected)
    assert {"troth.sqlite3", "troth.sqlite3-wal", "troth.sqlite3-shm"} <= set(modes)
    assert {"secret_key", "encryption_key"} <= set(modes)
    assert set(modes.values()) == {"0o600"}


def test_it_makes_an_older_readable_install_private_and_says_where(tmp_path, caplog):
    data = tmp_path / "data"
    (data / "backups").mkdir(parents=True)
    database = data / "troth.sqlite3"
    database.write_text("the database")
    (data / "backups" / "old.sqlite3").write_text("a backup")
    for path, old in ((data, 0o755), (data / "backups", 0o755), (database, 0o644)):
        path.chmod(old)
    (data / "backups" / "old.sqlite3").chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="troth.datadir"):
        datadir.secure(data)
    assert mode(data) == 0o700
    assert mode(data / "backups") == 0o700
    assert mode(database) == 0o600
    assert mode(data / "backups" / "old.sqlite3") == 0o600
    warned = caplog.text
    assert str(database) in warned and str(data) in warned
    assert "the database" not in warned and "a backup" not in warned


def test_a_private_install_starts_without_a_warning(tmp_path, caplog):
    data = tmp_path / "data"
    datadir.secure(data)
    (data / "secret_key").write_text("x")
    with caplog.at_level(logging.WARNING, logger="troth.datadir"):
        datadir.secure(data)
    assert mode(data / "secret_key") == 0o600
    assert caplog.records == []
