"""Safety in a real browser: Alice ends a session on her other device, and
turns on two-factor and signs in with a code."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, make_space, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(p, email: str, password: str = PASSWORD, next: str = "/settings/"):
    # Straight to the settings: these tests are about the account, not about
    # what the dashboard shows today.
    page = p.go(f"/accounts/login/?next={next}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    return page


def totp_now(secret: str) -> str:
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal import auth

    counter = int(time.time()) // app_settings.TOTP_PERIOD
    return auth.format_hotp_value(auth.hotp_value(secret, counter))


def the_next_code(secret: str, used: str) -> str:
    """Each code works once: the authenticator's code once it is no longer
    `used` (waiting out the rest of the period only if it still is)."""
    from allauth.mfa import app_settings

    if totp_now(secret) == used:
        period = app_settings.TOTP_PERIOD
        time.sleep(period - time.time() % period + 0.5)
    return totp_now(secret)


def test_alice_ends_her_other_session_from_her_phone(person):
    alice_user = make_user("alice")
    make_space(alice_user, make_user("bob"))

    phone = person("alice-phone")
    laptop = person("alice-laptop")
    page = sign_in(phone, "alice@example.com")
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    phone.check("signed-in")
    other = sign_in(laptop, "alice@example.com")
    expect(other.get_by_role("heading", name="Settings")).to_be_visible()

    page = phone.go("/settings/sessions")
    expect(page.get_by_test_id("session")).to_have_count(2)
    expect(page.get_by_test_id("this-device")).to_have_count(1)
    phone.check("sessions")
    page.get_by_test_id("end-session").click()
    expect(page.get_by_text("That session has ended")).to_be_visible()
    expect(page.get_by_test_id("session")).to_have_count(1)
    expect(page.get_by_test_id("no-other-sessions")).to_be_visible()
    phone.check("session-ended")

    # The laptop is signed out on its very next request.
    other.goto(laptop.server_url + "/settings/")
    expect(other).to_have_url(f"{laptop.server_url}/accounts/login/?next=/settings/")
    expect(other.get_by_role("heading", name="Sign in")).to_be_visible()
    laptop.check("signed-out")

    # A partner's pages never offer to end her sessions.
    bob = person("bob")
    bpage = sign_in(bob, "bob@example.com")
    expect(bpage.get_by_role("heading", name="Settings")).to_be_visible()
    bpage.goto(bob.server_url + "/settings/sessions")
    expect(bpage.get_by_test_id("session")).to_have_count(1)
    bob.check("own-sessions-only")


def test_alice_turns_on_an_authenticator_app_and_signs_in_with_a_code(person):
    make_user("alice")
    alice = person("alice")
    page = sign_in(alice, "alice@example.com")
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    alice.check("settings")
    page.get_by_role("link", name="Two-factor authentication").click()
    expect(
        page.get_by_role("heading", name="Two-factor authentication")
    ).to_be_visible()
    alice.check("two-factor")
    page.get_by_role("link", name="Activate").click()

    # The password again first.
    expect(page.get_by_role("heading", name="Confirm access")).to_be_visible()
    alice.check("reauthenticate")
    page.get_by_label("Password").fill("not my password")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("alert")).to_be_visible()
    alice.check("reauthenticate-wrong")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(
        page.get_by_role("heading", name="Activate an authenticator app")
    ).to_be_visible()
    secret = page.locator("#authenticator_secret").input_value()
    assert len(secret) >= 16
    alice.check("activate")
    used = totp_now(secret)
    page.get_by_label("Authenticator code").fill(used)
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("heading", name="Recovery codes")).to_be_visible()
    alice.check("recovery-codes")

    page.goto(alice.server_url + "/more/")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()

    sign_in(alice, "alice@example.com")
    expect(
        page.get_by_role("heading", name="Two-factor authentication")
    ).to_be_visible()
    alice.check("code-asked")
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign in", exact=True).click()
    # The page's other alert region waits for passkey errors, empty.
    expect(
        page.get_by_role("alert").filter(has_text="Please check the form")
    ).to_be_visible()
    alice.check("code-wrong")
    page.get_by_label("Code").fill(the_next_code(secret, used))
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()

    page.goto(alice.server_url + "/settings/history")
    expect(page.get_by_test_id("sign-in").first).to_contain_text("Signed in")
    expect(page.get_by_text("Wrong two-factor code")).to_be_visible()
    alice.check("history")


def test_the_safety_pages_at_phone_size(person):
    alice_user = make_user("alice")
    make_space(alice_user, make_user("bob"))
    alice = person("alice")
    sign_in(alice, "alice@example.com")
    for path, label in [
        ("/safety/", "what-i-share"),
        ("/safety/reset", "reset"),
        ("/settings/export", "export"),
        ("/settings/delete", "delete"),
        ("/space/leave", "leave"),
        ("/accounts/email/", "email"),
        ("/accounts/password/change/", "password"),
    ]:
        page = alice.go(path)
        expect(page.locator("h1")).to_be_visible()
        alice.check(label)
    page = alice.go("/safety/reset")
    page.get_by_label("I understand").check()
    page.get_by_test_id("confirm-reset").click()
    # The password first (allauth's re-authentication), then the reset.
    page.wait_for_url("**/accounts/reauthenticate/**")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_test_id("reset-done")).to_be_visible()
    expect(page.get_by_test_id("only-this-device")).to_be_visible()
    alice.check("reset-next")


def test_alice_adds_a_passkey_and_signs_in_with_it_alone(person):
    """A virtual authenticator stands in for her phone's passkey store."""
    make_user("alice")
    alice = person("alice")
    page = alice.page
    cdp = alice.context.new_cdp_session(page)
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
    # WebAuthn needs a host name, not an address: use localhost.
    alice.server_url = alice.server_url.replace("127.0.0.1", "localhost")
    sign_in(alice, "alice@example.com")
    page = alice.go("/accounts/2fa/webauthn/add/")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(
        page.get_by_role("heading", name="Add a security key or passkey")
    ).to_be_visible()
    alice.check("add-passkey")
    page.get_by_label("Passwordless").check()
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("Security key added")).to_be_visible()
    alice.check("passkey-added")

    page.goto(alice.server_url + "/more/")
    page.get_by_role("button", name="Sign out").click()
    page = alice.go("/accounts/login/?next=/settings/")
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    page.goto(alice.server_url + "/settings/history")
    expect(page.get_by_test_id("sign-in").first).to_contain_text("Passkey")
    alice.check("signed-in-with-passkey")
