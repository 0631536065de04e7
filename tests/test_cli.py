"""The `troth` command, run as a newcomer would run it."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from troth.lib.keys import read_or_create_key

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
    first = run(["demo"], tmp_path, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "alex@example.com" in first.stdout
    assert "sam@example.com" in first.stdout
    assert "troth-demo" in first.stdout
    second = run(["demo"], tmp_path, timeout=300)
    assert second.returncode == 0, second.stderr
    code = (
        "from troth.accounts.models import User; from troth.spaces.models import Space; "
        "print(User.objects.count(), Space.objects.count())"
    )
    counts = run(["manage", "shell", "--no-imports", "-c", code], tmp_path)
    assert counts.stdout.split() == ["2", "1"]


def test_serve_answers_and_stops_cleanly_on_ctrl_c(tmp_path):
    port = free_port()
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
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert r.status == 200
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert f"http://127.0.0.1:{port}/" in output
    assert "Ctrl-C" in output
    assert "Stopped." in output


def test_worker_runs_and_stops_cleanly(tmp_path):
    process = subprocess.Popen(
        [*TROTH, "worker", "--migrate"],
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
        process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
