"""The scheduled work: missed promises, reminders, repeating promises; time
zones and DST."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from unittest import mock

import pytest
from django.utils import timezone

from troth.notifications.clock import tick
from troth.notifications.models import ClockTick, Notification
from troth.promises import services, tasks
from troth.promises.models import (
    Promise,
    PromiseSeries,
    State,
    due_moment,
    reminder_moment,
)
from troth.promises.tests.helpers import make_promise

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def at(moment: dt.datetime):
    """Run the code under test as if it were `moment`."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def make_at(moment, space, by, **kwargs):
    with at(moment):
        return services.promise_create(space=space, by=by, now=moment, **kwargs)


class TestMissed:
    def test_the_job_marks_missed_and_tells_both_once(self, space, alice, bob):
        promise = make_promise(space, alice)
        with at(promise.due_at + dt.timedelta(minutes=2)):
            assert tasks.mark_missed.call() == 1
            # A second worker, or the next tick, changes and sends nothing more.
            assert tasks.mark_missed.call() == 0
            tasks.mark_missed.call()
        promise.refresh_from_db()
        assert promise.state == State.MISSED
        mine = Notification.objects.get(user=alice)
        theirs = Notification.objects.get(user=bob)
        assert mine.kind == "promise.missed.mine"
        assert mine.message == (
            "A promise you made to Bob passed its due time without being marked done."
        )
        assert theirs.kind == "promise.missed.theirs"
        assert mine.url == promise.get_absolute_url()

    def test_nothing_is_missed_early(self, space, alice):
        promise = make_promise(space, alice)
        with at(promise.due_at - dt.timedelta(seconds=1)):
            assert tasks.mark_missed.call() == 0
        assert not Notification.objects.exists()

    def test_a_whole_day_promise_is_missed_at_the_end_of_the_promisers_day(
        self, space, alice, bob
    ):
        alice.timezone = "Pacific/Auckland"
        alice.save()
        bob.timezone = "America/Los_Angeles"
        bob.save()
        day = dt.date(2026, 6, 10)
        now = dt.datetime(2026, 6, 9, 0, 0, tzinfo=dt.UTC)
        promise = make_at(now, space, alice, text="Book the flights", due_date=day)
        auckland_midnight = dt.datetime(
            2026, 6, 11, tzinfo=zoneinfo.ZoneInfo("Pacific/Auckland")
        )
        assert promise.due_at == auckland_midnight
        # It is still the 10th in Los Angeles, but Alice's day is over.
        with at(auckland_midnight + dt.timedelta(minutes=1)):
            assert tasks.mark_missed.call() == 1


