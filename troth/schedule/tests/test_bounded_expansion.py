"""A repeat rule can't take the host down.

An imported RRULE:FREQ=SECONDLY with no end used to make every page that
shows the calendar step through it one second at a time, from its first
date to the page's window and through the window: a core at 100 % and
gigabytes of memory for one request. Now the importer and the form keep only
rules that repeat at most daily and fall on a date at least every few
years, and every expansion starts shortly before the window it is asked for
and steps at most MAX_OCCURRENCES times, whatever a stored rule says.

The work a request does is measured by counting the Python function calls
it makes (and memory by tracemalloc's peak) and compared with the same
request when the calendar holds an ordinary daily event: not by wall-clock
time, which flakes on a busy machine.
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from conftest import client_for
from troth.schedule import ics
from troth.schedule.models import Event, EventVisibility
from troth.schedule.recurrence import MAX_OCCURRENCES, expand, series_end
from troth.schedule.services import EventFields, event_update, feed_token_create
from troth.schedule.stats import ritual_follow_through
from troth.schedule.tasks import ask_ritual_outcomes, remind_upcoming
from troth.schedule.tests.helpers import make_event

pytestmark = pytest.mark.django_db

FINE_RULES = ["FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY"]
# Rules that (almost) never fall on a date: finding the next date steps
# through the calendar day by day to the year 9999.
EMPTY_RULES = [
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31;BYDAY=MO",
    "FREQ=DAILY;INTERVAL=5000",
]

# A request may make this many more Python calls than the same request
# with an ordinary daily event in the calendar (rendering varies a little
# with what is shown), and use this much more memory. The unbounded
# expansion made tens of millions of calls.
EXTRA_CALLS = 300_000
EXTRA_BYTES = 16 * 1024 * 1024


class TooMuchWork(Exception):
    pass


def work(fn) -> tuple[int, int]:
    """(Python calls made, peak bytes allocated) while `fn` runs; stops it
    with TooMuchWork far past any bound, so an unbounded expansion fails
    the test instead of hanging it."""
    calls = 0
    limit = 20 * EXTRA_CALLS

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1
            if calls > limit:
                raise TooMuchWork(f"more than {limit} calls")

    tracemalloc.start()
    sys.setprofile(count)
    try:
        fn()
    finally:
        sys.setprofile(None)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return calls, peak


def ics_file(rule: str, *, start: str = "20200106T090000Z", kind: str = "") -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:tick@example.com\r\n"
        f"DTSTART:{start}\r\nDURATION:PT1S\r\nRRULE:{rule}\r\n"
        f"SUMMARY:Tick{kind}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def upload(user, data: bytes):
    return client_for(user).post(
        "/calendar/import/",
        {
            "file": SimpleUploadedFile("tick.ics", data, content_type="text/calendar"),
            "visibility": "shared",
        },
    )


@pytest.mark.parametrize("rule", FINE_RULES)
def test_it_refuses_to_import_a_rule_finer_than_daily(alice, space, rule):
    response = upload(alice, ics_file(rule))
    assert response.status_code == 400
    text = response.content.decode().replace("&#x27;", "'")
    assert "Nothing was imported: an event repeats more often than once a day" in text
    assert rule.split("=")[1] in text
    assert "“Tick”" in text.replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert not Event.objects.exists()


@pytest.mark.parametrize("rule", EMPTY_RULES)
def test_it_refuses_to_import_a_rule_that_falls_on_no_date(alice, space, rule):
    response = upload(alice, ics_file(rule))
    assert response.status_code == 400
    assert b"falls on no date, or only years apart" in response.content
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=DAILY;BYHOUR=9,10", "repeats several times a day (BYHOUR)"),
        ("FREQ=DAILY;BYMINUTE=0,30", "repeats several times a day (BYMINUTE)"),
        (f"FREQ=DAILY;COUNT={MAX_OCCURRENCES + 1}", "repeats more than 5000 times"),
    ],
)
def test_it_refuses_to_import_a_rule_past_the_cap(alice, space, rule, message):
    response = upload(alice, ics_file(rule))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_it_still_imports_the_rules_calendar_apps_write(alice, space):
    rules = [
        "FREQ=DAILY;INTERVAL=2",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20301231T000000Z",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        f"FREQ=DAILY;COUNT={MAX_OCCURRENCES}",
        "FREQ=DAILY;BYHOUR=9",
    ]
    for n, rule in enumerate(rules):
        data = ics_file(rule).replace(b"UID:tick", f"UID:tick{n}".encode())
        assert upload(alice, data).status_code == 200, rule
    assert Event.objects.count() == len(rules)


def test_the_form_refuses_a_kept_rule_finer_than_daily(alice, space):
    # An event stored before the check (or by hand) keeps its rule until
    # someone saves it: then the rule must be one Troth offers.
    event = make_event(alice, space)
    Event.objects.filter(pk=event.pk).update(rrule="FREQ=MINUTELY")
    event.refresh_from_db()
    with pytest.raises(Exception, match="repeat rule doesn't work"):
        event_update(
            event=event,
            by=alice,
            fields=EventFields(
                title="Tick",
                start=event.start,
                end=event.end,
                time_zone="UTC",
                rrule=event.rrule,
                visibility=EventVisibility.SHARED,
            ),
        )
    event.refresh_from_db()
    assert event.title == "Dinner with Priya"


def stored(alice, space, rule: str, *, kind: str = Event.Kind.EVENT) -> Event:
    """A row holding `rule` as an older Troth could have stored it: the
    checks above never saw it."""
    start = datetime(2020, 1, 6, 9, tzinfo=UTC)
    return Event.objects.create(
        space=space,
        author=alice,
        title="Tick",
        start=start,
        end=start + timedelta(seconds=1),
        time_zone="Europe/London",
        rrule=rule,
        kind=kind,
        visibility=EventVisibility.SHARED,
        imported=True,
        # As the migration that added them left such rows: looked at by
        # the jobs' next run.
        next_reminder_at=timezone.now(),
        next_ask_at=timezone.now() if kind == Event.Kind.RITUAL else None,
    )


def pages(alice, bob, event: Event, ritual: Event):
    """Everything that expands the calendar: every page both partners see,
    the feed, the export, the reminder jobs, the figures."""
    now = timezone.now()
    _feed, token = feed_token_create(user=bob)
    when = event.start.strftime("%Y%m%dT%H%M%SZ")
    urls = {
        "dashboard": "/",
        "agenda": "/calendar/",
        "week": "/calendar/week/",
        "month": "/calendar/month/",
        "this month": f"/calendar/month/{now.year}/{now.month}/",
        "rituals": "/calendar/rituals/",
        "event page": f"/calendar/events/{event.pk}/",
        "first date": f"/calendar/events/{event.pk}/at/{when}/",
        "ritual page": f"/calendar/events/{ritual.pk}/",
        "insights": "/insights/",
    }
    steps: list[tuple[str, Callable[[], object]]] = []
    for user in (alice, bob):
        client = client_for(user)
        steps += [
            (f"{user} {name}", partial(client.get, url)) for name, url in urls.items()
        ]
    owner = client_for(alice)
    steps += [
        ("edit", partial(owner.get, f"/calendar/events/{ritual.pk}/edit")),
        # The feed is read by a calendar app, signed in as nobody.
        ("feed", partial(Client().get, f"/calendar/feed/{token}.ics")),
        ("export", partial(ics.export_ics, alice)),
        ("reminders", remind_upcoming.call),
        ("ritual questions", ask_ritual_outcomes.call),
        (
            "follow-through",
            partial(ritual_follow_through, event.space, now - timedelta(days=90), now),
        ),
    ]
    return steps


def measure(alice, bob, space, rule: str) -> dict[str, tuple[int, int]]:
    Event.objects.all().delete()
    event = stored(alice, space, rule)
    ritual = stored(alice, space, rule, kind=Event.Kind.RITUAL)
    found = {}
    for name, step in pages(alice, bob, event, ritual):
        result: list = []
        found[name] = work(lambda s=step, r=result: r.append(s()))
        response = result[0]
        status = getattr(response, "status_code", 200)
        assert status == 200, (name, status)
    return found


# The ordinary daily event's figures, measured once per test process (the
# first measurement also pays for compiling templates, which only makes the
# comparison more lenient, never stricter).
_baseline: dict[str, tuple[int, int]] = {}


@pytest.mark.parametrize("rule", [*FINE_RULES, *EMPTY_RULES])
def test_every_page_answers_with_bounded_work_whatever_a_stored_rule_says(
    alice, bob, space, rule
):
    # One rule a test, so parallel runs spread them.
    if not _baseline:
        _baseline.update(measure(alice, bob, space, "FREQ=DAILY"))
    hostile = measure(alice, bob, space, rule)
    for name, (calls, peak) in hostile.items():
        base_calls, base_peak = _baseline[name]
        assert calls <= base_calls + EXTRA_CALLS, (rule, name, calls, base_calls)
        assert peak <= base_peak + EXTRA_BYTES, (rule, name, peak, base_peak)


def test_a_stored_rule_finer_than_daily_shows_once(alice, space):
    # A month of seconds would be 2.6 million occurrences: a rule Troth no
    # longer takes shows on its first date only.
    event = stored(alice, space, "FREQ=SECONDLY")
    event = Event.objects.prefetch_related("changes").get(pk=event.pk)
    found = expand([event], event.start, event.start + timedelta(days=31), UTC)
    assert [o.original for o in found] == [event.start]


def test_an_expansion_never_steps_past_the_cap(alice, space):
    start = datetime(2030, 1, 1, tzinfo=UTC)
    event = stored(alice, space, "")
    event.rdates = [
        (start + timedelta(minutes=n)).isoformat() for n in range(MAX_OCCURRENCES + 500)
    ]
    event.save()
    event = Event.objects.prefetch_related("changes").get(pk=event.pk)
    found = expand([event], start, start + timedelta(days=31), UTC)
    assert len(found) == MAX_OCCURRENCES - 1  # the first start is in 2020


def test_a_long_daily_series_is_expanded_from_its_window_not_its_start(alice, space):
    # Daily since 1950: the window in 2030 is 29,000 days in, far past the
    # cap, and still every day in it is there.
    start = datetime(1950, 3, 1, 8, tzinfo=UTC)
    event = Event.objects.create(
        space=space,
        author=alice,
        title="Walk",
        start=start,
        end=start + timedelta(hours=1),
        time_zone="Europe/Paris",
        rrule="FREQ=DAILY;UNTIL=20400101T000000Z",
        visibility=EventVisibility.SHARED,
    )
    event.last_end = series_end(event)
    assert event.last_end == datetime(2039, 12, 31, 9, tzinfo=UTC)
    event = Event.objects.prefetch_related("changes").get(pk=event.pk)
    window = (datetime(2030, 6, 1, tzinfo=UTC), datetime(2030, 7, 1, tzinfo=UTC))
    found = expand([event], *window, UTC)
    assert len(found) == 30
    # 09:00 in Paris as in 1950 (UTC+1 then), so 07:00 UTC in summer.
    assert {o.start.strftime("%H:%M") for o in found} == {"07:00"}
