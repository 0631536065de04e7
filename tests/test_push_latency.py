"""A status reaches the partner's device within 10 seconds of the tap, through
a real `troth serve` and its worker (not tasks run by the test), to a push
service on 127.0.0.1 that decrypts what it gets."""

from __future__ import annotations

import http.cookiejar
import json
import re
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from tests.test_cli import TROTH, env_for, free_port, run
from troth.notifications.tests.pushservice import PushService

# Troth in its own processes on its own SQLite data dir: the same whatever
# database the suite runs on.
pytestmark = pytest.mark.sqlite_install

PASSWORD = "pw-" * 5
SETUP = (
    "from troth.accounts.builders import build_user; "
    "from troth.spaces.builders import build_space; "
    f"build_space(build_user('alice@example.com', {PASSWORD!r}, display_name='Alice'), "
    f"build_user('bob@example.com', {PASSWORD!r}, display_name='Bob'))"
)
TAP = (
    "import time; "
    "from troth.accounts.models import User; "
    "from troth.checkins.models import Kind; "
    "from troth.checkins.services import status_send; "
    "alice = User.objects.get(email='alice@example.com'); "
    "status_send(space=alice.memberships.get().space, by=alice, "
    "kind=Kind.ON_MY_WAY, minutes=15); "
    "print(time.time())"
)


def browser(origin: str, email: str) -> tuple[urllib.request.OpenerDirector, str]:
    """Signed in as `email`, with the CSRF token a page's script would send."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{origin}/accounts/login/", timeout=10) as r:
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', r.read().decode()
        )
    assert token
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token[1], "login": email, "password": PASSWORD}
    ).encode()
    request = urllib.request.Request(
        f"{origin}/accounts/login/", data=form, headers={"Origin": origin}
    )
    with opener.open(request, timeout=10) as r:
        assert r.status == 200
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    return opener, csrf


def test_a_status_reaches_the_partners_device_within_ten_seconds(tmp_path):
    service = PushService()
    port = free_port()
    origin = f"http://localhost:{port}"
    extra = {"TROTH_PUSH_SERVICES": service.host, "TROTH_BASE_URL": origin}
    assert run(["manage", "migrate", "-v0"], tmp_path, timeout=300).returncode == 0
    made = run(["manage", "shell", "--no-imports", "-c", SETUP], tmp_path, **extra)
    assert made.returncode == 0, made.stderr
    server = subprocess.Popen(
        [*TROTH, "serve", "--port", str(port)],
        env=env_for(tmp_path, **extra),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{origin}/healthz", timeout=2).close()
                break
            except OSError:
                time.sleep(0.3)
        # Bob turns push on for his phone, through the real API.
        opener, csrf = browser(origin, "bob@example.com")
        request = urllib.request.Request(
            f"{origin}/notifications/push/subscriptions",
            data=json.dumps(service.subscription("phone")).encode(),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": csrf,
                "Origin": origin,
            },
        )
        with opener.open(request, timeout=10) as r:
            assert r.status == 201
        # Alice taps "On my way"; the worker in `troth serve` does the rest.
        tapped = run(["manage", "shell", "--no-imports", "-c", TAP], tmp_path, **extra)
        assert tapped.returncode == 0, tapped.stderr
        tapped_at = float(tapped.stdout.strip().splitlines()[-1])
        while not service.received and time.time() < tapped_at + 10:
            time.sleep(0.05)
        arrived_at = time.time()
        [received] = service.received
        assert arrived_at - tapped_at < 10
        assert received.path == "/push/phone"
        assert received.headers["urgency"] == "high"
        said = service.decrypt(received)
        assert "Alice" not in json.dumps(said)
        assert said["url"].endswith("/notifications/")
    finally:
        server.terminate()
        server.wait(timeout=60)
        service.close()
