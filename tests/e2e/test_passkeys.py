"""Where a browser refuses passkeys, the page says so and why, instead of
failing with only a console error."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, make_user
from tests.e2e.conftest import CHROMIUM_ARGS, PHONE, Person, find_chromium

pytestmark = pytest.mark.django_db(transaction=True)


def add_virtual_authenticator(context, page) -> None:
    """A passkey store that says yes at once, so a refusal can only come
    from the address."""
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def open_add_passkey(page, base: str) -> None:
    page.goto(base + "/accounts/login/?next=/accounts/2fa/webauthn/add/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(
        page.get_by_role("heading", name="Add a security key or passkey")
    ).to_be_visible()


@pytest.fixture
def alice_at_ip(browser, live_server, request):
    """Alice opening Troth the way `troth serve` once suggested: by IP."""
    make_user("alice")
    server = live_server.url.replace("localhost", "127.0.0.1")
    assert urlsplit(server).hostname == "127.0.0.1"
    alice = Person(browser, server, "alice", request)
    yield alice
    alice.close()


def test_alice_is_told_why_a_passkey_cannot_be_added_at_an_ip_address(alice_at_ip):
    alice = alice_at_ip
    add_virtual_authenticator(alice.context, alice.page)

    page = alice.go("/accounts/login/")
    expect(page.get_by_test_id("passkey-unavailable")).to_contain_text(
        "Passkeys can’t be used at this address."
    )
    alice.check("sign-in-at-ip")

    open_add_passkey(page, alice.server_url)
    notice = page.get_by_test_id("passkey-unavailable")
    expect(notice).to_contain_text("never at an IP address such as 127.0.0.1")
    localhost = alice.server_url.replace("127.0.0.1", "localhost")
    expect(notice.get_by_role("link", name=localhost)).to_have_attribute(
        "href", localhost + "/accounts/2fa/webauthn/add/"
    )

    # Trying anyway: the browser's refusal is read out, not only logged.
    page.get_by_role("button", name="Add").click()
    problem = page.get_by_role("alert").get_by_test_id("passkey-problem")
    expect(problem).to_contain_text("Your browser refused to use a passkey")
    expect(problem).to_contain_text(f"or at {localhost} on the computer")
    assert not alice.console_errors, alice.console_errors
    alice.check("add-refused-at-ip")

    from allauth.mfa.models import Authenticator

    assert not Authenticator.objects.exists()


def test_a_page_over_plain_http_at_a_domain_says_passkeys_need_https(
    browser, live_server, settings
):
    """Only the browser knows it is not a secure context (a TLS proxy may
    hide https from the server), so troth.js says it."""
    make_user("alice")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "troth.test"]
    port = urlsplit(live_server.url).port
    # A domain name over plain http: a name only this browser resolves.
    chromium = browser.browser_type.launch(
        executable_path=find_chromium(),
        headless=True,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP troth.test 127.0.0.1"],
    )
    try:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        base = f"http://troth.test:{port}"
        page.goto(base + "/accounts/login/")
        assert page.evaluate("window.isSecureContext") is False
        expect(page.get_by_test_id("passkey-unavailable")).to_have_count(0)
        problem = page.get_by_role("alert").get_by_test_id("passkey-problem")
        expect(problem).to_contain_text(
            "this page did not come over a secure connection"
        )
        expect(problem).to_contain_text(f"or at http://localhost:{port} on")

        # Pressing the button anyway keeps the same explanation.
        page.get_by_role("button", name="Sign in with a passkey").click()
        expect(problem).to_contain_text("did not come over a secure connection")
        assert not [e for e in errors if "credentials" in e], errors
    finally:
        chromium.close()
