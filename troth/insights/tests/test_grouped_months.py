"""The insights page reads each figure once for all its months; every month
must still be what the feature's own figure gives for that month alone
(what the audit and the feature's page show). Histories here sit on the
months' edges in the viewer's zone and on the nights the clocks change."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from troth.audits.tests.helpers import conflict
from troth.checkins.builders import build_pulse
from troth.checkins.insights import pulse_months
from troth.checkins.models import Pulse
from troth.checkins.stats import exact_mean, pulse_answered_days, subscale_means
from troth.conflicts.insights import own_data
from troth.insights.tests.test_insights import build_own_data
from troth.insights.trends import Month, add_months, recent_months
from troth.promises.builders import draft_promise, save_promises
from troth.promises.models import State
from troth.promises.stats import promise_figures, promise_figures_by_period
from troth.schedule.builders import build_change, build_mark
from troth.schedule.models import Event
from troth.schedule.recurrence import expand
from troth.schedule.stats import ritual_follow_through, ritual_follow_through_by_period
from troth.schedule.tests.helpers import make_all_day, make_ritual, rule

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# Minutes either side of a month's first moment, and of a clock change.
EDGES = (-61, -1, 0, 1, 59)
CLOCK_CHANGES = {
    "Europe/London": ("2026-03-29T01:00", "2026-10-25T01:00"),
    "Australia/Sydney": ("2026-04-04T16:00", "2026-10-03T16:00"),
}
STATES = [State.KEPT, State.NOT_QUITE, State.MISSED, State.DONE, State.OPEN]


def _months(zone: str) -> list[Month]:
    return recent_months(timezone.now(), ZoneInfo(zone), 12)


def _moments(months: list[Month], zone: str) -> list[dt.datetime]:
    """Instants on and around every month's edge and every clock change."""
    edges = [m.start for m in months] + [months[-1].end]
    edges += [
        dt.datetime.fromisoformat(c).replace(tzinfo=UTC) for c in CLOCK_CHANGES[zone]
    ]
    return [
        edge.astimezone(UTC) + dt.timedelta(minutes=m) for edge in edges for m in EDGES
    ]


def _promises(space, people, moments: list[dt.datetime]) -> None:
    """A promise from each person due at each moment, in every state; some
    settled days ahead of it (so counted a month earlier), some
    renegotiated, some cancelled (never counted)."""
    drafts = []
    for n, (due, person) in enumerate(itertools.product(moments, people)):
        state = STATES[n % len(STATES)]
        fields: dict = {"state": state, "renegotiations": n % 3 == 0}
        if state in (State.KEPT, State.NOT_QUITE, State.MISSED):
            fields["settled_at"] = due - dt.timedelta(days=n % 4, minutes=n % 7)
        if n % 11 == 0:
            fields["state"] = State.CANCELLED
        drafts.append(
            draft_promise(
                space,
                person,
                text="Call the plumber",
                due_date=due.date(),
                due_time=due.time(),
                tz="UTC",
                made_at=due - dt.timedelta(days=30),
                **fields,
            )
        )
    save_promises(drafts)


@pytest.mark.parametrize("zone", sorted(CLOCK_CHANGES))
def test_promises_by_month_are_each_months_own_figures(space, alice, bob, zone):
    months = _months(zone)
    _promises(space, [alice, bob], _moments(months, zone))
    grouped = promise_figures_by_period(
        space, [alice, bob], [(m.start, m.end) for m in months]
    )
    for person in (alice, bob):
        for month, figures in zip(months, grouped[person.pk], strict=True):
            alone = promise_figures(space, person, month.start, month.end)
            assert (figures.start, figures.due, figures.kept) == (
                alone.start,
                alone.due,
                alone.kept,
            )
            assert figures == alone or month.partial  # a partial one ends now
            assert (
                figures.not_quite,
                figures.missed,
                figures.renegotiated,
                figures.waiting,
            ) == (alone.not_quite, alone.missed, alone.renegotiated, alone.waiting)
    assert sum(f.due for f in grouped[alice.pk]) > 40


