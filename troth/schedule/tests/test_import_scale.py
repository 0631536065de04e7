"""Large calendar files, and files in UTF-16.

A 5,000-event file used to take 18 to 77 seconds in one request, nearly all
of it spent listing the time zones on disk once per event and matching a
custom VTIMEZONE to an IANA zone once per event. Each zone is now resolved
once per file, and the rows are written in batches; the timing itself is in
benchmarks/ics_import.py and docs/benchmarks.md, since a timed test proves
nothing on a fast machine and fails on a slow one. These tests pin the
work instead: zones resolved once, queries that don't grow with the file.
"""

from __future__ import annotations

import zoneinfo
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from troth.schedule import importer
from troth.schedule.models import Event, OccurrenceChange
from troth.schedule.services import calendar_import
from troth.schedule.tests.test_import_fuzz import text_of, upload

pytestmark = pytest.mark.django_db

CUSTOM_ZONE = """BEGIN:VTIMEZONE
TZID:Customized Time Zone
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE"""


def big_file(events: int, *, title: str = "Stand-up") -> bytes:
    """`events` events in a custom zone in one year, every third a weekly
    series with one date skipped and one moved."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", *CUSTOM_ZONE.splitlines()]
    written = n = 0
    while written < events:
        n += 1
        written += 1
        day = f"2027{(n % 12) + 1:02}{(n % 28) + 1:02}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:big-{n}@example.com",
            f"DTSTART;TZID=Customized Time Zone:{day}T090000",
            f"DTEND;TZID=Customized Time Zone:{day}T093000",
            f"SUMMARY:{title} {n}",
        ]
        if n % 3 == 0:
            lines += [
                "RRULE:FREQ=WEEKLY;COUNT=10",
                f"EXDATE;TZID=Customized Time Zone:{day}T090000",
            ]
        lines.append("END:VEVENT")
        if n % 3 == 0 and written < events:
            written += 1
            lines += [
                "BEGIN:VEVENT",
                f"UID:big-{n}@example.com",
                f"RECURRENCE-ID;TZID=Customized Time Zone:{day}T090000",
                f"DTSTART;TZID=Customized Time Zone:{day}T110000",
                f"DTEND;TZID=Customized Time Zone:{day}T113000",
                f"SUMMARY:{title} {n} (later)",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def test_each_zone_is_resolved_once_per_file(alice, space):
    listed = mock.Mock(wraps=zoneinfo.available_timezones)
    matched = mock.Mock(wraps=importer._zone_by_offsets)
    importer.known_zones.cache_clear()
    with (
        mock.patch.object(zoneinfo, "available_timezones", listed),
        mock.patch.object(importer, "_zone_by_offsets", matched),
    ):
        result = calendar_import(
            space=space, author=alice, data=big_file(300), visibility="private"
        )
    assert result.added == 225
    # Once for the process (by Troth, and by icalendar the first time it
    # meets a VTIMEZONE), not once per event (300 before).
    assert listed.call_count <= 2
    # One custom zone, all in one year: matched once (300 before).
    assert matched.call_count == 1
    event = Event.objects.filter(uid="big-1@example.com").get()
    assert event.time_zone == "America/New_York"


def test_the_queries_do_not_grow_with_the_file(alice, bob, space):
    with CaptureQueriesContext(connection) as small:
        calendar_import(
            space=space, author=alice, data=big_file(30), visibility="private"
        )
    with CaptureQueriesContext(connection) as large:
        calendar_import(
            space=space, author=bob, data=big_file(400), visibility="private"
        )
    assert Event.objects.filter(author=bob).count() == 300
    assert len(large) == len(small)


def test_importing_a_large_file_again_adds_and_writes_nothing(alice, space):
    data = big_file(600)
    first = calendar_import(space=space, author=alice, data=data, visibility="private")
    changes = OccurrenceChange.objects.count()
    with CaptureQueriesContext(connection) as queries:
        second = calendar_import(
            space=space, author=alice, data=data, visibility="private"
        )
    assert (second.added, second.updated, second.unchanged) == (0, 0, first.added)
    assert Event.objects.count() == first.added
    assert OccurrenceChange.objects.count() == changes
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
        and "schedule_" in q["sql"]
    ]
    assert writes == []


UTF16_TEXT = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:utf16@example.com\r\n"
    "DTSTART:20270105T180000Z\r\nDTEND:20270105T190000Z\r\n"
    "SUMMARY:Café with Zoë 🎂\r\nLOCATION:Straße 5\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.mark.parametrize(
    "encoding",
    ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be"],
)
def test_a_file_in_utf16_imports(alice, space, encoding):
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + UTF16_TEXT.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + UTF16_TEXT.encode("utf-16-be")
    else:
        data = UTF16_TEXT.encode(encoding)
    assert upload(alice, data).status_code == 200
    event = Event.objects.get()
    assert (event.title, event.location) == ("Café with Zoë 🎂", "Straße 5")


@pytest.mark.parametrize("mark", [b"\xff\xfe", b""])
def test_a_damaged_utf16_file_gets_a_precise_message(alice, space, mark):
    # Cut in the middle of the birthday cake's surrogate pair.
    whole = mark + UTF16_TEXT.encode("utf-16-le")
    cut = whole[: whole.index("🎂".encode("utf-16-le")) + 2]
    response = upload(alice, cut)
    assert response.status_code == 400
    assert "This file is saved as UTF-16 and part of it can't be read" in text_of(
        response
    )
    assert not Event.objects.exists()
