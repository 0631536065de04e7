"""What leaves Troth: an email says only that there is an update unless its
reader chose details, and every channel asks the same rule."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail

from conftest import client_for, run_tasks
from troth.notifications.models import Notification, NotificationSettings
from troth.notifications.outside import outside_message
from troth.notifications.tasks import send_due_emails
from troth.repair.tests.factories import opened

pytestmark = pytest.mark.django_db

SUMMARY = "You read my messages on my phone."
INBOX = settings.BASE_URL + "/notifications/"


def bob_opens_a_repair(space, alice, bob):
    """Bob, hurt, opens a repair: Alice gets a notification and an email."""
    repair = opened(space, hurt=bob, other=alice, summary=SUMMARY)
    run_tasks()
    assert send_due_emails.call() == 1
    return repair, mail.outbox[-1]


def parts(message) -> list[str]:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return [message.body, html]


def choose_details(user, on: bool = True) -> None:
    NotificationSettings.objects.update_or_create(
        user=user,
        defaults={
            "outside_details": on,
            "email_categories": list(NotificationSettings.DEFAULT_CATEGORIES),
        },
    )


def test_it_names_no_actor_kind_or_content_by_default(space, alice, bob):
    repair, message = bob_opens_a_repair(space, alice, bob)
    assert message.to == [alice.email]
    assert message.subject == "You have an update in Troth"
    for part in [message.subject, *parts(message)]:
        assert "Bob" not in part
        assert "repair" not in part.lower()  # neither the kind nor its link
        assert "messages" not in part
        assert repair.get_absolute_url() not in part
    for part in parts(message):
        assert "You have an update in Troth" in part
        assert INBOX in part  # the link goes to the inbox, which names nothing


def test_with_details_chosen_it_says_who_did_what_but_never_what_they_wrote(
    space, alice, bob
):
    choose_details(alice)
    repair, message = bob_opens_a_repair(space, alice, bob)
    assert message.subject == "You have an update in Troth"  # seen before opening
    for part in parts(message):
        assert "Bob opened a repair." in part
        assert settings.BASE_URL + repair.get_absolute_url() in part
        assert "messages" not in part


def test_the_choice_is_the_readers_own(space, alice, bob):
    # Bob chose details for his own email; Alice's stays neutral.
    choose_details(bob)
    _, message = bob_opens_a_repair(space, alice, bob)
    assert "Bob" not in message.body


def test_every_channel_gets_its_words_from_one_rule(space, alice, bob):
    opened(space, hurt=bob, other=alice, summary=SUMMARY)
    run_tasks()
    notification = Notification.objects.get(user=alice)
    neutral = outside_message(notification)
    assert (neutral.title, neutral.url, neutral.details) == (
        "You have an update in Troth",
        INBOX,
        False,
    )
    assert "Bob" not in neutral.text
    choose_details(alice)
    detailed = outside_message(notification)
    assert detailed.title == neutral.title
    assert detailed.text == "Bob opened a repair."
    assert detailed.url == settings.BASE_URL + notification.url


def test_the_settings_page_explains_the_choice_and_starts_off(alice):
    page = client_for(alice).get("/notifications/settings").content.decode()
    assert "Say what happened in emails and push notifications" in page
    assert "an email or a lock screen can be read by someone else" in page
    assert "Anyone who can read your email or see your lock screen" in page
    assert 'name="outside_details"' in page
    assert 'name="outside_details" checked' not in page


@pytest.mark.parametrize("on", [True, False])
def test_the_settings_page_saves_the_choice(alice, on):
    choose_details(alice, on=not on)
    data = {"email_enabled": "on", "email_categories": ["repair"]}
    if on:
        data["outside_details"] = "on"
    response = client_for(alice).post("/notifications/settings", data)
    assert response.status_code == 302
    assert NotificationSettings.objects.get(user=alice).outside_details is on
