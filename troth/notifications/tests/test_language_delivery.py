"""What leaves Troth speaks its reader's language (issue 16): an email and a
push payload to a Spanish and to an Arabic reader, whatever the language of
the partner whose act caused it; Arabic emails read right to left."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from conftest import run_tasks
from troth.notifications.models import NotificationSettings
from troth.notifications.tasks import send_due_emails
from troth.notifications.tests.pushservice import PushService
from troth.notifications.tests.test_push import send_status, turn_on
from troth.repair.tests.factories import opened

pytestmark = pytest.mark.django_db

UPDATE = "You have an update in Troth"
OPEN_IT = "You have an update in Troth. Open your updates to see it."


def said_in(language: str, english: str) -> str:
    """`english` as the catalogue of `language` says it: never the English
    itself, or the test would pass without a translation."""
    with translation.override(language):
        words = translation.gettext(english)
    assert words != english, f"{english!r} has no {language} translation"
    return words


def speaks(user, language: str) -> None:
    user.language = language
    user.save(update_fields=["language"])


@pytest.fixture
def service(settings):
    running = PushService()
    settings.TROTH_PUSH_SERVICES = [running.host]
    yield running
    running.close()


@pytest.mark.parametrize(("language", "direction"), [("es", "ltr"), ("ar", "rtl")])
def test_an_email_speaks_its_readers_language(space, alice, bob, language, direction):
    speaks(alice, language)  # Bob, who causes it, keeps English
    opened(space, hurt=bob, other=alice, summary="You read my messages.")
    run_tasks()
    assert send_due_emails.call() == 1
    message = mail.outbox[-1]
    [(html, _mimetype)] = message.alternatives
    assert message.subject == said_in(language, UPDATE)
    assert said_in(language, OPEN_IT) in message.body
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert UPDATE not in message.body + html


@pytest.mark.parametrize("language", ["es", "ar"])
def test_details_chosen_are_said_in_the_readers_language(space, alice, bob, language):
    speaks(alice, language)
    NotificationSettings.objects.update_or_create(
        user=alice,
        defaults={
            "outside_details": True,
            "email_categories": list(NotificationSettings.DEFAULT_CATEGORIES),
        },
    )
    opened(space, hurt=bob, other=alice, summary="You read my messages.")
    run_tasks()
    assert send_due_emails.call() == 1
    with translation.override(language):
        expected = translation.gettext("{actor} opened a repair.").format(actor="Bob")
    assert expected != "Bob opened a repair."
    assert expected in mail.outbox[-1].body


@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_push_payload_speaks_its_readers_language(
    space, alice, bob, service, language
):
    speaks(bob, language)
    turn_on(bob, service)
    send_status(space, alice)
    run_tasks()
    [received] = service.received
    assert service.decrypt(received) == {
        "title": said_in(language, UPDATE),
        "body": said_in(language, OPEN_IT),
        "url": settings.BASE_URL + "/notifications/",
    }
