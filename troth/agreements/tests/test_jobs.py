"""Reminders before a review and the end of a time box; ending time boxes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.agreements.models import AgreementEvent, EventKind, Status
from troth.agreements.tasks import end_lapsed, remind
from troth.agreements.tests.factories import active
from troth.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_it_reminds_both_partners_a_week_before_a_review_once(alice, bob, space):
    now = timezone.now()
    agreement = active(space, alice, bob, "One.", review_days=30)
    assert remind(now) == 0  # a month away
    later = now + dt.timedelta(days=25)
    assert remind(later) == 2
    assert remind(later) == 0
    assert remind(later + dt.timedelta(hours=5)) == 0
    notices = Notification.objects.filter(kind="agreement.review_soon")
    assert {n.user for n in notices} == {alice, bob}
    assert notices[0].url == agreement.get_absolute_url()
    assert notices[0].message == "An agreement is due for review within a week."


def test_it_reminds_before_a_time_box_ends_and_then_ends_it(alice, bob, space):
    now = timezone.now()
    ends = now.date() + dt.timedelta(days=5)
    agreement = active(space, alice, bob, "One.", ends_on=ends)
    assert remind(now) == 2
    assert Notification.objects.filter(kind="agreement.ends_soon").count() == 2
    assert end_lapsed(now) == 0
    after = dt.datetime.combine(ends + dt.timedelta(days=2), dt.time(12), tzinfo=dt.UTC)
    assert end_lapsed(after) == 1
    assert end_lapsed(after) == 0
    agreement.refresh_from_db()
    assert agreement.status == Status.ENDED
    assert (
        AgreementEvent.objects.filter(
            agreement=agreement, kind=EventKind.LAPSED
        ).count()
        == 1
    )
    assert Notification.objects.filter(kind="agreement.lapsed").count() == 2


def test_it_waits_until_the_last_day_has_passed_for_both_partners(alice, bob, space):
    alice.timezone = "Pacific/Honolulu"
    alice.save()
    ends = timezone.now().date() + dt.timedelta(days=10)
    agreement = active(space, alice, bob, "One.", ends_on=ends)
    # 03:00 UTC the next day: already the next day for Bob (UTC), still the
    # last day in Honolulu (UTC-10).
    moment = dt.datetime.combine(ends + dt.timedelta(days=1), dt.time(3), tzinfo=dt.UTC)
    assert end_lapsed(moment) == 0
    assert end_lapsed(moment + dt.timedelta(hours=12)) == 1
    agreement.refresh_from_db()
    assert agreement.ends_on == ends
    assert agreement.status == Status.ENDED
