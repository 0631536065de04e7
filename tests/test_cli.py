"""The `troth` command, run as a newcomer would run it."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from troth.cli import listen_url
from troth.lib.keys import read_or_create_key

# Troth in its own processes on its own SQLite data dir: the same whatever
# database the suite runs on.
pytestmark = pytest.mark.sqlite_install

TROTH = [sys.executable, "-m", "troth.cli"]


def env_for(data_dir: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TROTH_")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["TROTH_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def run(args, data_dir, timeout=120, **extra):
    return subprocess.run(
        [*TROTH, *args],
        env=env_for(data_dir, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "serve"),
        (["--help"], "demo"),
        (["serve", "--help"], "task worker"),
        (["worker", "--help"], "without the web server"),
        (["demo", "--help"], "alex@example.com"),
        (["manage", "help"], "migrate"),
        (["backup", "--help"], "TROTH_BACKUP_PASSPHRASE"),
        (["restore", "--help"], "--force"),
    ],
)
def test_each_command_explains_itself(tmp_path, args, expected):
    result = run(args, tmp_path)
    assert expected in result.stdout + result.stderr
    # Bare `troth` prints the help and exits 2, as argparse does for usage errors.
    assert result.returncode == (2 if not args else 0)


def test_the_secret_key_is_generated_once_with_mode_0600(tmp_path):
    path = tmp_path / "secret_key"
    first = read_or_create_key(path)
    assert len(first) >= 50
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_or_create_key(path) == first


def test_a_fresh_data_dir_gets_its_keys_and_a_wal_database(tmp_path):
    code = (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    result = run(["manage", "shell", "--no-imports", "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"
    for name in ("secret_key", "encryption_key"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    secret = (tmp_path / "secret_key").read_text()
    run(["manage", "shell", "--no-imports", "-c", "pass"], tmp_path)
    assert (tmp_path / "secret_key").read_text() == secret  # reused, not replaced


def test_demo_creates_both_partners_and_resets_on_a_second_run(tmp_path):
    first = run(["demo", "--port", "8123"], tmp_path, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "Sign in at http://localhost:8123/" in first.stdout
    assert "alex@example.com" in first.stdout
    assert "sam@example.com" in first.stdout
    assert "troth-demo" in first.stdout
    second = run(
        ["demo"], tmp_path, timeout=300, TROTH_BASE_URL="https://troth.example/"
    )
    assert second.returncode == 0, second.stderr
    assert "Sign in at https://troth.example/ " in second.stdout
    code = (
        "from troth.accounts.models import User; from troth.spaces.models import Space; "
        "print(User.objects.count(), Space.objects.count())"
    )
    counts = run(["manage", "shell", "--no-imports", "-c", code], tmp_path)
    assert counts.stdout.split() == ["2", "1"]


def _sign_in(host: str, port: int, email: str) -> int:
    """Sign in through the running server as a browser on `host` would,
    with the Origin header browsers send: the CSRF check must accept it."""
    origin = f"http://{host}:{port}"
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(f"{origin}/accounts/login/", timeout=10) as r:
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', r.read().decode()
        )
    assert token, "the sign-in page has a CSRF token"
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token[1], "login": email, "password": "pw-" * 5}
    ).encode()
    request = urllib.request.Request(
        f"{origin}/accounts/login/", data=form, headers={"Origin": origin}
    )
    with opener.open(request, timeout=10) as r:
        return r.status


def test_serve_answers_and_stops_cleanly_on_ctrl_c(tmp_path):
    port = free_port()
    # Someone to sign in as: the new-device email carries a link to Troth.
    assert run(["manage", "migrate", "-v0"], tmp_path, timeout=300).returncode == 0
    made = run(
        [
            "manage",
            "shell",
            "--no-imports",
            "-c",
            "from troth.accounts.models import User; "
            "User.objects.create_user('alice@example.com', 'pw-' * 5)",
        ],
        tmp_path,
    )
    assert made.returncode == 0, made.stderr
    process = subprocess.Popen(
        [*TROTH, "serve", "--port", str(port)],
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        body = None
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/healthz", timeout=2
                ) as r:
                    body = r.read().decode()
                    break
            except OSError:
                time.sleep(0.3)
        assert body == '{"status": "ok"}'
        # Static files by hashed names, compressed, cached for a year.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            page = r.read().decode()
        css = re.search(r'href="(/static/troth/troth\.[0-9a-f]{12}\.css)"', page)
        assert css, "the stylesheet has a hashed name"
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{css[1]}", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request, timeout=5) as r:
            assert r.headers["Content-Encoding"] == "gzip"
            assert "immutable" in r.headers["Cache-Control"]
            assert "max-age=315360000" in r.headers["Cache-Control"]
        # Collected like everything else in the data dir: private.
        collected = [p for p in (tmp_path / "static").rglob("*") if p.is_file()]
        assert collected
        assert {stat.S_IMODE(p.stat().st_mode) for p in collected} == {0o600}
        # The printed address and the bare IP both answer.
        for host in ("localhost", "127.0.0.1"):
            with urllib.request.urlopen(f"http://{host}:{port}/", timeout=5) as r:
                assert r.status == 200
            assert _sign_in(host, port, "alice@example.com") == 200
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    # The URL to open names localhost (passkeys refuse a bare IP) and the
    # port actually served, and so do the links in emails.
    assert f"Troth is running at http://localhost:{port}/" in output
    assert f"http://localhost:{port}/settings/sessions" in output
    assert ":8000" not in output
    assert "Ctrl-C" in output
    assert "Stopped." in output


# A command run as a script's background job (`troth serve &`) is: it
# starts with Ctrl-C ignored.
CTRL_C_IGNORED = ["sh", "-c", 'trap "" INT; exec "$@"', "sh"]


def test_serve_prints_where_links_point_when_the_base_url_is_set(tmp_path):
    """And Ctrl-C stops it, even started where Ctrl-C was ignored."""
    port = free_port()
    process = subprocess.Popen(
        [*CTRL_C_IGNORED, *TROTH, "serve", "--no-worker", "--port", str(port)],
        env=env_for(tmp_path, TROTH_BASE_URL="http://troth.example"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any("Ctrl-C" in x for x in lines):
            lines.append(process.stdout.readline())
        process.send_signal(signal.SIGINT)
        output = "".join(lines) + process.communicate(timeout=60)[0]
    finally:
        if process.poll() is None:
            process.kill()
    assert f"Troth is running at http://localhost:{port}/" in output
    assert "Links in emails use http://troth.example/" in output
    assert "Stopped." in output


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", "http://localhost:8123"),
        ("0.0.0.0", "http://localhost:8123"),
        ("::1", "http://localhost:8123"),
        ("localhost", "http://localhost:8123"),
        ("troth.lan", "http://troth.lan:8123"),
        ("192.168.1.20", "http://192.168.1.20:8123"),
        ("fd00::20", "http://[fd00::20]:8123"),
    ],
)
def test_the_address_to_open_names_the_host_and_port(host, expected):
    assert listen_url(host, 8123) == expected


def test_worker_runs_and_stops_cleanly(tmp_path):
    """Ctrl-C stops it, even started where Ctrl-C was ignored."""
    process = subprocess.Popen(
        [*CTRL_C_IGNORED, *TROTH, "worker", "--migrate"],
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        line = ""
        while time.monotonic() < deadline and "worker running" not in line:
            line = process.stdout.readline()
        assert "worker running" in line
        process.send_signal(signal.SIGINT)
        # It finishes the clock's tick in hand first (every job's catch-up
        # right after starting): on a busy machine that can take a while.
        rest, _ = process.communicate(timeout=180)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, rest