class TestDueSoon:
    def test_the_promiser_is_reminded_once_three_hours_before(self, space, alice, bob):
        promise = make_promise(space, alice, at=dt.time(18, 0))
        with at(promise.due_at - dt.timedelta(hours=3, minutes=1)):
            assert tasks.remind_due_soon.call() == 0
        with at(promise.due_at - dt.timedelta(hours=2)):
            assert tasks.remind_due_soon.call() == 1
            assert tasks.remind_due_soon.call() == 0
        notice = Notification.objects.get(user=alice)
        assert notice.message == "A promise you made to Bob is due soon."
        assert not Notification.objects.filter(user=bob).exists()

    def test_no_reminder_once_it_is_marked_done(self, space, alice):
        promise = make_promise(space, alice, at=dt.time(18, 0))
        services.promise_mark_done(promise=promise, by=alice)
        with at(promise.due_at - dt.timedelta(hours=1)):
            assert tasks.remind_due_soon.call() == 0

    def test_a_renegotiated_promise_gets_a_fresh_reminder(self, space, alice, bob):
        promise = make_promise(space, alice, at=dt.time(18, 0))
        with at(promise.due_at - dt.timedelta(hours=2)):
            tasks.remind_due_soon.call()
        services.promise_propose(
            promise=promise,
            by=alice,
            text=promise.text,
            due_date=promise.due_date + dt.timedelta(days=1),
            due_time=dt.time(18, 0),
            now=promise.due_at - dt.timedelta(hours=2),
        )
        services.promise_proposal_accept(
            promise=promise, by=bob, now=promise.due_at - dt.timedelta(hours=2)
        )
        promise.refresh_from_db()
        with at(promise.due_at - dt.timedelta(hours=2)):
            assert tasks.remind_due_soon.call() == 1
        assert Notification.objects.filter(user=alice).count() == 2

    def test_a_whole_day_promise_is_recalled_at_local_noon_across_dst(
        self, space, alice
    ):
        alice.timezone = "Europe/Berlin"
        alice.save()
        # 29 March 2026: clocks in Berlin go from 02:00 to 03:00.
        day = dt.date(2026, 3, 29)
        promise = make_at(
            dt.datetime(2026, 3, 27, 12, tzinfo=dt.UTC),
            space,
            alice,
            text="Water the plants",
            due_date=day,
        )
        assert promise.remind_at == dt.datetime(2026, 3, 29, 10, 0, tzinfo=dt.UTC)
        assert promise.due_at == dt.datetime(2026, 3, 29, 22, 0, tzinfo=dt.UTC)
        with at(dt.datetime(2026, 3, 29, 9, 59, tzinfo=dt.UTC)):
            assert tasks.remind_due_soon.call() == 0
        with at(dt.datetime(2026, 3, 29, 10, 1, tzinfo=dt.UTC)):
            assert tasks.remind_due_soon.call() == 1

    def test_a_time_skipped_by_dst_lands_after_the_change(self):
        due = due_moment(dt.date(2026, 3, 29), dt.time(2, 30), "Europe/Berlin")
        assert due == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)  # 03:30 CEST
        assert due.astimezone(BERLIN).hour == 3
        # The autumn change: 02:30 happens twice; the first one counts.
        autumn = due_moment(dt.date(2026, 10, 25), dt.time(2, 30), "Europe/Berlin")
        assert autumn == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)
        assert reminder_moment(dt.date(2026, 10, 25), None, "Europe/Berlin") == (
            dt.datetime(2026, 10, 25, 11, 0, tzinfo=dt.UTC)
        )


class TestWaitingForConfirmation:
    def test_the_partner_is_reminded_once_after_a_day(self, space, alice, bob):
        promise = make_promise(space, alice, days=3)
        services.promise_mark_done(promise=promise, by=alice)
        with at(promise.done_at + dt.timedelta(hours=23)):
            assert tasks.remind_to_confirm.call() == 0
        with at(promise.done_at + dt.timedelta(hours=25)):
            assert tasks.remind_to_confirm.call() == 1
            assert tasks.remind_to_confirm.call() == 0
        with at(promise.done_at + dt.timedelta(days=4)):
            assert tasks.remind_to_confirm.call() == 0
        notice = Notification.objects.get(user=bob, kind="promise.confirm_waiting")
        assert notice.message == "Alice is waiting for you to confirm a promise."


def test_the_clock_enqueues_each_job_once_across_two_workers(space, alice):
    now = timezone.now()
    first = tick(now)
    second = tick(now)  # a second worker in the same slot
    assert "troth.promises.tasks.mark_missed" in first
    assert "troth.promises.tasks.mark_missed" not in second
    assert ClockTick.objects.filter(job="troth.promises.tasks.mark_missed").count() == 1


