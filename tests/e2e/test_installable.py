"""Troth installed, in Chromium (issue 13): the manifest is one a browser
will install from, the service worker runs for the whole site, offline a
page shows the neutral offline page, Cache Storage never holds a signed-in
page, and signing out or the quick exit leaves nothing behind."""

from __future__ import annotations

import struct

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Person

pytestmark = pytest.mark.django_db(transaction=True)

# Every cache's every entry, as paths.
CACHED = """async () => {
  const found = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) found.push(new URL(request.url).pathname);
  }
  return found;
}"""
WORKERS = "async () => (await navigator.serviceWorker.getRegistrations()).length"
# The worker's scope, once it is active: it precached what it keeps.
READY = "async () => (await navigator.serviceWorker.ready).scope"
CONTROLLED = "!!navigator.serviceWorker.controller"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def alice(person) -> Person:
    from conftest import PASSWORD, make_space, make_user

    user, partner = make_user("alice"), make_user("bob")
    make_space(user, partner)
    alice = person("alice")
    alice.user = user
    page = alice.go("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("nav-inbox")).to_be_visible()
    return alice


def worker_ready(someone: Person) -> str:
    """The worker's scope, once it is active and in charge of the page. A
    page that was loading while the worker took over stays outside it (as
    in any browser); the next load is the worker's."""
    scope = someone.page.evaluate(READY)
    if not someone.page.evaluate(CONTROLLED):
        someone.page.reload()
    assert someone.page.evaluate(CONTROLLED)
    return scope


def test_the_manifest_is_one_chromium_installs_from(alice):
    page = alice.go("/")
    worker_ready(alice)
    cdp = alice.context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest")
    assert not manifest["errors"], manifest["errors"]
    # Chromium's own verdict. A Playwright context is an incognito profile,
    # where Chromium never installs; that is the browser, not Troth.
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert {e["errorId"] for e in errors} <= {"in-incognito"}, errors

    import json

    data = json.loads(manifest["data"])
    base = alice.server_url
    start = base + data["start_url"]
    assert start.startswith(base + data["scope"])
    for icon in data["icons"]:
        response = page.request.get(base + icon["src"])
        assert response.ok and response.headers["content-type"] == "image/png"
        width, height = (int(n) for n in icon["sizes"].split("x"))
        assert png_size(response.body()) == (width, height), icon


def test_the_worker_serves_the_whole_site_and_keeps_no_signed_in_page(alice):
    page = alice.go("/")
    assert worker_ready(alice) == alice.server_url + "/"
    for path in ("/promises/", "/calendar/", "/settings/", "/notifications/", "/"):
        alice.go(path)
        expect(page.get_by_role("main")).to_be_visible()
    page.get_by_test_id("nav-inbox").click()
    expect(page.get_by_role("main")).to_be_visible()

    # The site's own policy lets the worker run (worker-src falls back to
    # script-src 'self').
    assert not [e for e in alice.console_errors if "Content Security Policy" in e]
    cached = page.evaluate(CACHED)
    assert "/offline" in cached
    assert all(p.startswith("/static/") or p == "/offline" for p in cached), cached

    alice.context.set_offline(True)
    try:
        page.reload()
        expect(page.get_by_test_id("offline")).to_be_visible()
        expect(page.get_by_role("heading", name="No connection")).to_be_visible()
        text = page.locator("body").inner_text()
        assert "Alice" not in text and "Bob" not in text
        alice.go("/promises/")
        expect(page.get_by_test_id("offline")).to_be_visible()
    finally:
        alice.context.set_offline(False)


def test_the_offline_page_and_the_install_page_read_well(alice):
    page = alice.go("/offline")
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    alice.check("offline")
    page = alice.go("/settings/")
    page.get_by_test_id("install-link").click()
    expect(page.get_by_role("heading", name="Install the app")).to_be_visible()
    alice.check("install")


def test_signing_out_empties_cache_storage(alice):
    page = alice.go("/")
    worker_ready(alice)
    assert page.evaluate(CACHED)
    alice.go("/more/")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    # Signed out, no page names the worker again: nothing comes back.
    assert page.evaluate(CACHED) == []
    assert page.evaluate(WORKERS) == 0


def test_the_quick_exit_empties_cache_storage_and_keeps_the_sign_in(alice):
    page = alice.go("/")
    worker_ready(alice)
    assert page.evaluate(CACHED)
    page.get_by_test_id("quick-exit").click()
    page.wait_for_url("https://www.wikipedia.org/")
    # The offline page names no worker, so it registers none again.
    page = alice.go("/offline")
    assert page.evaluate(CACHED) == []
    assert page.evaluate(WORKERS) == 0
    alice.go("/")
    expect(page.get_by_test_id("nav-inbox")).to_be_visible()


def test_the_updates_badge_follows_without_a_reload(alice):
    from django.urls import NoReverseMatch, reverse

    from troth.notifications.services import notify

    try:
        reverse("notifications:unread")
    except NoReverseMatch:
        pytest.skip(
            "GET /notifications/unread (the push work in notifications) isn't here yet"
        )

    page = alice.go("/")
    inbox = page.get_by_test_id("nav-inbox")
    expect(inbox.locator(".badge")).to_have_count(0)
    notify(user=alice.user, kind="space.joined", key="e2e-1")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(inbox.locator(".badge")).to_have_text("1")
    expect(inbox).to_have_attribute("aria-label", "Updates, 1 unread")


@pytest.mark.parametrize(
    ("permission", "shown"), [("granted", True), ("denied", False)]
)
def test_the_push_button_shows_only_where_push_can_be_turned_on(
    alice, permission, shown
):
    from django.urls import NoReverseMatch, reverse

    try:
        path = reverse("notifications:push")
    except NoReverseMatch:
        pytest.skip("the push settings page (notifications) isn't here yet")
    if permission == "granted":
        alice.context.grant_permissions(["notifications"], origin=alice.server_url)
    else:
        # Chromium's "blocked" for a site, as this page's script reads it.
        alice.page.add_init_script(
            "Object.defineProperty(Notification, 'permission', {get: () => 'denied'})"
        )
    page = alice.go(path)
    button = page.locator("[data-push-enable]")
    if shown:
        expect(button).to_be_visible()
    else:
        expect(button).to_be_hidden()
