"""Logging a disagreement with my own view, and what comes after."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for, run_tasks
from troth.conflicts.models import Conflict, ConflictView
from troth.conflicts.tests.helpers import form_data
from troth.notifications.models import Notification
from troth.spaces import services as spaces

pytestmark = pytest.mark.django_db


def test_it_logs_a_disagreement_privately_by_default(alice, bob, space):
    client = client_for(alice)
    response = client.post(
        "/conflicts/new",
        form_data(topic="Phone at the table", patterns=["criticised"], note="Tired."),
    )
    view = ConflictView.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/conflicts/{view.conflict_id}/#suggestions"
    assert view.author == alice and not view.is_shared and view.criticised
    assert view.conflict.topic == "Phone at the table"
    assert not view.conflict.is_shared
    page = client.get(f"/conflicts/{view.conflict_id}/")
    assert b"Phone at the table" in page.content
    assert b"only you can see this" in page.content
    assert b"Tired." in page.content


def test_it_suggests_the_antidote_for_each_pattern_noticed(alice, space):
    client = client_for(alice)
    client.post(
        "/conflicts/new",
        form_data(patterns=["defensive", "contempt"], repaired="not_yet"),
    )
    conflict = Conflict.objects.get()
    page = client.get(f"/conflicts/{conflict.pk}/").content.decode()
    assert "Own your part" in page
    assert "Build a habit of appreciation" in page
    assert "Start gently" not in page
    # Not repaired yet: a break of at least 20 minutes is offered.
    assert "at least 20 minutes" in page


def test_shutting_down_gets_the_break_as_its_antidote(alice, space):
    client = client_for(alice)
    client.post("/conflicts/new", form_data(patterns=["shut_down"]))
    page = client.get(f"/conflicts/{Conflict.objects.get().pk}/").content.decode()
    assert "Take a real break" in page
    assert "at least 20 minutes" in page


def test_it_links_to_the_guided_dialogue_only_when_it_exists(alice, space):
    from django.urls import NoReverseMatch, reverse

    client = client_for(alice)
    client.post("/conflicts/new", form_data())
    page = client.get(f"/conflicts/{Conflict.objects.get().pk}/").content.decode()
    try:
        dialogue = reverse("dialogue:index")
    except NoReverseMatch:
        assert 'data-testid="suggest-dialogue"' not in page
    else:
        assert f'href="{dialogue}" data-testid="suggest-dialogue"' in page


def test_sharing_at_once_tells_the_partner_without_the_words(alice, bob, space):
    client = client_for(alice)
    client.post(
        "/conflicts/new",
        form_data(topic="The holiday budget", visibility="shared", note="Secretly"),
    )
    run_tasks()
    notification = Notification.objects.get(user=bob)
    assert notification.message == (
        "Alice logged a disagreement and shared their view of it."
    )
    assert "budget" not in notification.message
    assert notification.url == f"/conflicts/{Conflict.objects.get().pk}/"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"topic": ""}, "Give the disagreement a short topic."),
        ({"topic": "   "}, "Give the disagreement a short topic."),
        ({"topic": "x" * 121}, "Keep the topic under 120 characters."),
        ({"occurred_at": ""}, "Say when it happened."),
        ({"occurred_at": "yesterday-ish"}, "Enter a date and time"),
        (
            {
                "occurred_at": (timezone.localtime() + timedelta(days=1)).strftime(
                    "%Y-%m-%dT%H:%M"
                )
            },
            "That time is still ahead.",
        ),
        ({"intensity": "9"}, "Select a valid choice."),
        ({"intensity": None}, "Choose how intense it felt, from 1 to 5."),
        ({"opening": None}, "Choose how it started."),
        ({"patterns": ["sulking"]}, "Select a valid choice."),
        ({"repaired": None}, "Say whether it was repaired"),
        ({"repair_minutes": ""}, "Choose roughly how long repair took"),
        ({"repair_minutes": "7"}, "Select a valid choice."),
        ({"note": "n" * 2001}, "Keep the note under 2000 characters."),
        ({"visibility": "everyone"}, "Select a valid choice."),
    ],
)
def test_it_rejects_bad_input_with_a_clear_message(alice, space, overrides, message):
    response = client_for(alice).post("/conflicts/new", form_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert b"Nothing was saved yet" in response.content
    assert not Conflict.objects.exists() and not ConflictView.objects.exists()


def test_not_yet_repaired_needs_no_repair_time(alice, space):
    client_for(alice).post(
        "/conflicts/new", form_data(repaired="not_yet", repair_minutes="60")
    )
    view = ConflictView.objects.get()
    assert view.repaired == "not_yet" and view.repair_minutes is None


def test_it_refuses_to_log_in_a_closed_space(alice, bob, space):
    spaces.space_leave(membership=bob.memberships.get())
    response = client_for(alice).post("/conflicts/new", form_data())
    assert response.status_code == 409
    assert b"This space is closed" in response.content
    assert not Conflict.objects.exists()


def test_someone_without_a_space_is_sent_home(eve):
    client = client_for(eve)
    assert client.get("/conflicts/")["Location"] == "/"
    assert client.get("/conflicts/new")["Location"] == "/"
    client.post("/conflicts/new", form_data())
    assert not Conflict.objects.exists()


def test_post_only_steps_reject_get(alice, space):
    from troth.conflicts.tests.helpers import log

    view = log(space, alice)
    client = client_for(alice)
    for action in ("share", "stop", "delete"):
        assert client.get(f"/conflicts/views/{view.pk}/{action}").status_code == 405


def test_the_log_page_never_nags(alice, space):
    page = client_for(alice).get("/conflicts/").content.decode()
    assert "never reminds you" in page
    assert "streak" not in page.replace("counts no streaks", "")
