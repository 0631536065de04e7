"""Database connections last a minute and are checked before reuse, instead
of one being opened per request (issue 14); TROTH_DB_CONN_MAX_AGE changes it."""

from __future__ import annotations

from tests.test_security_settings import production_env, run_python

READ = """
import json, django
django.setup()
from django.conf import settings as s
d = s.DATABASES["default"]
print(json.dumps({"engine": d["ENGINE"], "age": d["CONN_MAX_AGE"],
                  "checks": d["CONN_HEALTH_CHECKS"]}))
"""


def test_postgresql_keeps_connections_for_a_minute_and_checks_them(tmp_path):
    env = production_env(tmp_path)
    env["DATABASE_URL"] = "postgres://troth@127.0.0.1:5432/troth"
    values = run_python(READ, env)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["age"] == 60
    assert values["checks"] is True


def test_sqlite_keeps_them_too(tmp_path):
    values = run_python(READ, production_env(tmp_path))
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["age"] == 60 and values["checks"] is True


def test_the_host_can_change_how_long(tmp_path):
    env = production_env(tmp_path)
    env["DATABASE_URL"] = "postgres://troth@127.0.0.1:5432/troth"
    env["TROTH_DB_CONN_MAX_AGE"] = "0"
    assert run_python(READ, env)["age"] == 0
