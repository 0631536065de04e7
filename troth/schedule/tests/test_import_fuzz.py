"""Calendar files with what a fuzzer (or a careless exporter) puts in them.

Each file either imports, with what it says kept as far as Troth can keep
it and a message saying what was cut, or gets a clear message and changes
nothing: never a server error. PostgreSQL refuses a NUL in text and a value
longer than its column, where SQLite stores both silently, so `make test`
runs these on both databases (DATABASE_URL=postgres://… for the second).
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from conftest import client_for
from troth.schedule.importer import LOCATION_MAX, NOTE_MAX, TITLE_MAX, UID_MAX
from troth.schedule.models import Event, OccurrenceChange
from troth.schedule.recurrence import MAX_OCCURRENCES, MAX_RULE_LENGTH

pytestmark = pytest.mark.django_db


def calendar(*lines: str) -> bytes:
    body = "\r\n".join(lines)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\n"
        f"{body}\r\nEND:VCALENDAR\r\n"
    ).encode()


def event(*lines: str, uid: str = "fuzz@example.com") -> str:
    return "\r\n".join(
        [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            "DTSTART:20270105T180000Z",
            "DTEND:20270105T190000Z",
            *lines,
            "END:VEVENT",
        ]
    )


def upload(user, data: bytes):
    response = client_for(user).post(
        "/calendar/import/",
        {
            "file": SimpleUploadedFile("fuzz.ics", data, content_type="text/calendar"),
            "visibility": "private",
        },
    )
    assert response.status_code < 500
    return response


def text_of(response) -> str:
    return (
        response.content.decode()
        .replace("&#x27;", "'")
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
    )


def only_event() -> Event:
    (found,) = Event.objects.all()
    return found


def test_it_runs_on_the_database_it_was_asked_for():
    # Says which engine a run used, so a run's log shows both were tried.
    assert connection.vendor in ("sqlite", "postgresql")


def test_a_nul_in_a_uid_is_dropped(alice, space):
    data = calendar(event("SUMMARY:Dinner", uid="fuzz\x00@example.com"))
    assert upload(alice, data).status_code == 200
    assert only_event().uid == "fuzz@example.com"
    # And the next import of the same file finds it again.
    response = upload(alice, data)
    assert b"1 already here and unchanged." in response.content
    assert Event.objects.count() == 1


@pytest.mark.parametrize("name", ["SUMMARY", "LOCATION", "DESCRIPTION"])
def test_a_nul_in_any_text_is_dropped(alice, space, name):
    lines = [] if name == "SUMMARY" else ["SUMMARY:Dinner"]
    data = calendar(event(*lines, f"{name}:Caf\x00é\x00 at \x00nine"))
    assert upload(alice, data).status_code == 200
    stored = only_event()
    field = {"SUMMARY": "title", "LOCATION": "location", "DESCRIPTION": "note"}[name]
    assert getattr(stored, field) == "Café at nine"


def test_a_nul_in_a_moved_date_and_in_a_zone_name_is_dropped(alice, space):
    data = calendar(
        event(
            "SUMMARY:Weekly",
            "RRULE:FREQ=WEEKLY;COUNT=4",
        ),
        "\r\n".join(
            [
                "BEGIN:VEVENT",
                "UID:fuzz@example.com",
                "RECURRENCE-ID:20270112T180000Z",
                "DTSTART;TZID=Europe/Lon\x00don:20270112T200000",
                "DTEND;TZID=Europe/Lon\x00don:20270112T210000",
                "SUMMARY:Moved\x00 once",
                "END:VEVENT",
            ]
        ),
    )
    assert upload(alice, data).status_code == 200
    change = OccurrenceChange.objects.get()
    assert change.title == "Moved once"


def test_a_rule_longer_than_its_column_is_refused(alice, space):
    days = ",".join(str(n) for n in range(1, 29))
    months = ",".join(str(n) for n in range(1, 13))
    long_rule = (
        f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={days},-1,-2,-3;"
        f"BYYEARDAY={','.join(str(n) for n in range(1, 120))}"
    )
    assert len(long_rule) > MAX_RULE_LENGTH
    response = upload(alice, calendar(event("SUMMARY:Often", f"RRULE:{long_rule}")))
    assert response.status_code == 400
    assert (
        f"Nothing was imported: an event's repeat rule is longer than "
        f"{MAX_RULE_LENGTH} characters (“Often”)" in text_of(response)
    )
    assert not Event.objects.exists()


def test_a_uid_longer_than_its_column_is_kept_apart_and_found_again(alice, space):
    # Two UIDs that differ only after the column's length stay two events.
    first = "x" * 300 + "-first"
    second = "x" * 300 + "-second"
    data = calendar(
        event("SUMMARY:One", uid=first),
        event("SUMMARY:Two", uid=second),
    )
    assert upload(alice, data).status_code == 200
    uids = set(Event.objects.values_list("uid", flat=True))
    assert len(uids) == 2
    assert all(len(uid) <= UID_MAX for uid in uids)
    assert b"2 already here and unchanged." in upload(alice, data).content
    assert Event.objects.count() == 2


def test_an_override_of_an_unexported_series_with_a_long_uid(alice, space):
    data = calendar(
        "\r\n".join(
            [
                "BEGIN:VEVENT",
                f"UID:{'y' * 250}",
                "RECURRENCE-ID:20270112T180000Z",
                "DTSTART:20270112T200000Z",
                "DTEND:20270112T210000Z",
                "SUMMARY:Lonely",
                "END:VEVENT",
            ]
        )
    )
    assert upload(alice, data).status_code == 200
    assert len(only_event().uid) <= UID_MAX


def test_a_changed_date_given_twice_without_its_series_is_one_event(alice, space):
    override = "\r\n".join(
        [
            "BEGIN:VEVENT",
            "UID:twice@example.com",
            "RECURRENCE-ID:20270112T180000Z",
            "DTSTART:20270112T200000Z",
            "DTEND:20270112T210000Z",
            "SUMMARY:Moved",
            "END:VEVENT",
        ]
    )
    assert upload(alice, calendar(override, override)).status_code == 200
    assert only_event().title == "Moved"


@pytest.mark.parametrize(
    ("name", "limit"),
    [("SUMMARY", TITLE_MAX), ("LOCATION", LOCATION_MAX), ("DESCRIPTION", NOTE_MAX)],
)
def test_over_long_words_are_cut_and_the_person_is_told(alice, space, name, limit):
    words = "Long words. " * (limit // 10)
    lines = (
        [f"{name}:{words}"] if name == "SUMMARY" else ["SUMMARY:x", f"{name}:{words}"]
    )
    response = upload(alice, calendar(event(*lines)))
    assert response.status_code == 200
    field = {"SUMMARY": "title", "LOCATION": "location", "DESCRIPTION": "note"}[name]
    assert len(getattr(only_event(), field)) == limit
    assert "The title, place or note of 1 event was longer than Troth keeps" in text_of(
        response
    )


def test_words_within_the_limits_say_nothing_was_cut(alice, space):
    response = upload(alice, calendar(event("SUMMARY:Short")))
    assert b"longer than Troth keeps" not in response.content


def test_too_many_extra_dates_are_refused(alice, space):
    dates = ",".join(
        f"2027{month:02}{day:02}T180000Z"
        for month in range(1, 13)
        for day in range(1, 29)
    )
    many = ",".join([dates] * (MAX_OCCURRENCES // 336 + 1))
    response = upload(alice, calendar(event("SUMMARY:Dates", f"RDATE:{many}")))
    assert response.status_code == 400
    assert f"an event lists more than {MAX_OCCURRENCES} extra dates" in text_of(
        response
    )
    assert not Event.objects.exists()


def test_too_many_skipped_dates_are_refused(alice, space):
    skipped = [
        f"EXDATE:2027{month:02}{day:02}T180000Z"
        for month in range(1, 13)
        for day in range(1, 29)
    ]
    lines = ["SUMMARY:Skips", "RRULE:FREQ=DAILY"] + skipped * (
        MAX_OCCURRENCES // len(skipped) + 1
    )
    # The same dates again are still one change each...
    assert upload(alice, calendar(event(*lines))).status_code == 200
    Event.objects.all().delete()
    # ...but more distinct ones than the cap are refused.
    distinct = [
        f"EXDATE:{year}{month:02}{day:02}T180000Z"
        for year in range(2027, 2045)
        for month in range(1, 13)
        for day in range(1, 29)
    ]
    response = upload(
        alice, calendar(event("SUMMARY:Skips", "RRULE:FREQ=DAILY", *distinct))
    )
    assert response.status_code == 400
    assert f"more than {MAX_OCCURRENCES} changed or skipped dates" in text_of(response)
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "line",
    [
        "RRULE:FREQ=DAILY;INTERVAL=0",
        "RRULE:FREQ=DAILY;COUNT=-3",
        "RRULE:FREQ=FORTNIGHTLY",
        "RRULE:FREQ=WEEKLY;BYDAY=XX",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=40",
        "RRULE:FREQ=YEARLY;UNTIL=notadate",
        "RRULE:\x00",
        "RDATE:99999999T999999Z",
        "EXDATE:20270101",
        "DTSTART:00000000T000000Z",
    ],
)
def test_a_garbled_line_gets_a_message_and_changes_nothing(alice, space, line):
    response = upload(alice, calendar(event("SUMMARY:Garbled", line)))
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert b"Nothing was imported" in response.content or b"can't read" in (
            response.content.replace(b"&#x27;", b"'")
        )
        assert not Event.objects.exists()
