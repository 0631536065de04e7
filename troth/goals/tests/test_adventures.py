"""Planning an adventure together with the template."""

from __future__ import annotations

import pytest

from conftest import client_for, run_tasks
from troth.goals.models import Goal, Kind, Milestone
from troth.goals.tests.helpers import adventure, in_days
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def plan(**overrides) -> dict:
    data = {
        "title": "Night walk to the lighthouse",
        "why": "Watch the light come on.",
        "target_date": in_days(10).isoformat(),
        "start_time": "17:30",
        "budget": "Train tickets",
        "tasks_mine": "Check the tides\n\nBook the train\n",
        "tasks_partner": "Pack torches",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_it_plans_an_adventure_with_tasks_for_each(alice, bob, space):
    response = client_for(alice).post("/goals/adventure", plan())
    planned = Goal.objects.get()
    assert response.status_code == 302
    assert planned.kind == Kind.ADVENTURE
    assert planned.target_date == in_days(10) and planned.start_time.hour == 17
    assert planned.budget == "Train tickets"
    owners = sorted(
        (step.title, step.owner.display_name) for step in Milestone.objects.all()
    )
    assert owners == [
        ("Book the train", "Alice"),
        ("Check the tides", "Alice"),
        ("Pack torches", "Bob"),
    ]
    page = client_for(bob).get(f"/goals/{planned.pk}/").content.decode()
    assert "Night walk to the lighthouse" in page and "Train tickets" in page
    assert "Pack torches" in page
    run_tasks()
    assert Notification.objects.get(user=bob, kind="adventure.planned").message == (
        "Alice planned an adventure for you both."
    )
    # Its calendar event is not announced a second time.
    assert Notification.objects.filter(user=bob).count() == 1


def test_only_the_idea_is_needed(alice, space):
    response = client_for(alice).post("/goals/adventure", {"title": "Pasta course"})
    assert response.status_code == 302
    planned = Goal.objects.get()
    assert planned.target_date is None and not Milestone.objects.exists()
    assert (
        "No date yet" in client_for(alice).get(f"/goals/{planned.pk}/").content.decode()
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Say what the adventure is."),
        ({"target_date": in_days(-1).isoformat()}, "Choose today or a later date."),
        (
            {"target_date": "", "start_time": "10:00"},
            "Choose a date first, then a time.",
        ),
        ({"start_time": "25:00"}, "Enter a time, like 09:30."),
        ({"budget": "b" * 81}, "Keep the budget under 80 characters."),
        ({"tasks_mine": "t" * 121}, "Keep each task under 120 characters."),
        (
            {"tasks_partner": "\n".join(f"task {i}" for i in range(21))},
            "Up to 20 tasks here",
        ),
    ],
)
def test_it_rejects_bad_plans(alice, space, overrides, message):
    response = client_for(alice).post("/goals/adventure", plan(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Goal.objects.exists() and not Milestone.objects.exists()


def test_tasks_for_a_partner_who_hasnt_joined_are_refused(eve):
    from troth.spaces.services import space_create

    space_create(user=eve)
    client = client_for(eve)
    assert b"tasks can only be yours" in client.get("/goals/adventure").content
    response = client.post("/goals/adventure", plan())
    assert response.status_code == 409
    assert b"Your partner hasn" in response.content
    assert not Goal.objects.exists()


def test_the_planner_changes_the_date_and_budget(alice, bob, space):
    planned = adventure(space, alice, target_date=in_days(5))
    client = client_for(alice)
    form = client.get(f"/goals/{planned.pk}/edit").content.decode()
    assert 'name="budget"' in form and 'name="tasks_mine"' not in form
    response = client.post(
        f"/goals/{planned.pk}/edit",
        {"title": "Night walk", "target_date": in_days(12).isoformat(), "budget": "40"},
    )
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.target_date == in_days(12) and planned.budget == "40"
    assert client_for(bob).get(f"/goals/{planned.pk}/edit").status_code == 404


class TestTheCalendarEvent:
    def test_a_dated_adventure_goes_on_the_shared_calendar(self, alice, bob, space):
        from troth.schedule.models import Event

        alice.timezone = "Europe/Berlin"
        alice.save()
        client_for(alice).post("/goals/adventure", plan(start_time="17:30"))
        planned = Goal.objects.get()
        event = Event.objects.get()
        assert planned.event == event
        assert event.author == alice and event.visibility == "shared"
        assert event.title == "Night walk to the lighthouse"
        assert not event.all_day
        assert event.start.astimezone(alice.tz).hour == 17
        assert event.start.astimezone(alice.tz).date() == in_days(10)
        assert (
            Event.objects.visible_to(bob).detailed_for(bob).filter(pk=event.pk).exists()
        )
        page = client_for(bob).get(f"/goals/{planned.pk}/").content.decode()
        assert (
            f'href="/calendar/events/{event.pk}/" data-testid="adventure-event"' in page
        )
        assert client_for(bob).get(f"/calendar/events/{event.pk}/").status_code == 200

    def test_without_a_time_it_is_an_all_day_event(self, alice, space):
        from troth.schedule.models import Event

        client_for(alice).post("/goals/adventure", plan(start_time=""))
        event = Event.objects.get()
        assert event.all_day

    def test_no_date_no_event_then_one_once_the_date_is_set(self, alice, space):
        from troth.schedule.models import Event

        planned = adventure(space, alice)
        assert not Event.objects.exists()
        client_for(alice).post(
            f"/goals/{planned.pk}/edit",
            {
                "title": "Night walk",
                "target_date": in_days(4).isoformat(),
                "start_time": "20:00",
            },
        )
        planned.refresh_from_db()
        assert planned.event is not None
        assert planned.event.start.astimezone(alice.tz).hour == 20

    def test_moving_the_date_moves_the_event_and_clearing_it_removes_it(
        self, alice, space
    ):
        from troth.schedule.models import Event

        planned = adventure(space, alice, target_date=in_days(4))
        client = client_for(alice)
        client.post(
            f"/goals/{planned.pk}/edit",
            {"title": "Renamed walk", "target_date": in_days(6).isoformat()},
        )
        event = Event.objects.get()
        assert event.title == "Renamed walk"
        assert event.start.date() == in_days(6)
        client.post(f"/goals/{planned.pk}/edit", {"title": "Renamed walk"})
        planned.refresh_from_db()
        assert planned.event is None and not Event.objects.exists()

    def test_an_event_the_planner_made_private_is_not_linked_for_the_partner(
        self, alice, bob, space
    ):
        from troth.schedule.models import Event

        planned = adventure(space, alice, target_date=in_days(4))
        Event.objects.update(visibility="private")
        page = client_for(bob).get(f"/goals/{planned.pk}/").content.decode()
        assert 'data-testid="adventure-event"' not in page
