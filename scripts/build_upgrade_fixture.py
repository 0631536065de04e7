"""Build the upgrade fixture: the demo couple's SQLite database and keys, as
an earlier Troth made them (tests/test_upgrade.py migrates a copy to now).

    .venv/bin/python scripts/build_upgrade_fixture.py [COMMIT]

COMMIT (default: the one in FIXTURE below) is checked out into a temporary
git worktree, and its own code, run with this checkout's virtualenv, builds
the demo at a fixed date into a temporary data dir. Next to the database go
its keys and `expected.json`: every encrypted value of every model, as that
Troth read it back, and the row count of every table. The result is written
compressed to tests/fixtures/upgrade-<COMMIT>.tar.xz. When a release is
tagged, build one from it and point tests/test_upgrade.py at it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = "085ddde"

# Run by the old code: the demo at a fixed date, then what it reads back.
BUILD = """
import json, os, sqlite3
from datetime import datetime, UTC
from pathlib import Path
import django
django.setup()
from django.apps import apps
from django.core.management import call_command
from django.db import connection
import troth
from troth.demo import demo_create
from troth.lib.fields import EncryptedTextField

assert Path(troth.__file__).is_relative_to(os.environ["OLD_TREE"]), troth.__file__
call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable", verbosity=0)
demo_create(now=datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
texts = {}
for model in apps.get_models():
    fields = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
    if fields:
        rows = model._base_manager.order_by("pk").values_list("pk", *fields)
        texts[model._meta.label] = {
            "fields": fields,
            "rows": {str(row[0]): list(row[1:]) for row in rows},
        }
with connection.cursor() as cursor:
    tables = connection.introspection.table_names(cursor)
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
connection.close()
data = Path(os.environ["TROTH_DATA_DIR"])
db = sqlite3.connect(data / "troth.sqlite3")
db.execute("PRAGMA journal_mode=DELETE")
db.execute("VACUUM")
db.close()
(data / "expected.json").write_text(json.dumps({"texts": texts, "tables": counts}))
"""

MEMBERS = ["troth.sqlite3", "secret_key", "encryption_key", "expected.json"]


def main(commit: str = FIXTURE) -> Path:
    out = ROOT / "tests" / "fixtures" / f"upgrade-{commit}.tar.xz"
    with tempfile.TemporaryDirectory(prefix="troth-old-") as tmp:
        tree, data = Path(tmp) / "tree", Path(tmp) / "data"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(tree), commit],
            cwd=ROOT,
            check=True,
        )
        try:
            env = {k: v for k, v in os.environ.items() if not k.startswith("TROTH_")}
            env.pop("DATABASE_URL", None)
            env.update(
                PYTHONPATH=str(tree),
                OLD_TREE=str(tree),
                TROTH_DATA_DIR=str(data),
                DJANGO_SETTINGS_MODULE="troth.settings",
            )
            subprocess.run([sys.executable, "-c", BUILD], cwd=tree, env=env, check=True)
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(tree)],
                cwd=ROOT,
                check=True,
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(out, "w:xz", preset=9) as tar:
            for name in MEMBERS:
                tar.add(data / name, arcname=name)
    print(f"Wrote {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KiB)")
    return out


if __name__ == "__main__":
    main(*sys.argv[1:2])
