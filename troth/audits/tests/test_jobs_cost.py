"""The audit's clock jobs cost what is due, not how many couples exist
(issue 14): with nothing to draft or remind, a tick is the same few queries
for one couple and for thirty with months of audits; reminders already sent
are not tried again."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crowd import crowd
from troth.audits import tasks
from troth.audits.models import Audit, AuditSettings, Reflection
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db
UTC = dt.UTC
NOW = dt.datetime(2026, 3, 20, 12, tzinfo=UTC)


def at(moment: dt.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def with_history(n: int) -> list:
    """`n` couples with an audit day chosen a year ago: half on the 5th
    (this month's audit drafted, one partner signed off a week ago and the
    other already reminded), half on the 28th (not come yet); each with the
    last twelve months' audits closed and signed off by both."""
    couples = crowd(n)
    chosen = NOW - dt.timedelta(days=400)
    AuditSettings.objects.bulk_create(
        AuditSettings(space=space, day=5 if i % 2 == 0 else 28, chosen_at=chosen)
        for i, (space, _a, _b) in enumerate(couples)
    )
    audits, reflections, told = [], [], []
    for i, (space, _alice, _bob) in enumerate(couples):
        for back in range(1, 13):
            month = tasks.services.add_months(dt.date(2026, 3, 1), -back)
            start = dt.datetime.combine(month, dt.time(), tzinfo=UTC)
            audits.append(
                Audit(
                    space=space,
                    month=month,
                    period_start=start,
                    period_end=start + dt.timedelta(days=30),
                    closed_at=start + dt.timedelta(days=31),
                )
            )
        if i % 2 == 0:
            start = dt.datetime(2026, 3, 5, tzinfo=UTC)
            audits.append(
                Audit(
                    space=space,
                    month=dt.date(2026, 3, 1),
                    period_start=start - dt.timedelta(days=28),
                    period_end=start,
                )
            )
    audits = Audit.objects.bulk_create(audits)
    people = {space.pk: (alice, bob) for space, alice, bob in couples}
    for audit in audits:
        alice, bob = people[audit.space_id]
        signers = [alice, bob] if audit.closed_at else [alice]
        if not audit.closed_at:
            told.append(
                Notification(
                    user=bob,
                    kind="audit.waiting",
                    key=f"audit.waiting:{audit.pk}:{bob.pk}",
                )
            )
        reflections += [
            Reflection(
                space_id=audit.space_id,
                author=person,
                audit=audit,
                signed_off_at=NOW - dt.timedelta(days=7),
            )
            for person in signers
        ]
    Reflection.objects.bulk_create(reflections)
    Notification.objects.bulk_create(told)
    return couples


def count(job, now=NOW) -> tuple[int, int]:
    with at(now), CaptureQueriesContext(connection) as captured:
        result = job.call()
    return len(captured), result


@pytest.mark.parametrize("job", [tasks.draft_due_audits, tasks.remind_audits])
def test_with_nothing_due_a_tick_costs_the_same_for_one_couple_or_thirty(job):
    with_history(1)
    one, result = count(job)
    assert result == 0
    with_history(29)
    thirty, result = count(job)
    assert result == 0
    assert one == thirty <= 2


def test_with_audits_due_the_cost_follows_them_not_the_couples():
    # On the 28th at noon: the couples on the 28th have their audit day.
    due_day = dt.datetime(2026, 3, 28, 12, tzinfo=UTC)
    one = with_history(2)
    ContentType.objects.get_for_model(Audit)  # cached for the process
    cost_with_two, drafted = count(tasks.draft_due_audits, due_day)
    assert drafted == 1
    Audit.objects.filter(month=dt.date(2026, 3, 1), space=one[1][0]).delete()
    Notification.objects.filter(kind="audit.ready").delete()
    with_history(28)
    # The others' day is tomorrow: begun in Kiribati, not where they live.
    AuditSettings.objects.filter(day=28).exclude(space=one[1][0]).update(day=29)
    cost_with_thirty, drafted = count(tasks.draft_due_audits, due_day)
    assert drafted == 1
    assert cost_with_thirty == cost_with_two
    # Drafted: the next tick reads the couples whose day may have begun
    # somewhere (the 29th, in Kiribati) and their partners, in two queries.
    assert count(tasks.draft_due_audits, due_day) == (2, 0)


def test_the_reminder_before_audit_day_is_sent_once_and_then_not_tried():
    with_history(4)
    two_days_before = dt.datetime(2026, 3, 26, 12, tzinfo=UTC)
    cost, sent = count(tasks.remind_audits, two_days_before)
    assert sent == 4  # two couples on the 28th, two partners each
    assert count(tasks.remind_audits, two_days_before) == (2, 0)
    assert Notification.objects.filter(kind="audit.soon").count() == 4


def test_partners_waiting_are_read_only_when_their_reminder_is_due():
    with_history(1)
    one, _ = count(tasks.remind_audits)
    with_history(29)
    # Every couple's open audit: the reminder two days away.
    Audit.objects.filter(closed_at__isnull=True).update(
        partner_reminder_at=NOW + dt.timedelta(days=2)
    )
    assert count(tasks.remind_audits) == (one, 0)
    # Due for one couple, whose partner was already told: handled once.
    due = Audit.objects.filter(closed_at__isnull=True).first()
    Audit.objects.filter(pk=due.pk).update(partner_reminder_at=NOW)
    assert count(tasks.remind_audits)[1] == 0
    assert Audit.objects.get(pk=due.pk).partner_reminder_at is None
    assert count(tasks.remind_audits) == (one, 0)
