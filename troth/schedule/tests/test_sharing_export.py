"""What I share (stop buttons), the personal export and the .ics download."""

from __future__ import annotations

import json

import pytest
from icalendar import Calendar

from conftest import run_tasks
from troth.notifications.models import Notification
from troth.schedule import export, sharing
from troth.schedule.models import EventVisibility, FeedToken, RitualMark
from troth.schedule.services import feed_token_create
from troth.schedule.tests.helpers import make_event, make_ritual

pytestmark = pytest.mark.django_db

SECRET = "Appointment with Dr Okafor"


def test_it_lists_what_i_share_and_how(alice, bob, space):
    make_event(alice, space, title="Dinner with Priya")
    make_event(alice, space, title=SECRET, visibility=EventVisibility.BUSY)
    make_event(alice, space, title="Private", visibility=EventVisibility.PRIVATE)
    make_event(bob, space, title="Bob's")
    feed_token_create(user=alice)
    items = sharing.shared_by(alice, space)
    # The link first (it reaches the most), then events, the latest first.
    assert [(i.label, i.detail) for i in items] == [
        ("Calendar subscription link", "Anyone with the link can read your calendar"),
        (SECRET, "Busy only"),
        ("Dinner with Priya", "Shared in full"),
    ]
    assert {i.group for i in items} == {"Calendar"}


def test_stopping_makes_an_event_private_without_telling_the_partner(alice, bob, space):
    event = make_event(alice, space, visibility=EventVisibility.BUSY)
    run_tasks()
    item = sharing.shared_by(alice, space)[0]
    assert sharing.stop(alice, space, item.key) is True
    run_tasks()
    event.refresh_from_db()
    assert event.visibility == EventVisibility.PRIVATE
    assert not Notification.objects.filter(user=bob).exists()
    assert sharing.stop(alice, space, item.key) is False  # nothing left to stop


def test_stopping_the_feed_revokes_the_link(alice, space):
    feed_token_create(user=alice)
    assert sharing.stop(alice, space, "feed") is True
    assert not FeedToken.objects.active().exists()


def test_one_cannot_stop_the_partners_sharing(alice, bob, space):
    event = make_event(bob, space)
    assert sharing.stop(alice, space, f"event:{event.pk}") is False
    assert sharing.stop(alice, space, "event:nonsense") is False
    assert sharing.stop(alice, space, "other:1") is False
    event.refresh_from_db()
    assert event.visibility == EventVisibility.SHARED


def test_stop_all_stops_everything_including_rituals(alice, bob, space):
    make_event(alice, space)
    make_event(alice, space, visibility=EventVisibility.BUSY)
    make_ritual(alice, space, start=make_event(alice, space).start)
    feed_token_create(user=alice)
    assert sharing.stop_all(alice, space) == 5
    assert sharing.shared_by(alice, space) == []


def test_the_export_has_my_events_and_what_was_shared_with_me(alice, bob, space):
    make_event(alice, space, title="Dinner with Priya", note="Bring dessert")
    make_event(bob, space, title="Bob's concert", location="Brixton")
    make_event(
        bob,
        space,
        title=SECRET,
        location="Harley Street",
        visibility=EventVisibility.BUSY,
    )
    make_event(bob, space, title="Bob's secret", visibility=EventVisibility.PRIVATE)
    ritual = make_ritual(bob, space, start=make_event(alice, space, title="x").start)
    RitualMark.objects.create(
        event=ritual, original=ritual.start, user=alice, happened=True
    )
    data = export.export(alice)
    text = json.dumps(data)
    assert (
        SECRET not in text
        and "Harley Street" not in text
        and "Bob's secret" not in text
    )
    assert {e["title"] for e in data["events"]} == {"Dinner with Priya", "x"}
    shared = data["shared_with_me"]
    assert {e.get("title") for e in shared if not e["busy"]} == {
        "Bob's concert",
        "Date night",
    }
    (busy,) = [e for e in shared if e["busy"]]
    assert set(busy) == {
        "busy",
        "author",
        "all_day",
        "start",
        "end",
        "time_zone",
        "repeats",
        "extra_dates",
        "changed_dates",
    }
    assert busy["author"] == "Bob"
    assert data["ritual_answers"][0]["happened"] is True


def test_the_export_offers_the_calendar_as_an_ics_file(alice, bob, space):
    make_event(alice, space, title="Dinner with Priya")
    make_event(bob, space, title=SECRET, visibility=EventVisibility.BUSY)
    content = export.export_ics(alice)
    assert SECRET.encode() not in content
    summaries = sorted(
        str(e["SUMMARY"]) for e in Calendar.from_ical(content).walk("VEVENT")
    )
    assert summaries == ["Busy", "Dinner with Priya"]
    assert export.ICS_FILENAME.endswith(".ics")
