"""Account emails as the owner reads them: in the one layout, with text and
HTML, and times in the owner's own time zone."""

from __future__ import annotations

import re
import zoneinfo
from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from conftest import PASSWORD
from tests.email_layout import assert_in_layout, parts, visible_text
from troth.accounts.tests.helpers import browser, signed_in, verified_email

pytestmark = pytest.mark.django_db


def minutes_between(start, end) -> list:
    """Every minute from start to end, so a test can't fail on a tick."""
    first = start.replace(second=0, microsecond=0)
    count = int((end - first).total_seconds() // 60) + 1
    return [first + timedelta(minutes=i) for i in range(count)]


def shown(moments, zone) -> set[str]:
    return {
        f"{date_format(m.astimezone(zone), 'DATETIME_FORMAT')} "
        f"({m.astimezone(zone).tzname()})"
        for m in moments
    }


def test_the_sign_in_notice_gives_the_owners_local_time(alice):
    # Auckland is 12 or 13 hours from UTC: a UTC time can't pass for it.
    auckland = zoneinfo.ZoneInfo("Pacific/Auckland")
    alice.timezone = "Pacific/Auckland"
    alice.save()
    verified_email(alice)
    before = timezone.now()
    signed_in(alice)
    moments = minutes_between(before, timezone.now())
    [message] = mail.outbox
    assert_in_layout(message)
    text, html = parts(message)
    for words in (text, visible_text(html)):
        assert any(f"When: {when}" in words for when in shown(moments, auckland))
        assert not any(when in words for when in shown(moments, UTC))


def test_the_password_reset_email_has_text_and_html_in_the_layout(alice):
    verified_email(alice)
    browser().post("/accounts/password/reset/", {"email": alice.email})
    [message] = mail.outbox
    assert message.to == [alice.email]
    assert_in_layout(message)
    text, html = parts(message)
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", text)
    assert link
    assert f'href="{link.group(0)}"' in html


def test_a_password_change_notice_is_in_the_layout(alice):
    verified_email(alice)
    client = signed_in(alice)
    mail.outbox.clear()
    client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "another long passphrase",
            "password2": "another long passphrase",
        },
    )
    [message] = mail.outbox
    assert_in_layout(message)
    assert "Your password has been changed" in visible_text(parts(message)[1])
