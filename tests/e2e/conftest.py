"""Browser tests: Playwright for Python driving the system Chromium.

They run when a Chromium is found (TROTH_CHROMIUM, or `chromium` /
`chromium-browser` on the PATH) and are skipped otherwise, with one line in
the report header saying why. Each page visited is checked with axe-core at
phone and desktop sizes, light and dark (serious and critical violations fail the test, and
so do content outside landmarks, malformed landmarks and repeated ids), every
request must stay on the test server, and phone-sized screenshots land in
test-artifacts/.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

from conftest import DATABASE_TURN, after_the_sqlite_pass


class SerialWSGIServer(WSGIServer):
    """The live server, one request at a time.

    Django's live server is threaded, but on SQLite every thread shares the
    test's one in-memory connection: two requests at once (a page polling
    for a partner's status while the other partner submits a form)
    interleave their transactions and fail. Serving requests in turn is
    what a browser test needs, and the server closes each connection after
    its response, so no browser waits on a kept-alive socket.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        # In turn with the test's own background tasks, too (run_tasks).
        with DATABASE_TURN:
            super().process_request(request, client_address)


LiveServerThread.server_class = SerialWSGIServer

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(os.environ.get("TROTH_TEST_ARTIFACTS", "test-artifacts"))
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
# Beyond serious and critical violations, these hold on every page too,
# whatever axe's impact for them: all content inside landmarks (`region`),
# landmarks well formed and unique, no id used twice (a repeated id names
# the wrong thing). axe leaves the duplicate-id rules off by default, and
# reports a repeated id that ARIA refers to as "needs review".
STRUCTURE = re.compile(r"^(region|landmark-.+|duplicate-id(-.+)?)$")
AXE_OPTIONS = {
    "resultTypes": ["violations", "incomplete"],
    "rules": {
        "duplicate-id": {"enabled": True},
        "duplicate-id-active": {"enabled": True},
    },
}
# Dark mode changes colours only (troth-dark.css sets colour tokens and
# nothing else; tests/test_static.py holds it to that), so in dark a page is
# checked again by the rules that read colours.
AXE_COLOUR_OPTIONS = {
    **AXE_OPTIONS,
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def find_chromium() -> str | None:
    configured = os.environ.get("TROTH_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def skip_reason() -> str | None:
    if os.environ.get("TROTH_E2E", "1") == "0":
        return "TROTH_E2E=0"
    if find_chromium() is None:
        return "no Chromium found (install `chromium` or set TROTH_CHROMIUM)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed"
    return None


def pytest_report_header(config):
    reason = skip_reason()
    if reason:
        return f"browser tests: skipped, {reason}"
    return f"browser tests: Chromium at {find_chromium()}"


def pytest_collection_modifyitems(config, items):
    reason = skip_reason()
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class Person:
    """One person at their own phone: a browser context of their own."""

    def __init__(self, browser, server_url: str, name: str, request):
        self.name = name
        self.server_url = server_url
        self.context = browser.new_context(
            viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True
        )
        self.context.grant_permissions(
            ["clipboard-read", "clipboard-write"], origin=server_url
        )
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.test_name = re.sub(r"[^\w.-]+", "_", request.node.name)
        self.shots = 0
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        own = urlsplit(server_url).netloc

        def on_request(req):
            parts = urlsplit(req.url)
            if parts.scheme in ("http", "https") and parts.netloc != own:
                self.foreign_requests.append(req.url)

        def on_console(msg):
            if msg.type == "error":
                self.console_errors.append(msg.text)

        self.page.on("request", on_request)
        self.page.on("console", on_console)
        # The quick exit leaves for a real site; in tests it must not.
        self.page.route(
            re.compile(r"^https?://(?!127\.0\.0\.1|localhost).*"),
            lambda route: route.fulfill(
                status=200, body="neutral", content_type="text/plain"
            ),
        )

    def go(self, path: str):
        self.page.goto(self.server_url + path)
        return self.page

    def axe_problems(self, size: str, options: dict = AXE_OPTIONS) -> list[str]:
        """What axe finds on the page. None in the PostgreSQL pass after the
        SQLite one: axe reads the page's HTML and CSS, which the database
        does not change, and it ran there."""
        if after_the_sqlite_pass():
            return []
        from axe_playwright_python.base import AXE_SCRIPT

        # axe-core is put into the page once per document: the four runs of a
        # check (two sizes, two schemes) share it.
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_SCRIPT)
        response = self.page.evaluate("options => axe.run(document, options)", options)
        found = [
            v
            for v in response["violations"]
            if v.get("impact") in ("serious", "critical") or STRUCTURE.match(v["id"])
        ]
        found += [v for v in response["incomplete"] if v["id"] == "duplicate-id-aria"]
        return [
            f"{size}: {v['id']} ({v['impact']}): {v['help']} at "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in found
        ]

    def check(self, label: str) -> None:
        """Accessibility check at phone and desktop sizes, in light and dark
        mode, and phone-sized screenshots of the page as it is in each; and
        that the page asked nothing of another host and broke no policy.

        The PostgreSQL pass after the SQLite one walks the same journeys but
        leaves out axe and the screenshots: they read the page's HTML and
        CSS, which the database does not change, and are more than half of
        a journey's time."""
        if not after_the_sqlite_pass():
            self.look(label)
        assert not self.foreign_requests, (
            f"requests to other hosts: {self.foreign_requests}"
        )
        csp = [e for e in self.console_errors if "Content Security Policy" in e]
        assert not csp, f"CSP violations: {csp}"

    def look(self, label: str) -> None:
        phone = self.page.viewport_size
        problems: list[str] = []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.shots += 1
        try:
            for scheme, options in (
                ("light", AXE_OPTIONS),
                ("dark", AXE_COLOUR_OPTIONS),
            ):
                self.page.emulate_media(color_scheme=scheme)
                problems += self.axe_problems(f"phone, {scheme}", options)
                self.page.screenshot(
                    path=str(
                        ARTIFACTS
                        / f"{self.test_name}-{self.shots:02d}-{self.name}-{label}"
                        f"{'-dark' if scheme == 'dark' else ''}.png"
                    ),
                    full_page=True,
                )
                self.page.set_viewport_size(DESKTOP)
                try:
                    problems += self.axe_problems(f"desktop, {scheme}", options)
                finally:
                    self.page.set_viewport_size(phone)
        finally:
            self.page.emulate_media(color_scheme="light")
        assert not problems, "\n".join(problems)

    def close(self):
        self.context.close()


@pytest.fixture
def person(browser, live_server, request):
    made = []

    def make(name: str) -> Person:
        p = Person(browser, live_server.url, name, request)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()
