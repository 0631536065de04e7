"""Adding, changing and seeing events, and who sees what."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from conftest import client_for, make_space, run_tasks
from troth.notifications.models import Notification
from troth.schedule.models import Event, EventVisibility
from troth.schedule.tests.helpers import card_html, form_data, make_event, rule
from troth.spaces import services as spaces

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Appointment with Dr Okafor"
SECRET_PLACE = "Harley Street clinic"
SECRET_NOTE = "Talk about the sleep trouble"


@pytest.fixture
def london(alice, bob):
    alice.timezone = "Europe/London"
    alice.save()
    bob.timezone = "Europe/London"
    bob.save()
    return alice, bob


def test_it_adds_an_event_from_the_form(alice, space, london):
    response = client_for(alice).post(
        "/calendar/events/new", form_data(location="Priya's flat")
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == event.get_absolute_url()
    assert event.title == "Dinner with Priya"
    assert event.visibility == EventVisibility.SHARED
    assert event.duration == timedelta(hours=2)
    page = client_for(alice).get(event.get_absolute_url())
    assert b"Dinner with Priya" in page.content
    assert b"Priya&#x27;s flat" in page.content


def test_it_stores_the_title_place_and_note_encrypted(alice, space):
    from django.db import connection

    make_event(
        alice, space, title=SECRET_TITLE, location=SECRET_PLACE, note=SECRET_NOTE
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, location, note FROM schedule_event")
        row = cursor.fetchone()
    assert SECRET_TITLE not in row[0]
    assert SECRET_PLACE not in row[1]
    assert SECRET_NOTE not in row[2]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_time": "18:00"}, "The end is before the start."),
        (
            {"end_date": (date.today() + timedelta(days=1)).isoformat()},
            "The end is before the start.",
        ),
        ({"title": ""}, "Give the event a title."),
        ({"start_date": "31/02/2026"}, "Enter the start date as YYYY-MM-DD."),
        ({"start_time": ""}, "Choose a start time, or tick All day."),
        ({"time_zone": "Mars/Olympus"}, "Select a valid choice."),
        ({"repeat": "HOURLY"}, "Select a valid choice."),
        ({"repeat": "WEEKLY", "interval": "0"}, "Repeat every 1 or more."),
        (
            {"repeat": "WEEKLY", "ends": "count", "count": "0"},
            "It has to happen at least once.",
        ),
        ({"repeat": "WEEKLY", "ends": "count", "count": ""}, "Say how many times"),
        (
            {"repeat": "DAILY", "ends": "until", "until": date.today().isoformat()},
            "The last date is before the first one.",
        ),
        ({"repeat": "DAILY", "ends": "until", "until": ""}, "Choose the last date"),
        ({"visibility": "everyone"}, "Select a valid choice."),
        ({"title": "x" * 201}, "Ensure this value has at most 200 characters"),
    ],
)
def test_it_refuses_bad_input_and_adds_nothing(alice, space, changes, message):
    response = client_for(alice).post("/calendar/events/new", form_data(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_it_refuses_a_wall_clock_time_the_clocks_skip(alice, space):
    # 29 March 2026: clocks in London go from 01:00 to 02:00.
    response = client_for(alice).post(
        "/calendar/events/new",
        form_data(start_date="2026-03-29", start_time="01:30", end_time="03:00"),
    )
    assert response.status_code == 400
    assert (
        "doesn&#x27;t exist in Europe/London on that day" in response.content.decode()
    )
    assert not Event.objects.exists()


def test_a_ritual_must_repeat(alice, space):
    response = client_for(alice).post(
        "/calendar/events/new?kind=ritual", form_data(title="Date night", repeat="")
    )
    assert response.status_code == 400
    assert "A ritual repeats: choose how often." in response.content.decode()
    assert not Event.objects.exists()


def test_a_ritual_is_always_shared(alice, space):
    client_for(alice).post(
        "/calendar/events/new?kind=ritual",
        form_data(title="Date night", repeat="WEEKLY", visibility="private"),
    )
    assert Event.objects.get().visibility == EventVisibility.SHARED


def test_a_shared_event_shows_in_full_to_the_partner(alice, bob, space, london):
    event = make_event(alice, space, title="Dinner with Priya", location="Brixton")
    page = client_for(bob).get(event.get_absolute_url())
    assert page.status_code == 200
    assert b"Dinner with Priya" in page.content
    assert b"Brixton" in page.content
    assert b"Alice" in page.content
    assert b"Edit" not in page.content  # only the author changes it


def test_a_private_event_is_not_there_for_the_partner(alice, bob, space):
    event = make_event(
        alice, space, title=SECRET_TITLE, visibility=EventVisibility.PRIVATE
    )
    bob_client = client_for(bob)
    assert bob_client.get(event.get_absolute_url()).status_code == 404
    assert SECRET_TITLE.encode() not in bob_client.get("/calendar/").content
    assert client_for(alice).get(event.get_absolute_url()).status_code == 200


def pages_bob_can_reach(event) -> list[str]:
    day = event.start.date()
    return [
        "/calendar/",
        f"/calendar/agenda/{day.year}/{day.month}/{day.day}/",
        f"/calendar/week/{day.year}/{day.month}/{day.day}/",
        f"/calendar/month/{day.year}/{day.month}/",
        "/calendar/rituals/",
        event.get_absolute_url(),
        event.occurrence_url(event.start),
    ]


def test_a_busy_only_event_shows_the_partner_busy_and_the_time_only(
    alice, bob, space, london
):
    event = make_event(
        alice,
        space,
        title=SECRET_TITLE,
        location=SECRET_PLACE,
        note=SECRET_NOTE,
        visibility=EventVisibility.BUSY,
        rrule=rule(freq="WEEKLY", count=3),
    )
    bob_client = client_for(bob)
    for url in pages_bob_can_reach(event):
        for htmx in (False, True):
            headers = {"HX-Request": "true"} if htmx else {}
            page = bob_client.get(url, headers=headers)
            assert page.status_code == 200, url
            text = page.content.decode()
            for secret in (SECRET_TITLE, SECRET_PLACE, SECRET_NOTE, event.uid):
                assert secret not in text, (url, secret)
    card = card_html(bob)
    assert SECRET_TITLE not in card and SECRET_PLACE not in card
    detail = bob_client.get(event.get_absolute_url()).content.decode()
    assert "Alice is busy" in detail
    assert "19:00" in detail
    week = bob_client.get(pages_bob_can_reach(event)[2]).content.decode()
    assert "Busy" in week


def test_a_busy_only_event_stays_whole_for_its_author(alice, space):
    event = make_event(
        alice, space, title=SECRET_TITLE, visibility=EventVisibility.BUSY
    )
    page = client_for(alice).get(event.get_absolute_url()).content.decode()
    assert SECRET_TITLE in page
    assert "your partner sees: busy" in page


def test_the_partner_cannot_change_an_event(alice, bob, space):
    event = make_event(alice, space)
    bob_client = client_for(bob)
    assert bob_client.get(f"/calendar/events/{event.pk}/edit").status_code == 404
    assert (
        bob_client.post(
            f"/calendar/events/{event.pk}/edit", form_data(title="Mine now")
        ).status_code
        == 404
    )
    assert bob_client.post(f"/calendar/events/{event.pk}/delete").status_code == 404
    assert (
        bob_client.post(
            f"/calendar/events/{event.pk}/visibility", {"visibility": "private"}
        ).status_code
        == 404
    )
    event.refresh_from_db()
    assert event.title == "Dinner with Priya"
    assert event.visibility == EventVisibility.SHARED


def test_it_edits_an_event(alice, space, london):
    event = make_event(alice, space)
    client = client_for(alice)
    form = client.get(f"/calendar/events/{event.pk}/edit")
    assert b'value="Dinner with Priya"' in form.content
    data = form_data(
        title="Dinner with Priya and Tom",
        start_date=event.start.date().isoformat(),
        start_time="19:30",
        end_time="22:00",
    )
    response = client.post(f"/calendar/events/{event.pk}/edit", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Dinner with Priya and Tom"
    assert event.start.astimezone(event.tz).strftime("%H:%M") == "19:30"
    assert event.sequence == 1


def test_a_bad_edit_changes_nothing(alice, space):
    event = make_event(alice, space)
    response = client_for(alice).post(
        f"/calendar/events/{event.pk}/edit",
        form_data(start_time="20:00", end_time="19:00"),
    )
    assert response.status_code == 400
    assert b"The end is before the start." in response.content
    event.refresh_from_db()
    assert event.title == "Dinner with Priya"


def test_it_deletes_an_event(alice, space):
    event = make_event(alice, space)
    response = client_for(alice).post(f"/calendar/events/{event.pk}/delete")
    assert response.status_code == 302
    assert not Event.objects.exists()


def test_making_an_event_private_hides_it_at_once_and_tells_nobody(alice, bob, space):
    event = make_event(alice, space, title="Surprise party planning")
    run_tasks()
    before = Notification.objects.filter(user=bob).count()
    response = client_for(alice).post(
        f"/calendar/events/{event.pk}/visibility", {"visibility": "private"}
    )
    assert response.status_code == 302
    run_tasks()
    assert client_for(bob).get(event.get_absolute_url()).status_code == 404
    assert Notification.objects.filter(user=bob).count() == before


def test_a_bad_visibility_changes_nothing(alice, space):
    event = make_event(alice, space)
    response = client_for(alice).post(
        f"/calendar/events/{event.pk}/visibility", {"visibility": "everyone"}
    )
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.visibility == EventVisibility.SHARED


def test_sharing_an_event_tells_the_partner_without_its_title(alice, bob, space):
    make_event(alice, space, title=SECRET_TITLE)
    run_tasks()
    notification = Notification.objects.get(user=bob)
    assert notification.message == "Alice added an event to your shared calendar."
    assert SECRET_TITLE not in notification.message


def test_a_busy_only_or_private_event_tells_the_partner_nothing(alice, bob, space):
    make_event(alice, space, visibility=EventVisibility.BUSY)
    make_event(alice, space, visibility=EventVisibility.PRIVATE)
    run_tasks()
    assert not Notification.objects.filter(user=bob).exists()


def test_nothing_new_can_be_added_to_a_closed_space(alice, bob, space):
    spaces.space_leave(membership=bob.memberships.get())
    response = client_for(alice).post("/calendar/events/new", form_data())
    assert response.status_code == 409  # a refusal, not bad input
    assert b"This space is closed" in response.content
    assert not Event.objects.exists()


def test_the_one_who_left_no_longer_sees_shared_events(alice, bob, space):
    event = make_event(alice, space)
    spaces.space_leave(membership=bob.memberships.get())
    assert client_for(bob).get(event.get_absolute_url()).status_code == 404


def test_another_couple_sees_nothing(alice, space, carol, dave):
    make_space(carol, dave)
    event = make_event(alice, space, title=SECRET_TITLE)
    client = client_for(carol)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert SECRET_TITLE.encode() not in client.get("/calendar/").content


def test_someone_without_a_space_is_sent_home(eve):
    assert client_for(eve).get("/calendar/").status_code == 302


@pytest.mark.parametrize(
    "url",
    [
        "/calendar/agenda/9999/12/31/",
        "/calendar/week/1/1/1/",
        "/calendar/month/9999/12/",
        "/calendar/month/0/1/",
        "/calendar/agenda/2027/2/30/",
    ],
)
def test_dates_out_of_range_are_not_found_rather_than_an_error(alice, space, url):
    assert client_for(alice).get(url).status_code == 404


def test_a_far_off_date_is_refused_with_a_message(alice, space):
    response = client_for(alice).post(
        "/calendar/events/new",
        form_data(start_date="9999-12-31", all_day="on", start_time=""),
    )
    assert response.status_code == 400
    assert b"Choose a date between 1900 and 2200." in response.content
    assert not Event.objects.exists()


def test_a_far_off_occurrence_name_is_not_found(alice, space):
    event = make_event(alice, space, rrule=rule(freq="DAILY"))
    client = client_for(alice)
    assert (
        client.get(f"/calendar/events/{event.pk}/at/99991231T235959Z/").status_code
        == 404
    )
    assert (
        client.post(
            f"/calendar/events/{event.pk}/at/99991231T235959Z/cancel"
        ).status_code
        == 404
    )
