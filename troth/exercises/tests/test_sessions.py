"""Planning an exercise for the two of you, and each logging how it went."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from conftest import client_for, run_tasks
from troth.exercises import export, services, sharing
from troth.exercises.models import ExerciseLog, Session
from troth.exercises.tests.helpers import local, past, plan
from troth.notifications.models import Notification
from troth.schedule.models import Event
from troth.spaces import services as spaces
from troth.spaces.models import Activity

pytestmark = pytest.mark.django_db


def test_planning_puts_it_on_the_shared_calendar(alice, bob, space):
    response = client_for(alice).post(
        "/exercises/pause-plan/schedule", {"starts_at": local(30)}
    )
    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exercises/planned/{session.pk}/"
    assert session.exercise == "pause-plan" and session.is_shared
    event = Event.objects.get()
    assert session.event == event
    assert event.title == "Our pause plan" and event.visibility == "shared"
    assert event.end - event.start == timedelta(minutes=15)
    page = client_for(bob).get(f"/exercises/planned/{session.pk}/").content.decode()
    assert "Our pause plan" in page and "planned by Alice" in page
    assert f'href="/calendar/events/{event.pk}/"' in page
    run_tasks()
    assert Notification.objects.get(user=bob, kind="exercise.scheduled").message == (
        "Alice planned an exercise for the two of you."
    )


@pytest.mark.parametrize(
    ("starts_at", "message"),
    [
        ("", "Choose when you&#x27;ll do it."),
        ("soonish", "Enter a date and time"),
        (None, "Choose when you&#x27;ll do it."),
        ("past", "Choose a time from now on."),
        ("far", "Choose a time within the next year."),
    ],
)
def test_bad_times_are_refused(alice, space, starts_at, message):
    value = {"past": local(-3), "far": local(24 * 400)}.get(starts_at, starts_at)
    data = {} if value is None else {"starts_at": value}
    response = client_for(alice).post("/exercises/pause-plan/schedule", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Session.objects.exists() and not Event.objects.exists()


def test_it_needs_a_partner(eve):
    spaces.space_create(user=eve)
    client = client_for(eve)
    assert (
        b"once your partner has joined" in client.get("/exercises/pause-plan/").content
    )
    response = client.post("/exercises/pause-plan/schedule", {"starts_at": local(5)})
    assert response.status_code == 409
    assert not Session.objects.exists()


def test_it_refuses_in_a_closed_space(alice, bob, space):
    spaces.space_leave(membership=bob.memberships.get())
    response = client_for(alice).post(
        "/exercises/pause-plan/schedule", {"starts_at": local(5)}
    )
    assert response.status_code == 409
    assert b"This space is closed" in response.content
    assert not Session.objects.exists()


def test_an_unknown_exercise_cannot_be_planned(alice, space):
    response = client_for(alice).post(
        "/exercises/nonsense/schedule", {"starts_at": local(5)}
    )
    assert response.status_code == 404
    assert not Session.objects.exists()


def test_logging_waits_until_it_has_started(alice, space):
    session = plan(space, alice)
    client = client_for(alice)
    assert b"Once it has started" in client.get(session.get_absolute_url()).content
    response = client.post(
        f"/exercises/planned/{session.pk}/log",
        {"outcome": "helped", "visibility": "private"},
    )
    assert response.status_code == 409
    assert b"once it has started" in response.content
    assert not ExerciseLog.objects.exists()


def test_each_logs_privately_by_default(alice, bob, space):
    session = past(plan(space, alice))
    client_for(alice).post(
        f"/exercises/planned/{session.pk}/log",
        {"outcome": "hard", "note": "Zanzibar feeling", "visibility": "private"},
    )
    run_tasks()
    entry = ExerciseLog.objects.get()
    assert entry.outcome == "hard" and not entry.is_shared
    bob_client = client_for(bob)
    for url in (session.get_absolute_url(), "/exercises/planned/"):
        page = bob_client.get(url).content.decode()
        assert "Zanzibar feeling" not in page and "it was hard" not in page.lower()
    assert (
        "Zanzibar"
        not in bob_client.get(f"/exercises/planned/{session.pk}/log").content.decode()
    )
    assert not Notification.objects.filter(user=bob, kind="exercise.logged").exists()
    assert not Activity.objects.visible_to(bob).filter(verb="exercise.logged").exists()
    assert "Zanzibar" not in json.dumps(export.export(bob))
    assert "Zanzibar" in json.dumps(export.export(alice))


def test_a_shared_log_reaches_the_partner(alice, bob, space):
    session = past(plan(space, alice))
    client_for(bob).post(
        f"/exercises/planned/{session.pk}/log",
        {
            "outcome": "helped",
            "note": "Calmer than I expected.",
            "visibility": "shared",
        },
    )
    page = client_for(alice).get(session.get_absolute_url()).content.decode()
    assert "How it went for Bob" in page and "Calmer than I expected." in page
    run_tasks()
    assert Notification.objects.get(user=alice, kind="exercise.logged").message == (
        "Bob shared how an exercise went for them."
    )


def test_changing_my_log_keeps_one(alice, space):
    session = past(plan(space, alice))
    client = client_for(alice)
    url = f"/exercises/planned/{session.pk}/log"
    client.post(url, {"outcome": "mixed", "visibility": "private"})
    assert (
        'value="mixed"' in client.get(url).content.decode().split("checked")[0][-200:]
    )
    client.post(url, {"outcome": "helped", "visibility": "private"})
    assert ExerciseLog.objects.get().outcome == "helped"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"visibility": "private"}, "Choose how it went."),
        ({"outcome": "great", "visibility": "private"}, "Select a valid choice."),
        (
            {"outcome": "helped", "note": "n" * 1001, "visibility": "private"},
            "Keep the note under 1000 characters.",
        ),
        ({"outcome": "helped"}, "Choose who can see it."),
    ],
)
def test_bad_logs_are_refused(alice, space, data, message):
    session = past(plan(space, alice))
    response = client_for(alice).post(f"/exercises/planned/{session.pk}/log", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ExerciseLog.objects.exists()


def test_stopping_a_shared_log_takes_it_back(alice, bob, space):
    session = past(plan(space, alice))
    entry = services.log_save(
        session=session,
        author=alice,
        outcome="helped",
        note="Quokka",
        visibility="shared",
    )
    run_tasks()
    assert Notification.objects.filter(user=bob, kind="exercise.logged").exists()
    assert [i.key for i in sharing.shared_by(alice, space)] == [f"log:{entry.pk}"]
    assert sharing.stop(bob, space, f"log:{entry.pk}") is False
    assert sharing.stop(alice, space, f"log:{entry.pk}") is True
    assert not Notification.objects.filter(user=bob, kind="exercise.logged").exists()
    assert (
        "Quokka" not in client_for(bob).get(session.get_absolute_url()).content.decode()
    )
    assert sharing.stop_all(alice, space) == 0


def test_the_planner_calls_it_off_and_the_event_goes(alice, bob, space):
    session = plan(space, alice)
    response = client_for(alice).post(f"/exercises/planned/{session.pk}/cancel")
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled and session.event is None
    assert not Event.objects.exists()
    run_tasks()
    assert Notification.objects.filter(user=bob, kind="exercise.cancelled").exists()
    response = client_for(alice).post(f"/exercises/planned/{session.pk}/cancel")
    assert response.status_code == 409
    assert b"already called off" in response.content


def test_the_partner_cannot_call_it_off(alice, bob, space):
    session = plan(space, alice)
    response = client_for(bob).post(f"/exercises/planned/{session.pk}/cancel")
    assert response.status_code == 409
    assert b"The one who planned it can call it off" in response.content
    session.refresh_from_db()
    assert not session.is_cancelled and Event.objects.exists()


def test_a_started_exercise_is_not_called_off(alice, space):
    session = past(plan(space, alice))
    response = client_for(alice).post(f"/exercises/planned/{session.pk}/cancel")
    assert response.status_code == 409
    session.refresh_from_db()
    assert not session.is_cancelled


def test_a_called_off_exercise_takes_no_logs(alice, space):
    session = plan(space, alice)
    services.session_cancel(session=session, by=alice)
    past(session)
    response = client_for(alice).post(
        f"/exercises/planned/{session.pk}/log",
        {"outcome": "helped", "visibility": "private"},
    )
    assert response.status_code == 409
    assert not ExerciseLog.objects.exists()


def test_the_library_page_asks_how_it_went(alice, bob, space):
    done = past(plan(space, alice, exercise="my-part"))
    plan(space, alice, exercise="pause-plan")
    card = client_for(bob).get("/exercises/").content.decode()
    assert "How did it go?" in card
    services.log_save(session=done, author=bob, outcome="helped", visibility="private")
    assert (
        f"/exercises/planned/{done.pk}/log"
        not in client_for(bob).get("/exercises/").content.decode()
    )


def test_someone_without_a_space_is_sent_home(eve):
    client = client_for(eve)
    assert client.get("/exercises/")["Location"] == "/"
    assert client.get("/exercises/planned/")["Location"] == "/"
    assert (
        client.post("/exercises/pause-plan/schedule", {"starts_at": local(4)})[
            "Location"
        ]
        == "/"
    )
