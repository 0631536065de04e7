"""Importing .ics files shaped like Google, Apple and Outlook exports."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import client_for
from troth.schedule.importer import MAX_BYTES
from troth.schedule.models import Event, EventVisibility, OccurrenceChange
from troth.schedule.recurrence import expand

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
WINDOW = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))


@pytest.fixture
def alice_in_london(alice):
    alice.timezone = "Europe/London"
    alice.save()
    return alice


def upload(user, name: str, *, data: bytes | None = None, visibility: str = "private"):
    content = data if data is not None else (FIXTURES / name).read_bytes()
    return client_for(user).post(
        "/calendar/import/",
        {
            "file": SimpleUploadedFile(name, content, content_type="text/calendar"),
            "visibility": visibility,
        },
    )


def titled(title: str) -> Event:
    """Titles are encrypted, so they are matched in Python."""
    (event,) = [
        e for e in Event.objects.prefetch_related("changes") if e.title == title
    ]
    return event


def occurrences(title: str, zone: str = "Europe/London"):
    return expand([titled(title)], *WINDOW, ZoneInfo(zone))


def wall(occs, fmt="%a %d %b %H:%M"):
    return [o.start.strftime(fmt) for o in occs]


def test_a_google_export(alice_in_london, space):
    response = upload(alice_in_london, "google.ics")
    assert response.status_code == 200
    assert b"4 events added." in response.content
    assert b"1 item skipped" in response.content  # the cancelled lunch
    assert "Lunch that was called off" not in {e.title for e in Event.objects.all()}

    # Weekly on Fridays 18:30 London, until 30 April, across the clock change
    # on 28 March; 19 March cancelled (EXDATE); 26 March moved to Saturday
    # and retitled (RECURRENCE-ID).
    date_night = occurrences("Date night")
    assert wall(date_night) == [
        "Fri 05 Mar 18:30",
        "Fri 12 Mar 18:30",
        "Sat 27 Mar 19:00",
        "Fri 02 Apr 18:30",
        "Fri 09 Apr 18:30",
        "Fri 16 Apr 18:30",
        "Fri 23 Apr 18:30",
        "Fri 30 Apr 18:30",
    ]
    assert date_night[2].title == "Date night (Saturday this time)"
    event = titled("Date night")
    assert event.location == "Dishoom, Shoreditch"
    assert event.note == "Book the table by Wednesday.\nPhones in the drawer."
    assert event.uid == "4q1k2s7l5v0d0m2b7d9e8c3f1a@google.com"
    assert event.visibility == EventVisibility.PRIVATE

    # New York time, across the US clock change on 14 March.
    calls = occurrences("Morning call with Mum", "America/New_York")
    assert wall(calls, "%d %H:%M") == [f"{d:02d} 09:00" for d in range(8, 18)]
    assert titled("Morning call with Mum").time_zone == "America/New_York"

    trip = occurrences("Long weekend in Edinburgh", "Pacific/Auckland")
    assert [(o.start.date().isoformat(), o.last_day.isoformat()) for o in trip] == [
        ("2027-04-16", "2027-04-18")
    ]
    landlord = titled("Call with the landlord")
    assert landlord.start == datetime(2027, 3, 10, 14, tzinfo=UTC)


def test_an_apple_export(alice_in_london, space):
    response = upload(alice_in_london, "apple.ics")
    assert response.status_code == 200
    assert b"3 events added." in response.content
    walk = occurrences("Sunday walk", "Europe/Paris")
    # Six Sundays from 7 March at 10:00 Paris time, 21 March cancelled, the
    # clock-change Sunday moved to 11:00 in the Bois de Vincennes, and an
    # extra date on Saturday 3 April (RDATE).
    assert wall(walk) == [
        "Sun 07 Mar 10:00",
        "Sun 14 Mar 10:00",
        "Sun 28 Mar 11:00",
        "Sat 03 Apr 10:00",
        "Sun 04 Apr 10:00",
        "Sun 11 Apr 10:00",
    ]
    assert walk[2].location == "Bois de Vincennes"
    assert titled("Sunday walk").time_zone == "Europe/Paris"
    birthday = occurrences("Lena")
    assert [o.start.date().isoformat() for o in birthday] == ["2027-02-09"]
    assert birthday[0].all_day
    # A floating time is read in the calendar's own zone (X-WR-TIMEZONE).
    cooking = titled("Cooking class")
    assert cooking.start == datetime(2027, 3, 15, 17, tzinfo=UTC)


def test_an_outlook_export_with_windows_zone_names(alice_in_london, space):
    response = upload(alice_in_london, "outlook.ics")
    assert response.status_code == 200
    assert b"3 events added." in response.content
    standup = titled("Team stand-up")
    assert standup.time_zone == "Europe/Berlin"  # "W. Europe Standard Time"
    assert standup.uid.startswith("040000008200E00074C5B7101A82E008")
    assert wall(occurrences("Team stand-up", "Europe/Berlin")) == [
        "Tue 02 Mar 09:30",
        "Tue 09 Mar 09:30",
        "Tue 23 Mar 11:00",  # moved
        "Tue 30 Mar 09:30",  # after the clock change: still 09:30 in Berlin
        "Tue 06 Apr 09:30",
        "Tue 13 Apr 09:30",
        "Tue 20 Apr 09:30",
        "Tue 27 Apr 09:30",
    ]
    # A custom VTIMEZONE with US Eastern rules becomes America/New_York.
    office = titled("Call with the New York office")
    assert office.time_zone == "America/New_York"
    assert wall(occurrences("Call with the New York office", "UTC"), "%d %H:%M") == [
        "11 19:00",  # EST
        "18 18:00",  # EDT from 14 March
        "25 18:00",
    ]
    easter = occurrences("Easter Monday off", "America/Los_Angeles")
    assert [(o.start.date().isoformat(), o.all_day) for o in easter] == [
        ("2027-04-05", True)
    ]


def test_importing_the_same_file_twice_adds_nothing(alice_in_london, space):
    for name in ("google.ics", "apple.ics", "outlook.ics"):
        upload(alice_in_london, name)
    events, changes = Event.objects.count(), OccurrenceChange.objects.count()
    for name in ("google.ics", "apple.ics", "outlook.ics"):
        response = upload(alice_in_london, name)
        assert b"0 events added." in response.content
        assert b"already here and unchanged" in response.content
    assert (Event.objects.count(), OccurrenceChange.objects.count()) == (
        events,
        changes,
    )


def test_a_changed_file_updates_what_changed_and_keeps_visibility(
    alice_in_london, space
):
    upload(alice_in_london, "google.ics", visibility="busy")
    changed = (
        (FIXTURES / "google.ics")
        .read_bytes()
        .replace(
            b"SUMMARY:Call with the landlord", b"SUMMARY:Call with the new landlord"
        )
    )
    response = upload(alice_in_london, "google.ics", data=changed, visibility="shared")
    assert b"0 events added." in response.content
    assert b"1 updated." in response.content
    event = Event.objects.get(uid="9z8y7x6w5v4u3t2s1r0q9p8o7n@google.com")
    assert event.title == "Call with the new landlord"
    assert event.visibility == EventVisibility.BUSY


def test_imported_events_are_private_unless_chosen(alice_in_london, bob, space):
    upload(alice_in_london, "outlook.ics", visibility="busy")
    page = client_for(bob).get("/calendar/agenda/2027/3/1/").content.decode()
    assert "Busy" in page
    assert "Team stand-up" not in page and "Teams Meeting" not in page


BAD = {
    "not a calendar": (
        b"\x89PNG\r\n\x1a\n" + b"0" * 64,
        "That isn't an iCalendar (.ics) file",
    ),
    "cut short": (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270101T100000Z",
        "damaged or incomplete",
    ),
    "bad date": (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20271301T250000\r\n"
        b"SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "dates or a repeat rule Troth can",
    ),
    "bad rule": (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270101T100000Z\r\n"
        b"RRULE:FREQ=SOMETIMES\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "dates or a repeat rule Troth can",
    ),
    "only to-dos": (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:a\r\nSUMMARY:x\r\nEND:VTODO\r\n"
        b"END:VCALENDAR\r\n",
        "There are no events in this file",
    ),
    "end before start": (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270101T100000Z\r\n"
        b"DTEND:20270101T090000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "an event ends before it starts",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_file_gets_a_clear_message_and_imports_nothing(
    alice_in_london, space, case
):
    data, message = BAD[case]
    response = upload(alice_in_london, "bad.ics", data=data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Event.objects.exists()


def test_one_unsupported_event_stops_the_whole_file(alice_in_london, space):
    google = (FIXTURES / "google.ics").read_bytes()
    unsupported = google.replace(
        b"RECURRENCE-ID;TZID=Europe/London:20270326T183000",
        b"RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20270326T183000",
    )
    response = upload(alice_in_london, "google.ics", data=unsupported)
    assert response.status_code == 400
    assert b"RANGE=THISANDFUTURE" in response.content
    assert not Event.objects.exists()  # the four good events were not imported either


def test_a_file_over_the_limit_is_refused(alice_in_london, space):
    big = (
        b"BEGIN:VCALENDAR\r\n" + b"X-PAD:" + b"a" * MAX_BYTES + b"\r\nEND:VCALENDAR\r\n"
    )
    response = upload(alice_in_london, "big.ics", data=big)
    assert response.status_code == 400
    assert b"larger than 5 MB" in response.content
    assert not Event.objects.exists()


def test_no_file_is_refused(alice_in_london, space):
    response = client_for(alice_in_london).post(
        "/calendar/import/", {"visibility": "private"}
    )
    assert response.status_code == 400
    assert b"Choose a .ics file to import." in response.content


def test_an_old_outlook_file_in_windows_1252_is_read(alice_in_london, space):
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cafe\r\n"
        "DTSTART:20270101T100000Z\r\nSUMMARY:Caf\xe9 with Zo\xeb\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode("cp1252")
    assert upload(alice_in_london, "old.ics", data=data).status_code == 200
    assert Event.objects.get().title == "Café with Zoë"


def test_an_event_without_a_uid_is_matched_on_a_second_import(alice_in_london, space):
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20270101T100000Z\r\n"
        b"SUMMARY:No UID here\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    upload(alice_in_london, "a.ics", data=data)
    upload(alice_in_london, "a.ics", data=data)
    assert Event.objects.count() == 1


def test_the_partners_import_of_the_same_file_is_their_own(alice_in_london, bob, space):
    upload(alice_in_london, "apple.ics")
    upload(bob, "apple.ics")
    assert Event.objects.filter(author=alice_in_london).count() == 3
    assert Event.objects.filter(author=bob).count() == 3


def test_an_event_in_the_far_future_stops_the_file(alice_in_london, space):
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:far\r\nDTSTART;VALUE=DATE:99991231\r\n"
        b"SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    response = upload(alice_in_london, "far.ics", data=data)
    assert response.status_code == 400
    assert not Event.objects.exists()
