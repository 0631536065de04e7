"""The subscription feed: a secret, revocable link, and an ICS round trip."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import recurring_ical_events
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from conftest import client_for, confirmed_client_for
from troth.schedule.ics import export_ics, feed_ics
from troth.schedule.models import Event, EventVisibility, FeedToken, OccurrenceChange
from troth.schedule.recurrence import expand
from troth.schedule.services import feed_token_create, hash_feed_token
from troth.schedule.tests.helpers import at, make_all_day, make_event, make_ritual, rule
from troth.spaces import services as spaces

pytestmark = pytest.mark.django_db

SECRET = "Appointment with Dr Okafor"


def feed_path(token: str) -> str:
    return f"/calendar/feed/{token}.ics"


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_it_makes_a_link_and_shows_it_once(alice, space):
    client = client_for(alice)
    response = client.post("/calendar/subscribe/new")
    assert response.status_code == 200
    link = re.search(rb'value="(http[^"]+\.ics)"', response.content).group(1).decode()
    token = link.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 43  # 256 random bits, URL-safe base64
    feed = FeedToken.objects.get()
    assert feed.token_hash == hash_feed_token(token)
    assert token not in feed.token_hash
    assert b"webcal://" in response.content
    # Only the hash is kept: the page afterwards can't show the link again.
    assert token.encode() not in client.get("/calendar/subscribe/").content


def test_the_feed_needs_no_session_and_is_never_cached_publicly(alice, space):
    make_event(alice, space, title="Dinner with Priya")
    _, token = feed_token_create(user=alice)
    response = Client().get(feed_path(token))
    calendar = parse(response)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Dinner with Priya"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_the_token_is_not_a_session(alice, space):
    _, token = feed_token_create(user=alice)
    client = Client()
    client.get(feed_path(token))
    assert client.get("/calendar/").status_code == 302  # still signed out
    assert client.get(f"/calendar/?token={token}").status_code == 302


def test_revoking_ends_the_feed_at_once(alice, space):
    _, token = feed_token_create(user=alice)
    assert Client().get(feed_path(token)).status_code == 200
    response = client_for(alice).post("/calendar/subscribe/revoke")
    assert response.status_code == 302
    assert Client().get(feed_path(token)).status_code == 404


def test_a_new_link_replaces_the_old_one(alice, space):
    _, old = feed_token_create(user=alice)
    _, new = feed_token_create(user=alice)
    assert Client().get(feed_path(old)).status_code == 404
    assert Client().get(feed_path(new)).status_code == 200


@pytest.mark.parametrize(
    "token", ["nope", "x" * 43, "A" * 200, "%00", "../../etc/passwd"]
)
def test_a_wrong_token_is_not_found(alice, space, token):
    feed_token_create(user=alice)
    assert Client().get(f"/calendar/feed/{token}.ics").status_code == 404


def test_a_deactivated_account_has_no_feed(alice, space):
    _, token = feed_token_create(user=alice)
    alice.is_active = False
    alice.save()
    assert Client().get(feed_path(token)).status_code == 404


def test_it_holds_my_events_and_what_my_partner_shares_busy_as_busy(alice, bob, space):
    make_event(bob, space, title="My own dentist", visibility=EventVisibility.PRIVATE)
    make_event(alice, space, title="Dinner with Priya", location="Brixton")
    make_event(
        alice,
        space,
        title=SECRET,
        location="Harley Street",
        note="sleep",
        visibility=EventVisibility.BUSY,
        rrule=rule(freq="WEEKLY", count=3),
    )
    busy = Event.objects.get(visibility=EventVisibility.BUSY)
    OccurrenceChange.objects.create(
        event=busy,
        original=busy.start + timedelta(weeks=1),
        start=busy.start + timedelta(weeks=1, hours=1),
        end=busy.start + timedelta(weeks=1, hours=3),
        title="Moved: " + SECRET,
    )
    make_event(alice, space, title="Alice's secret", visibility=EventVisibility.PRIVATE)
    _, token = feed_token_create(user=bob)
    response = Client().get(feed_path(token))
    text = response.content.decode()
    for secret in (SECRET, "Harley Street", "sleep", "Alice's secret", busy.uid):
        assert secret not in text
    summaries = sorted(str(e["SUMMARY"]) for e in parse(response).walk("VEVENT"))
    assert summaries == ["Busy", "Busy", "Dinner with Priya", "My own dentist"]


def test_a_partner_who_left_takes_their_shared_events_out_of_the_feed(
    alice, bob, space
):
    make_event(alice, space, title="Dinner with Priya")
    _, token = feed_token_create(user=bob)
    spaces.space_leave(membership=bob.memberships.get())
    calendar = parse(Client().get(feed_path(token)))
    assert not calendar.walk("VEVENT")


def build_calendar(alice, space):
    """A calendar with every shape the feed must carry."""
    london = make_event(
        alice,
        space,
        title="Date night",
        start=at(date(2027, 3, 19), "19:30", "Europe/London"),
        hours=2.5,
        rrule=rule(freq="WEEKLY", count=6),
        location="The usual place",
        note="Phones away",
    )
    second = at(date(2027, 3, 26), "19:30", "Europe/London").astimezone(UTC)
    third = at(date(2027, 4, 2), "19:30", "Europe/London").astimezone(UTC)
    OccurrenceChange.objects.create(event=london, original=second, cancelled=True)
    OccurrenceChange.objects.create(
        event=london,
        original=third,
        start=third + timedelta(days=1),
        end=third + timedelta(days=1, hours=2),
        title="Date night, Saturday edition",
    )
    make_event(
        alice,
        space,
        title="Call with Mum",
        start=at(date(2027, 3, 1), "08:00", "America/New_York"),
        rrule=rule(freq="DAILY", until=datetime(2027, 3, 20, 12, tzinfo=UTC)),
    )
    make_all_day(alice, space, date(2027, 4, 10), 3, title="Trip to Keswick")
    make_all_day(
        alice,
        space,
        date(2027, 2, 9),
        1,
        title="Lena's birthday",
        rrule=rule(freq="YEARLY"),
    )
    make_event(
        alice, space, title="Dentist", start=at(date(2027, 3, 3), "09:15", "UTC")
    )


def test_events_exported_by_the_feed_parse_back_as_the_source(alice, space):
    alice.timezone = "Europe/London"
    alice.save()
    build_calendar(alice, space)
    _, token = feed_token_create(user=alice)
    calendar = parse(Client().get(feed_path(token)))

    by_uid = {}
    for component in calendar.walk("VEVENT"):
        by_uid.setdefault(str(component["UID"]), []).append(component)
    for event in Event.objects.prefetch_related("changes"):
        masters = [c for c in by_uid[event.uid] if "RECURRENCE-ID" not in c]
        assert len(masters) == 1
        master = masters[0]
        assert str(master["SUMMARY"]) == event.title
        assert str(master.get("LOCATION", "")) == event.location
        assert str(master.get("DESCRIPTION", "")) == event.note
        if event.all_day:
            assert master.start == event.start.date()
            assert master.end == event.end.date()
        else:
            assert master.start == event.start
            assert master.end == event.end
            assert master.start.tzinfo.key == event.time_zone  # zone kept
        if event.rrule:
            assert master["RRULE"].to_ical().decode() == event.rrule
        cancelled = {c.original for c in event.changes.all() if c.cancelled}
        exported = {(d if isinstance(d, datetime) else d) for d in master.exdates}
        assert {d.astimezone(UTC) for d in exported} == cancelled
        overrides = [c for c in by_uid[event.uid] if "RECURRENCE-ID" in c]
        moved = [c for c in event.changes.all() if c.moved]
        assert len(overrides) == len(moved)
        for override, change in zip(overrides, moved, strict=True):
            assert override["RECURRENCE-ID"].dt == change.original
            assert override.start == change.start
            assert str(override["SUMMARY"]) == change.title

    # An independent expansion of the feed gives the same occurrences as
    # Troth's own.
    start, end = datetime(2027, 1, 1, tzinfo=UTC), datetime(2029, 12, 31, tzinfo=UTC)
    theirs = sorted(
        (
            str(c["UID"]),
            c.start if isinstance(c.start, datetime) else c.start.isoformat(),
            str(c["SUMMARY"]),
        )
        for c in recurring_ical_events.of(calendar).between(start, end)
    )
    zone = alice.tz
    ours = sorted(
        (
            o.event.uid,
            o.start.date().isoformat() if o.all_day else o.start,
            o.title,
        )
        for o in expand(Event.objects.prefetch_related("changes"), start, end, zone)
    )
    assert theirs == ours
    assert (
        len(ours) == 5 + 20 + 1 + 3 + 1
    )  # date night, calls, trip, birthdays, dentist


def test_the_download_holds_the_whole_calendar(alice, space):
    make_event(
        alice, space, title="Long ago", start=timezone.now() - timedelta(days=800)
    )
    make_event(alice, space, title="Soon")
    assert "Long ago" not in feed_ics(alice).decode()  # the feed keeps a year
    text = export_ics(alice).decode()
    assert "Long ago" in text and "Soon" in text
    response = confirmed_client_for(alice).get("/calendar/export.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"Soon" in response.content


def test_a_ritual_is_in_the_feed(alice, bob, space):
    make_ritual(alice, space, start=at(date(2027, 1, 1), "19:30", "Europe/London"))
    _, token = feed_token_create(user=bob)
    (component,) = parse(Client().get(feed_path(token))).walk("VEVENT")
    assert str(component["SUMMARY"]) == "Date night"
    assert "FREQ=WEEKLY" in component["RRULE"].to_ical().decode()
