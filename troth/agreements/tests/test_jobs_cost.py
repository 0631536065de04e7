"""The agreements' clock jobs cost what is due, not how many couples exist
(issue 14): with nothing to remind or end, a tick is the same few queries
for one couple and for thirty with a history of agreements; reminders
already sent are not tried again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.crowd import crowd
from troth.agreements.models import Agreement, AgreementEvent, EventKind, Status
from troth.agreements.tasks import end_lapsed, remind
from troth.agreements.tests.factories import active
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.UTC)


def with_history(n: int) -> list:
    """`n` couples, each with an agreement in force reviewed far ahead, one
    that ended long ago, and one whose review reminder both have had."""
    couples = crowd(n)
    rows = []
    for space, alice, _bob in couples:
        common = {"space": space, "author": alice, "title": "Ours"}
        rows += [
            Agreement(status=Status.ACTIVE, review_on=dt.date(2026, 9, 1), **common),
            Agreement(
                status=Status.ENDED,
                ends_on=dt.date(2025, 1, 1),
                review_on=dt.date(2024, 12, 1),
                **common,
            ),
            Agreement(
                status=Status.ACTIVE,
                review_on=dt.date(2026, 6, 14),
                review_reminded_on=dt.date(2026, 6, 14),
                **common,
            ),
        ]
    agreements = Agreement.objects.bulk_create(rows)
    AgreementEvent.objects.bulk_create(
        AgreementEvent(
            agreement=a, kind=EventKind.LAPSED, created=NOW - dt.timedelta(days=500)
        )
        for a in agreements
        if a.status == Status.ENDED
    )
    Notification.objects.bulk_create(
        Notification(user=person, kind="agreement.review_soon", key=key)
        for a in agreements
        if a.review_reminded_on
        for person, key in (
            (couple[1], f"agreement.review_soon:{a.pk}:{a.review_on}")
            for couple in couples
            if couple[0].pk == a.space_id
        )
    )
    return couples


def count(job, now=NOW) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        result = job(now)
    return len(captured), result


@pytest.mark.parametrize("job", [remind, end_lapsed])
def test_with_nothing_due_a_tick_costs_the_same_for_one_couple_or_thirty(job):
    with_history(1)
    one, result = count(job)
    assert result == 0
    with_history(29)
    thirty, result = count(job)
    assert result == 0
    assert one == thirty <= 2


def test_with_reminders_due_the_cost_follows_them_not_the_couples(alice, bob, space):
    now = timezone.now()
    due = active(space, alice, bob, "One.")
    review = now.date() + dt.timedelta(days=5)
    Agreement.objects.filter(pk=due.pk).update(review_on=review)
    Notification.objects.all().delete()
    with_history(1)
    cost_with_one, made = count(remind, now)
    assert made == 2
    Notification.objects.filter(kind="agreement.review_soon").delete()
    Agreement.objects.filter(pk=due.pk).update(review_reminded_on=None)
    with_history(29)
    cost_with_thirty, made = count(remind, now)
    assert made == 2
    assert cost_with_thirty == cost_with_one
    # Sent: the next tick reads nothing and tries nothing.
    assert count(remind, now) == (1, 0)


def test_a_partner_reminded_before_the_other_is_not_tried_again(alice, bob, space):
    alice.timezone = "Pacific/Kiritimati"  # UTC+14: her week begins first
    alice.save()
    bob.timezone = "Pacific/Pago_Pago"  # UTC-11
    bob.save()
    # Between 10:00 and 11:00 UTC the two are two calendar days apart (her
    # 11 June 00:30 is his 9 June 23:30), the widest gap there is.
    now = dt.datetime(2026, 6, 10, 10, 30, tzinfo=dt.UTC)
    agreement = active(space, alice, bob, "One.")
    review = (now.astimezone(alice.tz) + dt.timedelta(days=7)).date()
    Agreement.objects.filter(pk=agreement.pk).update(review_on=review)
    assert remind(now) == 1  # Alice, a week ahead of her review
    with CaptureQueriesContext(connection) as captured:
        assert remind(now) == 0
    assert not any("INSERT" in q["sql"] for q in captured.captured_queries)
    assert remind(now + dt.timedelta(days=1)) == 0  # still more than his week
    assert remind(now + dt.timedelta(days=2)) == 1  # Bob's turn
    assert remind(now + dt.timedelta(days=2)) == 0
    assert Notification.objects.filter(kind="agreement.review_soon").count() == 2


def test_lapse_notices_already_given_are_not_tried_again(alice, bob, space):
    ends = NOW.date() - dt.timedelta(days=1)
    in_a_month = timezone.now().date() + dt.timedelta(days=30)
    active(space, alice, bob, "One.", ends_on=in_a_month)
    Agreement.objects.update(ends_on=ends)
    assert end_lapsed(NOW) == 1
    assert Notification.objects.filter(kind="agreement.lapsed").count() == 2
    with CaptureQueriesContext(connection) as captured:
        assert end_lapsed(NOW + dt.timedelta(hours=1)) == 0
    assert len(captured) == 2
