"""Signing in: the history the owner sees, alerts to the owner, throttling a
partner can't turn against the other, and two-factor that a password reset
never skips."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.utils import timezone

from conftest import PASSWORD, client_for, run_tasks
from troth.accounts.models import SignIn
from troth.accounts.tasks import prune_sign_ins
from troth.accounts.tests.helpers import (
    LAPTOP,
    PHONE,
    browser,
    enable_totp,
    sign_in,
    signed_in,
    totp_code,
    verified_email,
)

pytestmark = pytest.mark.django_db

PARTNERS_PHONE = "203.0.113.50"
ALICES_LAPTOP = "198.51.100.7"


class TestHistory:
    def test_it_records_a_successful_sign_in_with_browser_and_address(self, alice):
        signed_in(alice, ip=ALICES_LAPTOP, ua=LAPTOP)
        attempt = SignIn.objects.get(user=alice)
        assert attempt.outcome == SignIn.Outcome.SIGNED_IN
        assert attempt.method == "password"
        assert attempt.ip == ALICES_LAPTOP
        assert "Firefox" in attempt.user_agent
        assert attempt.device  # a fingerprint of the device cookie, never the cookie

    def test_it_records_a_wrong_password_on_the_account_it_was_tried_on(self, alice):
        response = sign_in(browser(PARTNERS_PHONE), alice, password="not her password")
        assert response.status_code == 200
        attempt = SignIn.objects.get(user=alice)
        assert attempt.outcome == SignIn.Outcome.WRONG_PASSWORD
        assert attempt.ip == PARTNERS_PHONE

    def test_it_keeps_nothing_for_an_address_that_has_no_account(self, alice):
        client = browser()
        client.post(
            "/accounts/login/", {"login": "nobody@example.com", "password": "x" * 12}
        )
        assert not SignIn.objects.exists()

    def test_the_history_page_shows_the_owner_their_own_attempts_only(
        self, alice, bob, space
    ):
        sign_in(browser(PARTNERS_PHONE), alice, password="a wrong guess!")
        signed_in(bob, ip="192.0.2.99")
        page = client_for(alice).get("/settings/history")
        assert page.status_code == 200
        assert b"Wrong password" in page.content
        assert PARTNERS_PHONE.encode() in page.content
        assert b"192.0.2.99" not in page.content
        bobs = client_for(bob).get("/settings/history")
        assert PARTNERS_PHONE.encode() not in bobs.content
        assert b"192.0.2.99" in bobs.content

    def test_the_history_page_takes_the_same_queries_for_1_or_150_attempts(self, alice):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client = client_for(alice)
        SignIn.objects.create(user=alice, outcome=SignIn.Outcome.WRONG_PASSWORD)
        client.get("/settings/history")
        with CaptureQueriesContext(connection) as one:
            client.get("/settings/history")
        SignIn.objects.bulk_create(
            SignIn(user=alice, outcome=SignIn.Outcome.WRONG_PASSWORD)
            for _ in range(149)
        )
        with CaptureQueriesContext(connection) as many:
            page = client.get("/settings/history")
        assert page.content.decode().count('data-testid="sign-in"') == 150
        assert len(many) == len(one)

    def test_the_history_page_needs_a_signed_in_person(self, alice):
        response = browser().get("/settings/history")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_attempts_older_than_90_days_are_forgotten(self, alice):
        old = SignIn.objects.create(
            user=alice,
            outcome=SignIn.Outcome.SIGNED_IN,
            at=timezone.now() - timedelta(days=91),
        )
        recent = SignIn.objects.create(
            user=alice,
            outcome=SignIn.Outcome.SIGNED_IN,
            at=timezone.now() - timedelta(days=89),
        )
        prune_sign_ins.enqueue()
        run_tasks()
        assert list(SignIn.objects.all()) == [recent]
        assert not SignIn.objects.filter(pk=old.pk).exists()


class TestThrottling:
    def test_a_partner_failing_from_their_phone_never_locks_the_owner_out(
        self, alice, bob, space
    ):
        partner = browser(PARTNERS_PHONE)
        for _ in range(5):
            assert sign_in(partner, alice, password="guessing").status_code == 200
        paused = sign_in(partner, alice, password=PASSWORD)
        # Even the right password is refused from that address for now...
        assert b"Too many attempts from here" in paused.content
        assert "_auth_user_id" not in partner.session
        assert SignIn.objects.filter(
            user=alice, outcome=SignIn.Outcome.PAUSED, ip=PARTNERS_PHONE
        ).exists()
        # ...while Alice, anywhere else, signs in as usual.
        signed_in(alice, ip=ALICES_LAPTOP)

    def test_failures_for_one_account_do_not_pause_another_from_that_address(
        self, alice, bob, space
    ):
        shared_wifi = browser("192.0.2.10")
        for _ in range(5):
            sign_in(shared_wifi, alice, password="guessing")
        signed_in(bob, ip="192.0.2.10")

    def test_two_factor_failures_pause_only_that_address(self, alice):
        secret = enable_totp(alice)
        partner = browser(PARTNERS_PHONE)
        # The partner knows the password, but not the code.
        assert sign_in(partner, alice).status_code == 302
        for _ in range(5):
            response = partner.post("/accounts/2fa/authenticate/", {"code": "000000"})
            assert response.status_code == 200
        paused = partner.post(
            "/accounts/2fa/authenticate/", {"code": totp_code(secret)}
        )
        assert "_auth_user_id" not in partner.session
        assert paused.status_code == 200
        assert SignIn.objects.filter(
            user=alice, outcome=SignIn.Outcome.WRONG_CODE
        ).exists()

        own = browser(ALICES_LAPTOP, LAPTOP)
        assert sign_in(own, alice).status_code == 302
        done = own.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
        assert done.status_code == 302
        assert own.session["_auth_user_id"] == str(alice.pk)

    def test_the_rate_key_includes_the_address(self, rf):
        from allauth.core.internal import ratelimit

        assert getattr(ratelimit.get_cache_key, "troth_per_address", False)
        rate = ratelimit.Rate(5, 300, "key")
        one = rf.post("/", REMOTE_ADDR="192.0.2.1")
        other = rf.post("/", REMOTE_ADDR="192.0.2.2")
        keys = {
            ratelimit.get_cache_key(
                r, app="allauth.account", action="login_failed", rate=rate, key="a@x"
            )
            for r in (one, other)
        }
        assert len(keys) == 2
        # Other actions keep allauth's meaning.
        keys = {
            ratelimit.get_cache_key(
                r, app="allauth.account", action="reset_password", rate=rate, key="a"
            )
            for r in (one, other)
        }
        assert len(keys) == 1


class TestAlerts:
    def test_a_sign_in_from_a_new_device_emails_the_owner_only(self, alice, bob, space):
        verified_email(alice)
        signed_in(alice, ip=PARTNERS_PHONE, ua=PHONE)
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [alice.email]
        assert message.subject == "Account notice"
        assert "Chrome on Android" in message.body
        assert PARTNERS_PHONE in message.body

    def test_a_known_device_signs_in_quietly(self, alice):
        client = signed_in(alice)
        assert len(mail.outbox) == 1
        # The session ended without signing out (signing out forgets the
        # device: troth/accounts/tests/test_device_cookie.py).
        del client.cookies[settings.SESSION_COOKIE_NAME]
        assert sign_in(client, alice).status_code == 302
        assert len(mail.outbox) == 1

    def test_a_browser_without_the_device_cookie_is_new_again(self, alice):
        signed_in(alice)
        signed_in(alice)  # a fresh browser, same address and browser name
        assert len(mail.outbox) == 2

    def test_signing_up_is_not_a_new_device_alert(self, db):
        client = browser()
        response = client.post(
            "/accounts/signup/",
            {
                "display_name": "Fern",
                "email": "fern@example.com",
                "password1": "a long enough passphrase",
                "timezone": "Europe/Paris",
            },
        )
        assert response.status_code == 302
        assert SignIn.objects.get().method == "signup"
        assert not [m for m in mail.outbox if "hasn't signed in before" in m.body]

    def test_a_password_change_is_confirmed_to_the_owner_with_a_neutral_subject(
        self, alice
    ):
        verified_email(alice)
        client = signed_in(alice)
        mail.outbox.clear()
        response = client.post(
            "/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "another long passphrase",
                "password2": "another long passphrase",
            },
        )
        assert response.status_code == 302
        assert [m.to for m in mail.outbox] == [[alice.email]]
        assert mail.outbox[0].subject == "Account notice"
        assert "Your password has been changed" in mail.outbox[0].body

    @pytest.mark.parametrize(
        "template",
        [
            "account/email/password_changed",
            "account/email/password_set",
            "account/email/password_reset_key",
            "account/email/password_reset",
            "account/email/email_changed",
            "account/email/email_deleted",
            "account/email/unknown_account",
            "account/email/account_already_exists",
            "account/email/new_sign_in",
            "mfa/email/totp_activated",
            "mfa/email/totp_deactivated",
            "mfa/email/webauthn_added",
            "mfa/email/webauthn_removed",
            "mfa/email/recovery_codes_generated",
        ],
    )
    def test_security_email_subjects_say_nothing_about_what_happened(self, template):
        subject = " ".join(render_to_string(f"{template}_subject.txt").split())
        assert subject == "Account notice"


class TestPasswordRules:
    @pytest.mark.parametrize(
        ("password", "accepted"),
        [
            ("short one", False),  # 9 characters
            ("password123", False),  # on the common-password list
            ("ten chars!", True),  # no rule about digits or capitals
            ("all lowercase words here", True),
        ],
    )
    def test_length_and_common_passwords_only(self, db, password, accepted):
        response = browser().post(
            "/accounts/signup/",
            {
                "display_name": "Fern",
                "email": "fern@example.com",
                "password1": password,
                "timezone": "UTC",
            },
        )
        assert (response.status_code == 302) is accepted

    def test_there_are_no_security_questions(self, db):
        page = browser().get("/accounts/signup/").content.decode()
        assert "security question" not in page.lower()
        assert "hint" not in page.lower()


class TestPasswordResetAndTwoFactor:
    def test_a_password_reset_never_signs_in_past_two_factor(self, alice):
        verified_email(alice)
        secret = enable_totp(alice)
        client = browser()
        client.post("/accounts/password/reset/", {"email": alice.email})
        link = re.search(
            r"https?://\S+/accounts/password/reset/key/\S+", mail.outbox[-1].body
        )
        assert link, mail.outbox[-1].body
        path = "/" + link.group(0).split("/", 3)[3]
        form = client.get(path, follow=True)
        response = client.post(
            form.redirect_chain[-1][0] if form.redirect_chain else path,
            {
                "password1": "a brand new passphrase",
                "password2": "a brand new passphrase",
            },
        )
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session  # not signed in by the reset
        # Signing in with the new password still asks for the code.
        step = client.post(
            "/accounts/login/",
            {"login": alice.email, "password": "a brand new passphrase"},
        )
        assert step["Location"].startswith("/accounts/2fa/authenticate")
        assert "_auth_user_id" not in client.session
        client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
        assert client.session["_auth_user_id"] == str(alice.pk)
