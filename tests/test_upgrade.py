"""Upgrades keep what people wrote: the demo couple's database as an earlier
Troth made it (tests/fixtures, built by scripts/build_upgrade_fixture.py)
is migrated to now, and reads back the same."""

from __future__ import annotations

import json
import os
import tarfile
from pathlib import Path

import pytest

from tests.backupsites import SETUP, Site

FIXTURE = Path(__file__).parent / "fixtures" / "upgrade-085ddde.tar.xz"

READ_BACK = (
    SETUP
    + """
from pathlib import Path
from django.apps import apps
from django.db import connection
expected = json.loads((Path(os.environ["TROTH_DATA_DIR"]) / "expected.json").read_text())
changed = []
for label, kind in expected["texts"].items():
    model = apps.get_model(label)
    rows = model._base_manager.values_list("pk", *kind["fields"])
    now = {str(row[0]): list(row[1:]) for row in rows}
    changed += [f"{label} {pk}" for pk in kind["rows"] if now.get(pk) != kind["rows"][pk]]
# What migrations themselves add to.
grows = {"django_migrations", "django_content_type", "auth_permission"}
counts = {}
with connection.cursor() as cursor:
    for table in expected["tables"]:
        if table not in grows:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
lost = {t: [n, counts[t]] for t, n in expected["tables"].items() if t in counts and counts[t] != n}
print(json.dumps({"changed": changed[:20], "lost": lost, "texts": sum(len(k["rows"]) for k in expected["texts"].values())}))
"""
)


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the fixture is a SQLite database: the SQLite pass runs this",
)
def test_the_last_release_s_data_reads_the_same_after_every_migration(tmp_path):
    site = Site.create(tmp_path, "sqlite")
    site.data_dir.mkdir(mode=0o700)
    with tarfile.open(FIXTURE) as tar:
        tar.extractall(site.data_dir, filter="data")
    migrated = site.troth("manage", "migrate", "--no-input")
    assert migrated.returncode == 0, migrated.stderr
    assert "Applying" in migrated.stdout  # there was something to migrate
    result = json.loads(site.python(READ_BACK).strip().splitlines()[-1])
    assert result["texts"] > 500
    assert result["changed"] == []
    assert result["lost"] == {}
    pages = site.render()
    for email in ("alex@example.com", "sam@example.com"):
        # The password set by the old release still signs in.
        assert pages[f"{email} sign-in"] == [302, "/"]
    broken = [
        page
        for page, seen in pages.items()
        if "sign-in" not in page and page != "promise texts" and seen[0] != 200
    ]
    assert broken == []
    assert "Alex" in pages["sam@example.com /"][1]
