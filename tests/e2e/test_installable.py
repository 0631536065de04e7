"""Troth installed, in Chromium (issue 13): the manifest is one a browser
will install from, the service worker runs for the whole site, offline a
page shows the neutral offline page, Cache Storage never holds a signed-in
page, and signing out or the quick exit leaves nothing behind."""

from __future__ import annotations

import json
import struct

import pytest
from django.urls import reverse
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
    expect(page).to_have_url("https://www.wikipedia.org/")
    # The offline page names no worker, so it registers none again.
    page = alice.go("/offline")
    assert page.evaluate(CACHED) == []
    assert page.evaluate(WORKERS) == 0
    alice.go("/")
    expect(page.get_by_test_id("nav-inbox")).to_be_visible()


# The Badging API, watched: what the page last asked the app icon to show.
BADGE_SPY = """
window.__appBadge = "untouched";
navigator.setAppBadge = n => { window.__appBadge = n; return Promise.resolve(); };
navigator.clearAppBadge = () => { window.__appBadge = 0; return Promise.resolve(); };
"""


def test_the_updates_badge_follows_without_a_reload(alice):
    from django.utils import timezone

    from troth.notifications.models import Notification
    from troth.notifications.services import notify

    alice.page.add_init_script(BADGE_SPY)
    page = alice.go("/")
    inbox = page.get_by_test_id("nav-inbox")
    expect(inbox.locator(".badge")).to_have_count(0)
    notify(user=alice.user, kind="space.joined", key="e2e-1")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(inbox.locator(".badge")).to_have_text("1")
    expect(inbox).to_have_attribute("aria-label", "Updates, 1 unread")
    assert page.evaluate("window.__appBadge") == 1

    Notification.objects.filter(user=alice.user).update(read_at=timezone.now())
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(inbox.locator(".badge")).to_have_count(0)
    expect(inbox).not_to_have_attribute("aria-label", "Updates, 1 unread")
    assert page.evaluate("window.__appBadge") == 0


@pytest.mark.parametrize(
    ("permission", "shown"), [("granted", True), ("denied", False)]
)
def test_the_push_button_shows_only_where_push_can_be_turned_on(
    alice, permission, shown
):
    path = reverse("notifications:push")
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


# What this browser already holds: nothing, or a subscription made for
# another server key (the host replaced Troth's), which must be replaced.
HELD = {
    "nothing": "null",
    "another key": (
        "{options: {applicationServerKey: new Uint8Array(65).fill(7).buffer},"
        " unsubscribe: () => { window.__unsubscribed = true;"
        " return Promise.resolve(true); }}"
    ),
}


@pytest.mark.parametrize("held", HELD)
def test_turning_push_on_hands_the_subscription_to_troth(alice, settings, held):
    """The button's whole path against Troth's real subscription API, with
    the CSRF token and the JSON a browser sends. Only the browser's push
    service is stood in for: Chromium would reach Google's to subscribe."""
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from troth.notifications.models import PushSubscription

    settings.TROTH_PUSH_SERVICES = ["127.0.0.1:9"]
    public = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    )

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    subscription = {
        "endpoint": "http://127.0.0.1:9/push/e2e-device",
        "expirationTime": None,
        "keys": {"p256dh": b64(public), "auth": b64(b"0123456789abcdef")},
    }
    alice.context.grant_permissions(["notifications"], origin=alice.server_url)
    alice.page.add_init_script(
        f"PushManager.prototype.getSubscription = () => Promise.resolve({HELD[held]});"
        "PushManager.prototype.subscribe = function (options) {"
        "  window.__subscribedWith = options;"
        f"  const json = {json.dumps(subscription)};"
        "  return Promise.resolve({toJSON: () => json});"
        "};"
    )
    page = alice.go(reverse("notifications:push"))
    page.get_by_test_id("push-enable").click()
    expect(page.locator("[data-push-status]")).to_have_attribute("aria-live", "polite")
    expect(page.get_by_test_id("push-this-device")).to_be_visible()
    page.wait_for_function("window.__subscribedWith !== undefined")
    options = page.evaluate(
        "({visible: window.__subscribedWith.userVisibleOnly,"
        " key: window.__subscribedWith.applicationServerKey.length})"
    )
    assert options == {"visible": True, "key": 65}
    # Read before the page reloads (it does once Troth has the subscription).
    assert page.evaluate("!!window.__unsubscribed") == (held == "another key")
    expect(page.locator("[data-push-status]")).to_have_text(
        "Push is on for this device."
    )
    saved = None
    for _attempt in range(50):
        saved = PushSubscription.objects.filter(user=alice.user).first()
        if saved:
            break
        page.wait_for_timeout(100)
    assert saved and saved.endpoint == subscription["endpoint"]


# Inside the worker: what it asks the browser to show, as plain data (a
# headless Chromium may close a shown notification at once).
WATCH_SHOWN = """() => {
  if (!self.__shown) {
    self.__shown = [];
    const show = self.registration.showNotification.bind(self.registration);
    self.registration.showNotification = (title, options) => {
      self.__shown.push({title, body: options.body, tag: options.tag,
        url: options.data.url, icon: new URL(options.icon, self.location.href).pathname});
      return show(title, options);
    };
  }
  self.__shown.length = 0;
}"""


def deliver_push(someone: Person, payload: dict | str) -> dict:
    """Hand the worker a push message as the browser's push service would
    (Chromium's DevTools protocol); return the one notification it shows."""
    page = someone.page
    worker = next(
        w for w in someone.context.service_workers if w.url.endswith("/sw.js")
    )
    worker.evaluate(WATCH_SHOWN)
    cdp = someone.context.new_cdp_session(page)
    registrations: list[dict] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(event["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    page.wait_for_timeout(200)
    scope = someone.server_url + "/"
    found = [r for r in registrations if r["scopeURL"] == scope and not r["isDeleted"]]
    assert found, registrations
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": someone.server_url,
            "registrationId": found[0]["registrationId"],
            "data": payload if isinstance(payload, str) else json.dumps(payload),
        },
    )
    for _attempt in range(50):
        shown = worker.evaluate("() => self.__shown")
        if shown:
            break
        page.wait_for_timeout(100)
    assert len(shown) == 1, shown
    return shown[0]


def test_a_push_shows_one_neutral_notification_that_opens_only_troth(alice):
    alice.context.grant_permissions(["notifications"], origin=alice.server_url)
    alice.go("/")
    worker_ready(alice)
    shown = deliver_push(
        alice,
        {
            "title": "Troth",
            "body": "You have an update in Troth",
            "url": "https://elsewhere.example/phish",
        },
    )
    assert shown["title"] == "Troth"
    assert shown["body"] == "You have an update in Troth"
    assert shown["tag"] == "troth-update"
    assert shown["icon"].startswith("/static/troth/app/icon-")
    # Another site's address opens the updates instead.
    assert shown["url"] == alice.server_url + "/notifications/"

    shown = deliver_push(alice, {"title": "Troth", "body": "…", "url": "/promises/"})
    assert (shown["url"], shown["tag"]) == (
        alice.server_url + "/promises/",
        "troth-update",
    )

    # A message that isn't what Troth sends still says only the neutral line.
    shown = deliver_push(alice, "not json")
    assert (shown["title"], shown["body"], shown["url"]) == (
        "Troth",
        "You have an update in Troth",
        alice.server_url + "/notifications/",
    )