class TestRepeating:
    def weekly(self, space, alice, now, **extra):
        data = {
            "text": "Cook dinner",
            "due_date": now.date(),
            "due_time": dt.time(19, 0),
            "repeat": "weekly",
            "weekdays": [0, 3],  # Mondays and Thursdays
        }
        data.update(extra)
        return make_at(now, space, alice, **data)

    def test_each_due_date_is_its_own_promise(self, space, alice, bob):
        now = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)  # a Monday
        first = self.weekly(space, alice, now)
        series = first.series
        dates = list(series.occurrences.values_list("occurrence_date", flat=True))
        assert dates == [
            dt.date(2026, 11, 2),
            dt.date(2026, 11, 5),
            dt.date(2026, 11, 9),
            dt.date(2026, 11, 12),
            dt.date(2026, 11, 16),
        ]
        assert first.occurrence_date == dt.date(2026, 11, 2)
        # Each has its own history and life.
        assert all(p.events.count() == 1 for p in series.occurrences.all())
        with at(now):
            services.promise_mark_done(promise=first, by=alice, now=now)
        second = series.occurrences.get(occurrence_date=dt.date(2026, 11, 5))
        assert second.state == State.OPEN
        assert "Every week on Monday, Thursday" in series.describe()

    def test_extending_is_idempotent(self, space, alice):
        now = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)
        first = self.weekly(space, alice, now)
        later = now + dt.timedelta(days=7)
        with at(later):
            made = tasks.extend_series.call()
            again = tasks.extend_series.call()
        assert made == 2  # the 19th and the 23rd came within two weeks
        assert again == 0
        series = first.series
        assert series.occurrences.count() == 7
        # Even a forced rerun from the start makes nothing twice.
        PromiseSeries.objects.filter(pk=series.pk).update(made_until=None)
        series.refresh_from_db()
        assert services.promise_series_extend(series=series, now=later) == []

    def test_monthly_on_the_31st_falls_on_the_last_day_of_short_months(
        self, space, alice
    ):
        now = dt.datetime(2026, 1, 30, 8, tzinfo=dt.UTC)
        first = make_at(
            now,
            space,
            alice,
            text="Pay the rent",
            due_date=dt.date(2026, 1, 31),
            repeat="monthly",
        )
        series = first.series
        assert series.dates(dt.date(2026, 1, 1), dt.date(2026, 5, 1)) == [
            dt.date(2026, 1, 31),
            dt.date(2026, 2, 28),
            dt.date(2026, 3, 31),
            dt.date(2026, 4, 30),
        ]

    def test_daily_with_a_last_day(self, space, alice):
        now = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)
        first = make_at(
            now,
            space,
            alice,
            text="Walk the dog",
            due_date=dt.date(2026, 11, 2),
            repeat="daily",
            until=dt.date(2026, 11, 4),
        )
        assert first.series.occurrences.count() == 3

    def test_cancelling_the_series_needs_consent_and_stops_later_ones(
        self, space, alice, bob
    ):
        now = timezone.now()
        first = self.weekly(
            space,
            alice,
            now,
            due_date=now.date() + dt.timedelta(days=1),
            weekdays=list(range(7)),
        )
        series = first.series
        services.promise_cancel_request(promise=first, by=alice, whole_series=True)
        assert series.occurrences.filter(state=State.CANCELLED).count() == 0
        services.promise_cancel_agree(promise=first, by=bob)
        series.refresh_from_db()
        assert series.ended_at is not None
        assert not series.occurrences.filter(state=State.OPEN).exists()
        assert tasks.extend_series.call() == 0

    def test_a_repeating_promise_across_dst_keeps_its_local_time(self, space, alice):
        alice.timezone = "Europe/Berlin"
        alice.save()
        now = dt.datetime(2026, 10, 20, 8, tzinfo=dt.UTC)
        first = make_at(
            now,
            space,
            alice,
            text="Evening call",
            due_date=dt.date(2026, 10, 20),
            due_time=dt.time(20, 0),
            repeat="daily",
        )
        before = first.series.occurrences.get(occurrence_date=dt.date(2026, 10, 24))
        after = first.series.occurrences.get(occurrence_date=dt.date(2026, 10, 26))
        assert before.due_at.astimezone(BERLIN).hour == 20
        assert after.due_at.astimezone(BERLIN).hour == 20
        assert before.due_at.hour == 18 and after.due_at.hour == 19  # in UTC

    def test_a_weekly_promise_needs_days(self, space, alice):
        from django.core.exceptions import ValidationError

        now = timezone.now()
        with pytest.raises(ValidationError):
            self.weekly(space, alice, now, weekdays=[])
        assert not Promise.objects.exists()
