"""The calendar's jobs cost what is due, not how many couples exist, and
the calendar's events query reads only the viewer's rows.

Each job is run against one couple, then against 30 couples, each with a
year of a weekly ritual (its dates answered, its reminders and questions
already sent), a daily event with a reminder, and past one-off events:
with nothing due the number of queries is the same (one), and with some
dates due it grows with those dates only. On PostgreSQL the queries are
shown to read their indexes.
"""

from __future__ import annotations

import datetime as dt
import itertools
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from troth.accounts.models import User
from troth.notifications.models import Notification
from troth.schedule.models import (
    Event,
    EventReminder,
    EventVisibility,
    RitualMark,
    occurrence_key,
)
from troth.schedule.periods import visible_events
from troth.schedule.reminders import reminders_schedule
from troth.schedule.tasks import ask_ritual_outcomes, remind_upcoming
from troth.spaces.models import Membership, Space

pytestmark = pytest.mark.django_db

# A Wednesday noon, UTC: the moment every job runs at.
NOW = dt.datetime(2026, 11, 4, 12, 0, tzinfo=dt.UTC)
# The rituals are on Mondays at 19:00 UTC, from a year before.
RITUAL_START = dt.datetime(2025, 11, 3, 19, 0, tzinfo=dt.UTC)
_names = itertools.count()


