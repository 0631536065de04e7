"""Every email Troth sends: one layout with a text and an HTML part, a From
address that mail servers accept, and what actually arrives at an SMTP
server (a real one, on the loopback interface)."""

from __future__ import annotations

import email
import email.policy
import re
import runpy
import socket
from email.headerregistry import HeaderRegistry
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core import mail
from django.core.validators import validate_email
from django.template import engines
from django.template.utils import get_app_template_dirs
from django.test import override_settings
from django.utils import timezone

from conftest import run_tasks
from tests.email_layout import assert_in_layout
from troth.lib.mail import email_render
from troth.notifications.tasks import send_due_emails
from troth.repair.tests.factories import opened

pytestmark = pytest.mark.django_db


def every_email_template() -> list[str]:
    """The prefix of every email any app or Troth itself ships: a
    `<dir>/email/<name>_message.txt` with its `_subject.txt` (allauth's,
    overridden or not, and Troth's own)."""
    roots = [Path(d) for d in engines["django"].engine.dirs]
    roots += [Path(d) for d in get_app_template_dirs("templates")]
    found = set()
    for root in roots:
        for path in root.glob("**/email/*_message.txt"):
            prefix = str(path.relative_to(root))[: -len("_message.txt")]
            if (root / f"{prefix}_subject.txt").exists():
                found.add(prefix)
    return sorted(found)


EMAILS = every_email_template()


def test_the_walk_finds_allauths_and_troths_emails():
    # So the walk below can't pass by finding nothing.
    for known in [
        "account/email/password_reset_key",
        "account/email/email_confirmation_signup",
        "account/email/unknown_account",
        "account/email/new_sign_in",
        "mfa/email/totp_activated",
        "notifications/email/update",
    ]:
        assert known in EMAILS


def sample_context(user) -> dict:
    """Everything any message template may ask for."""
    from troth.notifications.outside import OutsideMessage

    return {
        "user": user,
        "email": user.email,
        "current_site": {"name": "Troth", "domain": "localhost"},
        "activate_url": settings.BASE_URL + "/accounts/confirm-email/key/",
        "password_reset_url": settings.BASE_URL + "/accounts/password/reset/key/x/",
        "signup_url": settings.BASE_URL + "/accounts/signup/",
        "code": "ABC123",
        "key": "key",
        "timestamp": timezone.now(),
        "ip": "198.51.100.7",
        "user_agent": "Firefox",
        "device": "Firefox on Linux",
        "place": "",
        "settings_link": settings.BASE_URL + "/settings/sessions",
        "from_email": "old@example.com",
        "to_email": user.email,
        "deleted_email": "old@example.com",
        "outside": OutsideMessage(
            title="You have an update in Troth",
            text="You have an update in Troth. Open your updates to see it.",
            url=settings.BASE_URL + "/notifications/",
            details=False,
        ),
    }


@pytest.mark.parametrize("prefix", EMAILS)
def test_every_email_has_a_text_and_an_html_part_in_the_one_layout(alice, prefix):
    context = sample_context(alice)
    if prefix.startswith(("account/", "mfa/")):
        # allauth's messages go through the adapter, as allauth sends them.
        message = get_adapter().render_mail(prefix, alice.email, context)
    else:
        message = email_render(
            template_prefix=prefix, to=[alice.email], context=context, recipient=alice
        )
    assert message.subject.strip()
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert_in_layout(message)


def test_the_html_part_escapes_what_a_browser_sent(alice):
    # allauth's alerts quote the User-Agent header, which anyone can set.
    context = {**sample_context(alice), "user_agent": "<img src=x onerror=alert(1)>"}
    message = get_adapter().render_mail(
        "account/email/password_changed", alice.email, context
    )
    html, _ = message.alternatives[0]
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# The sender -------------------------------------------------------------------


def sender_for(monkeypatch, base_url: str, from_env: str | None = None) -> str:
    """DEFAULT_FROM_EMAIL as settings.py computes it for this base URL."""
    monkeypatch.setenv("TROTH_BASE_URL", base_url)
    if from_env is None:
        monkeypatch.delenv("TROTH_EMAIL_FROM", raising=False)
    else:
        monkeypatch.setenv("TROTH_EMAIL_FROM", from_env)
    import troth.settings

    return runpy.run_path(troth.settings.__file__)["DEFAULT_FROM_EMAIL"]


def parsed_address(header_value: str):
    header = HeaderRegistry()("From", header_value)
    assert not header.defects, header.defects
    [address] = header.addresses
    validate_email(address.addr_spec)  # raises ValidationError if invalid
    return address


@pytest.mark.parametrize(
    ("base_url", "domain"),
    [
        ("http://127.0.0.1:8000", "troth.localhost"),
        ("http://[::1]:8000", "troth.localhost"),
        ("http://localhost:8000", "troth.localhost"),
        ("http://raspberrypi:8000", "troth.localhost"),
        ("https://troth.example.org", "troth.example.org"),
        ("https://Troth.Example.org./", "troth.example.org"),
    ],
)
def test_the_default_sender_is_a_valid_address(monkeypatch, base_url, domain):
    address = parsed_address(sender_for(monkeypatch, base_url))
    assert address.display_name == "Troth"
    assert address.domain == domain


def test_a_sender_the_host_chose_is_kept(monkeypatch):
    chosen = "Us <hello@mail.example.org>"
    assert sender_for(monkeypatch, "http://127.0.0.1:8000", chosen) == chosen


# What arrives at a real SMTP server --------------------------------------------


class Inbox:
    """An aiosmtpd handler keeping what it receives."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 (never another interface), and Troth's
    SMTP backend pointed at it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    mailers = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "127.0.0.1",
                "port": port,
                "use_tls": False,
                "use_ssl": False,
                "timeout": 10,
            },
        }
    }
    try:
        with override_settings(MAILERS=mailers):
            yield inbox
    finally:
        controller.stop()


def arrived(envelope) -> email.message.EmailMessage:
    return email.message_from_bytes(
        envelope.original_content, policy=email.policy.default
    )


def test_a_notification_arrives_as_text_and_html_neutral_and_from_a_valid_sender(
    smtp_server, space, alice, bob
):
    opened(space, hurt=bob, other=alice, summary="You read my messages.")
    run_tasks()
    assert send_due_emails.call() == 1
    assert mail.outbox == []  # it went over SMTP, not to the test outbox
    [envelope] = smtp_server.envelopes
    assert envelope.rcpt_tos == [alice.email]
    message = arrived(envelope)
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    sender = parsed_address(str(message["From"]))
    assert envelope.mail_from == sender.addr_spec
    assert message["Subject"] == "You have an update in Troth"
    for part in message.iter_parts():
        body = part.get_content()
        assert "You have an update in Troth" in body
        assert "Bob" not in body
        assert "repair" not in body.lower()
        assert "messages" not in body


def test_an_account_email_arrives_as_text_and_html_from_a_valid_sender(
    smtp_server, client, alice
):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=alice, email=alice.email, verified=True, primary=True
    )
    client.post("/accounts/password/reset/", {"email": alice.email})
    [envelope] = smtp_server.envelopes
    message = arrived(envelope)
    assert message.get_content_type() == "multipart/alternative"
    text, html = (part.get_content() for part in message.iter_parts())
    assert "/accounts/password/reset/key/" in text
    assert re.search(r'href="https?://[^"]+/accounts/password/reset/key/', html)
    parsed_address(str(message["From"]))
