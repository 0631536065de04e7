"""Whole Troth installs for the backup and upgrade tests: a data dir, and
on PostgreSQL a database of its own on the suite's server, each run through
the `troth` command in its own process, as a host runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

PASSPHRASE = "a long passphrase for the tests"

SETUP = """
import json, os, sys
import django
django.setup()
from django.core.management import call_command
"""

DEMO = (
    SETUP
    + """
call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable", verbosity=0)
from troth.demo import demo_create
demo_create()
"""
)

# Both demo partners sign in with their password, then every place in the
# navigation and six promises' pages are read as text (the tags, tokens and
# nonces left out): what a person sees. Read at TROTH_RENDER_AT when given, so
# two readings a minute apart say "in 18 min" alike (timezone.now is the
# app's one clock).
RENDER = (
    SETUP
    + """
import html, re
if os.environ.get("TROTH_RENDER_AT"):
    from datetime import datetime
    from django.utils import timezone
    at = datetime.fromisoformat(os.environ["TROTH_RENDER_AT"])
    timezone.now = lambda: at
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
# The static files by their own names, not collected first (as tests/settings.py).
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
from django.test import Client
from django.urls import reverse
from troth.navigation import GROUPS, MORE
from troth.promises.models import Promise

def text(body):
    body = re.sub(r"(?s)<(script|style)[^>]*>.*?</\\1>", " ", body)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).split())

places = [reverse(p.url_name) for _, group in GROUPS for p in group]
places.append(reverse(MORE.url_name))
every = list(Promise.objects.order_by("pk").values_list("pk", flat=True))
promises = [f"/promises/{pk}/" for pk in every[:3] + every[-3:]]
seen = {}
for email in ("alex@example.com", "sam@example.com"):
    client = Client()
    signed_in = client.post("/accounts/login/", {"login": email, "password": "troth-demo"})
    seen[email + " sign-in"] = [signed_in.status_code, signed_in.get("Location", "")]
    for url in places + promises:
        response = client.get(url)
        seen[email + " " + url] = [response.status_code, text(response.content.decode())]
seen["promise texts"] = sorted(p.text for p in Promise.objects.all())
print(json.dumps(seen))
"""
)


def server_url() -> str | None:
    """The PostgreSQL server the suite runs on, if it does (its pass on
    PostgreSQL: `make test` with TEST_DATABASE_URL)."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


ENGINES = [
    pytest.param("sqlite", marks=pytest.mark.sqlite_install),
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            server_url() is None, reason="the suite is not running on PostgreSQL"
        ),
    ),
]


def _admin(url: str):
    parts = urlsplit(url)
    return psycopg.connect(
        urlunsplit(parts._replace(path="/postgres", query="")), autocommit=True
    )


@dataclass
class Site:
    """One Troth install: its data dir and, on PostgreSQL, its database."""

    data_dir: Path
    engine: str
    database_url: str = ""
    extra: dict = field(default_factory=dict)

    @classmethod
    def create(cls, root: Path, engine: str) -> Site:
        data_dir = root / f"data-{uuid.uuid4().hex[:8]}"
        if engine == "sqlite":
            return cls(data_dir, engine)
        url = server_url()
        assert url
        name = f"troth_backup_{uuid.uuid4().hex[:12]}"
        with _admin(url) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(url)
        return cls(data_dir, engine, urlunsplit(parts._replace(path=f"/{name}")))

    def drop(self) -> None:
        if self.database_url:
            name = urlsplit(self.database_url).path.lstrip("/")
            with _admin(self.database_url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def env(self, **extra) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TROTH_")}
        env.pop("DATABASE_URL", None)
        env["DJANGO_SETTINGS_MODULE"] = "troth.settings"
        env["TROTH_DATA_DIR"] = str(self.data_dir)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env.update(self.extra)
        env.update(extra)
        return env

    def troth(self, *args, **extra) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "troth.cli", *map(str, args)],
            env=self.env(**{"TROTH_BACKUP_PASSPHRASE": PASSPHRASE, **extra}),
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    def python(self, code: str, **extra) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=self.env(**extra),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def render(self, at: datetime | None = None) -> dict:
        """What the pages say, now or as at `at`."""
        extra = {"TROTH_RENDER_AT": at.isoformat()} if at else {}
        return json.loads(self.python(RENDER, **extra).strip().splitlines()[-1])