def at(moment: dt.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def couples(n: int) -> list[tuple[Space, User, User]]:
    """`n` couples with a year of calendar history, in a few bulk inserts."""
    users = User.objects.bulk_create(
        [
            User(
                email=f"p{next(_names)}@example.com",
                display_name="P",
                timezone="Europe/London",
                password="!",
            )
            for _ in range(2 * n)
        ]
    )
    spaces = Space.objects.bulk_create([Space() for _ in range(n)])
    pairs = [(space, users[2 * i], users[2 * i + 1]) for i, space in enumerate(spaces)]
    Membership.objects.bulk_create(
        [Membership(space=s, user=u) for s, a, b in pairs for u in (a, b)]
    )
    events = []
    for space, a, _b in pairs:
        events.append(
            Event(
                space=space,
                author=a,
                title="Date night",
                kind=Event.Kind.RITUAL,
                visibility=EventVisibility.SHARED,
                start=RITUAL_START,
                end=RITUAL_START + dt.timedelta(hours=2),
                rrule="FREQ=WEEKLY",
            )
        )
        daily = dt.datetime(2026, 1, 1, 19, 0, tzinfo=dt.UTC)
        events.append(
            Event(
                space=space,
                author=a,
                title="Walk",
                visibility=EventVisibility.SHARED,
                start=daily,
                end=daily + dt.timedelta(hours=1),
                rrule="FREQ=DAILY",
            )
        )
        for week in range(1, 21):
            start = NOW - dt.timedelta(weeks=week, hours=3)
            events.append(
                Event(
                    space=space,
                    author=a,
                    title="Dentist",
                    start=start,
                    end=start + dt.timedelta(hours=1),
                    last_end=start + dt.timedelta(hours=1),
                )
            )
    events = Event.objects.bulk_create(events)
    rituals = [e for e in events if e.kind == Event.Kind.RITUAL]
    walks = [e for e in events if e.title == "Walk"]
    EventReminder.objects.bulk_create(
        [EventReminder(event=e, user=e.author, minutes=10) for e in walks]
        + [
            EventReminder(event=e, user=e.author, minutes=30)
            for e in events
            if e.title == "Dentist"
        ]
    )
    history = []
    sent = []
    for ritual in rituals:
        space_pair = next(p for p in pairs if p[0].pk == ritual.space_id)
        for week in range(52):
            original = RITUAL_START + dt.timedelta(weeks=week)
            if original >= NOW:
                break
            key = occurrence_key(original)
            for person in space_pair[1:]:
                history.append(
                    RitualMark(
                        event=ritual, original=original, user=person, happened=True
                    )
                )
                for prefix, kind in (
                    ("schedule.upcoming", "ritual.upcoming"),
                    ("ritual.ask", "ritual.ask"),
                ):
                    sent.append(
                        Notification(
                            user=person,
                            kind=kind,
                            key=f"{prefix}:{ritual.pk}:{key}",
                            space_id=ritual.space_id,
                        )
                    )
    RitualMark.objects.bulk_create(history)
    Notification.objects.bulk_create(sent)
    with at(NOW):
        reminders_schedule([e.pk for e in events])
    return pairs


def queries(job) -> tuple[int, int]:
    """(queries, what was sent) when `job` runs at NOW."""
    ContentType.objects.clear_cache()
    with at(NOW), CaptureQueriesContext(connection) as captured:
        sent = job.call()
    return len(captured), sent


def due_rituals(space, author, k: int) -> list[Event]:
    """`k` rituals in `space` reminded about now (two hours before)."""
    made = []
    for i in range(k):
        start = NOW + dt.timedelta(hours=2, minutes=-i)
        made.append(
            Event.objects.create(
                space=space,
                author=author,
                title="Tea",
                kind=Event.Kind.RITUAL,
                visibility=EventVisibility.SHARED,
                start=start,
                end=start + dt.timedelta(hours=1),
                rrule="FREQ=WEEKLY",
            )
        )
    with at(NOW):
        reminders_schedule([e.pk for e in made])
    return made


def ended_rituals(space, author, k: int) -> list[Event]:
    """`k` rituals in `space` whose first date ended an hour ago."""
    made = []
    for i in range(k):
        start = NOW - dt.timedelta(hours=3, minutes=i)
        made.append(
            Event.objects.create(
                space=space,
                author=author,
                title="Walk",
                kind=Event.Kind.RITUAL,
                visibility=EventVisibility.SHARED,
                start=start,
                end=start + dt.timedelta(hours=2),
                rrule="FREQ=WEEKLY",
            )
        )
    with at(NOW):
        reminders_schedule([e.pk for e in made])
    return made


@pytest.mark.parametrize("job", [remind_upcoming, ask_ritual_outcomes])
def test_with_nothing_due_a_run_is_one_query_however_many_couples(job):
    couples(1)
    one = queries(job)
    couples(29)
    thirty = queries(job)
    assert one == thirty == (1, 0)


@pytest.mark.parametrize(
    ("job", "make"),
    [(remind_upcoming, due_rituals), (ask_ritual_outcomes, ended_rituals)],
)
def test_with_some_dates_due_the_cost_follows_them_not_the_couples(job, make):
    (space, alice, _bob), *_ = couples(1)
    history = set(Notification.objects.values_list("pk", flat=True))
    made = make(space, alice, 3)
    one = queries(job)
    # The same three dates due, now among thirty couples.
    Event.objects.filter(pk__in=[e.pk for e in made]).delete()
    Notification.objects.exclude(pk__in=history).delete()
    couples(29)
    make(space, alice, 3)
    thirty = queries(job)
    assert one[1] == thirty[1] == 6  # both partners, three dates
    assert one[0] == thirty[0]
    # Run again: nothing is due any more, so nothing is tried again.
    assert queries(job) == (1, 0)


@pytest.mark.parametrize(
    ("job", "make"),
    [(remind_upcoming, due_rituals), (ask_ritual_outcomes, ended_rituals)],
)
def test_fifty_couples_due_at_once_cost_the_queries_of_two(job, make):
    """A batch of events is claimed together and its reminders made by one
    notify_many: the same queries for 4 reminders as for 100, each once."""
    many = couples(52)
    history = set(Notification.objects.values_list("pk", flat=True))
    for space, alice, _bob in many[:2]:
        make(space, alice, 1)
    few = queries(job)
    for space, alice, _bob in many[2:]:
        make(space, alice, 1)
    lots = queries(job)
    assert (few[1], lots[1]) == (4, 100)
    assert few[0] == lots[0]
    assert queries(job) == (1, 0)
    made = Notification.objects.exclude(pk__in=history)
    assert made.count() == len(set(made.values_list("user", "key"))) == 104


def test_a_copy_read_before_another_worker_sent_sends_nothing_twice():
    (space, alice, _bob), *_ = couples(1)
    (ritual,) = due_rituals(space, alice, 1)
    moment = Event.objects.get(pk=ritual.pk).next_reminder_at
    before = Notification.objects.count()
    assert queries(remind_upcoming)[1] == 2
    # A second worker that read the row before the first moved it on.
    Event.objects.filter(pk=ritual.pk).update(next_reminder_at=moment)
    count, sent = queries(remind_upcoming)
    assert sent == 0
    assert Notification.objects.count() == before + 2
    assert count < 15


def test_a_stale_copy_saved_keeps_the_moment_the_job_moved_on():
    (space, alice, _bob), *_ = couples(1)
    (ritual,) = due_rituals(space, alice, 1)
    stale = Event.objects.get(pk=ritual.pk)
    queries(remind_upcoming)
    moved = Event.objects.get(pk=ritual.pk).next_reminder_at
    assert moved > NOW
    stale.note = "Bring the cards"
    stale.save()
    assert Event.objects.get(pk=ritual.pk).next_reminder_at == moved


def test_the_next_reminder_is_the_next_date_less_its_lead():
    (space, alice, _bob), *_ = couples(1)
    walk = Event.objects.get(space=space, rrule="FREQ=DAILY")
    ritual = Event.objects.get(space=space, kind=Event.Kind.RITUAL)
    # Daily at 19:00 with ten minutes' notice; weekly on Monday 19:00 with
    # the ritual's two hours; asked when it ends at 21:00.
    assert walk.next_reminder_at == dt.datetime(2026, 11, 4, 18, 50, tzinfo=dt.UTC)
    assert ritual.next_reminder_at == dt.datetime(2026, 11, 9, 17, 0, tzinfo=dt.UTC)
    assert ritual.next_ask_at == dt.datetime(2026, 11, 9, 21, 0, tzinfo=dt.UTC)
    assert walk.next_ask_at is None


def _plan(queryset) -> str:
    """PostgreSQL's plan for `queryset`, with sequential scans priced out,
    so that a plan still reading the whole table means no index can answer
    the query (on a test's tiny table a scan would otherwise be cheaper)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return queryset.explain()


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="EXPLAIN is read on PostgreSQL"
)


@postgres_only
def test_the_calendars_events_query_reads_the_viewers_rows_by_index():
    pairs = couples(30)
    _space, alice, _bob = pairs[0]
    start, end = NOW, NOW + dt.timedelta(days=35)
    plan = _plan(Event.objects.visible_to(alice).overlapping(start, end))
    # Each side of "her own, or shared in her space" is an index lookup:
    # by author and by space, never every couple's rows filtered one by one.
    assert "Seq Scan on schedule_event" not in plan, plan
    assert "author_id =" in plan and "space_id =" in plan, plan
    assert "Filter: ((author_id =" not in plan, plan
    # What the page shows is what the rule gives.
    shown = {e.pk for e in visible_events(alice, start, end)}
    assert shown == set(
        Event.objects.filter(space=pairs[0][0])
        .overlapping(start, end)
        .values_list("pk", flat=True)
    )


@postgres_only
@pytest.mark.parametrize(
    ("field", "index"),
    [
        ("next_reminder_at", "schedule_event_reminder_due"),
        ("next_ask_at", "schedule_event_ask_due"),
    ],
)
def test_the_jobs_find_what_is_due_by_their_index(field, index):
    couples(3)
    plan = _plan(Event.objects.filter(**{f"{field}__lte": NOW}).order_by(field, "pk"))
    assert index in plan, plan