def _rituals(space, alice, bob, months: list[Month], zone: str) -> list[Event]:
    """A weekly ritual late in the evening and a daily one just after
    midnight (in `zone`), an all-day weekly one, and one that began last
    month with its first date moved weeks before it; some dates answered,
    some called off, some moved over a month's edge."""
    first = months[0].start - dt.timedelta(days=40)
    local = first.astimezone(ZoneInfo(zone))
    rituals = [
        make_ritual(
            alice, space, start=local.replace(hour=23, minute=30), zone=zone, hours=1
        ),
        make_ritual(
            bob,
            space,
            start=local.replace(hour=0, minute=15),
            zone=zone,
            rrule=rule(freq="DAILY"),
            title="Tea",
            hours=0.5,
        ),
        make_all_day(
            alice, space, first.date(), rrule=rule(freq="WEEKLY"), kind="ritual"
        ),
    ]
    late = make_ritual(alice, space, start=months[-2].start + dt.timedelta(days=3))
    build_change(late, late.start, move=-dt.timedelta(days=40))
    rituals.append(late)
    now = timezone.now()
    for n, occurrence in enumerate(
        expand(rituals[:3], first, now, UTC, include_cancelled=True)
    ):
        if n % 5 == 0:
            build_mark(occurrence.event, occurrence.original, alice, happened=True)
        if n % 7 == 0:
            build_mark(occurrence.event, occurrence.original, bob, happened=n % 2 == 0)
        if n % 13 == 0:
            build_change(occurrence.event, occurrence.original, move=None)
        elif n % 17 == 0:
            build_change(
                occurrence.event, occurrence.original, move=dt.timedelta(days=2)
            )
    return rituals


@pytest.mark.parametrize("zone", sorted(CLOCK_CHANGES))
def test_rituals_by_month_are_each_months_own_figures(space, alice, bob, zone):
    months = _months(zone)
    _rituals(space, alice, bob, months, zone)
    now = timezone.now()
    grouped = ritual_follow_through_by_period(
        space, [(m.start, m.end) for m in months], now=now
    )
    for month, figures in zip(months, grouped, strict=True):
        alone = ritual_follow_through(space, month.start, month.end, now=now)
        assert figures.counts() == alone.counts()
        assert [(r.ritual.pk, r.counts()) for r in figures.rituals] == [
            (r.ritual.pk, r.counts()) for r in alone.rituals
        ]
    assert sum(f.occurrences for f in grouped) > 300
    assert sum(f.cancelled for f in grouped) > 10


def test_pulse_by_month_is_each_persons_own_months(space, alice, bob):
    """Both people's months in one read: each the means of that person's
    days in that month, as the viewer may see them (bob's shared days
    only)."""
    months = _months("Europe/London")
    first = months[0].first - dt.timedelta(days=3)
    pulses = []
    for n in range((timezone.now().date() - first).days):
        for person, shared in ((alice, False), (bob, n % 3 != 0)):
            answers = {
                "predictability": 1 + n % 7,
                "dependability": None if n % 5 == 0 else 1 + (n * 3) % 7,
                "faith": 1 + (n * 5) % 7,
                "understood": 1 + (n * 2) % 7,
                "cared_for": None if n % 4 == 0 else 1 + (n + 1) % 7,
            }
            pulses.append(
                build_pulse(
                    space,
                    person,
                    first + dt.timedelta(days=n),
                    shared=shared,
                    save=False,
                    **answers,
                )
            )
    Pulse.objects.bulk_create(pulses)
    series = pulse_months(viewer=alice, subjects=[alice, bob], months=months)
    for person in (alice, bob):
        assert series[person.pk].total_days == pulse_answered_days(
            viewer=alice, subject=person
        )
        for month, got in zip(months, series[person.pk].months, strict=True):
            days = list(
                Pulse.objects.visible_to(alice).filter(
                    author=person,
                    day__gte=month.first,
                    day__lt=add_months(month.first, 1),
                )
            )
            assert (got.days, got.means) == (len(days), subscale_means(days))
    assert series[bob.pk].months[0].days < series[alice.pk].months[0].days


def test_a_days_mean_is_statistics_mean_in_value_and_type():
    answers = range(1, 8)
    for size in (1, 2, 3):
        for values in itertools.product(answers, repeat=size):
            got, expected = exact_mean(list(values)), statistics.mean(values)
            assert (got, type(got)) == (expected, type(expected))
    for size in (7, 30):
        for start in range(1, 8):
            values = [1 + (start * n) % 7 for n in range(size)]
            got, expected = exact_mean(values), statistics.mean(values)
            assert (got, type(got)) == (expected, type(expected))
    for values in ([2.5, 3], [1.5, 2.5, 7], [4.0]):
        assert exact_mean(values) == statistics.mean(values)


@pytest.mark.parametrize(
    ("bob_shared", "counted"), [(True, [True] * 6), (False, [False] * 4 + [True] * 2)]
)
def test_own_data_counts_from_a_disagreement_logged_before_the_twelve_months(
    space, alice, bob, bob_shared, counted
):
    """Only the twelve months' log is read, and whether the shared log
    began before them: a disagreement two years ago counts as its start
    when both shared their view of it, not when one kept theirs."""
    build_own_data(space, alice, bob, [5, 6, 4, 5, 6, 4], [0, 0, 0, 0, 1, 0])
    conflict(
        space,
        alice,
        bob,
        timezone.now() - dt.timedelta(days=730),
        views={alice: (True, "yes", 60), bob: (bob_shared, "yes", 60)},
    )
    own = own_data(space, timezone.now())
    assert [w.counted for w in own.windows[-6:]] == counted
    assert own.has_conflicts
