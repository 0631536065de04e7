"""The clock's part: drafting on audit day (one audit per couple per month
whatever the reruns), months without the chosen day, partners in different
zones, and the reminders."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest

from troth.accounts.models import User
from troth.audits import services, tasks
from troth.audits.models import Audit, AuditSettings, Reflection, day_in_month
from troth.audits.tests.helpers import write
from troth.notifications.models import Notification
from troth.spaces.services import space_leave

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def at(moment: dt.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def choose(space, day: int, chosen: dt.datetime) -> AuditSettings:
    return AuditSettings.objects.create(space=space, day=day, chosen_at=chosen)


@pytest.mark.parametrize(
    ("day", "month", "expected"),
    [
        (31, dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        (30, dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
        (31, dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
        (31, dt.date(2026, 5, 1), dt.date(2026, 5, 31)),
        (1, dt.date(2026, 2, 1), dt.date(2026, 2, 1)),
    ],
)
def test_a_month_without_the_audit_day_uses_its_last_day(day, month, expected):
    assert day_in_month(day, month) == expected


def test_it_drafts_on_the_last_day_of_a_short_month_once_whatever_the_reruns(
    space, alice, bob
):
    choose(space, 31, dt.datetime(2026, 1, 1, tzinfo=UTC))
    with at(dt.datetime(2026, 2, 27, 23, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 0
    with at(dt.datetime(2026, 2, 28, 0, 30, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 1
        assert tasks.draft_due_audits.call() == 0
    with at(dt.datetime(2026, 2, 28, 18, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 0
    audit = Audit.objects.get()
    assert audit.month == dt.date(2026, 2, 1)
    # From the 31st of January (January has one) to the 28th of February.
    assert audit.period_start == dt.datetime(2026, 1, 31, tzinfo=UTC)
    assert audit.period_end == dt.datetime(2026, 2, 28, tzinfo=UTC)
    assert audit.started_by is None
    ready = Notification.objects.filter(kind="audit.ready")
    assert sorted(ready.values_list("user__display_name", flat=True)) == [
        "Alice",
        "Bob",
    ]
    # The next month follows on from where this one ended.
    with at(dt.datetime(2026, 3, 31, 1, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 1
    march = Audit.objects.get(month=dt.date(2026, 3, 1))
    assert march.period_start == audit.period_end
    assert march.period_end == dt.datetime(2026, 3, 31, tzinfo=UTC)


def test_a_day_chosen_after_it_passed_waits_for_next_month(space):
    choose(space, 5, dt.datetime(2026, 3, 20, 10, tzinfo=UTC))
    with at(dt.datetime(2026, 3, 21, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 0
    with at(dt.datetime(2026, 4, 5, 3, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 1
    assert Audit.objects.get().month == dt.date(2026, 4, 1)


def test_the_day_comes_when_it_has_come_for_both_partners(space, alice, bob):
    User.objects.filter(pk=alice.pk).update(
        timezone="Pacific/Auckland"
    )  # UTC+13 in March
    User.objects.filter(pk=bob.pk).update(timezone="America/Los_Angeles")  # UTC-8/-7
    choose(space, 10, dt.datetime(2026, 1, 1, tzinfo=UTC))
    # 10 March 05:00 UTC: already the 10th in Auckland, still the 9th in LA.
    with at(dt.datetime(2026, 3, 10, 5, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 0
    with at(dt.datetime(2026, 3, 10, 9, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 1
    audit = Audit.objects.get()
    # Midnight of the 10th in Los Angeles (UTC-7 after the clocks changed
    # on 8 March).
    assert audit.period_end == dt.datetime(2026, 3, 10, 7, tzinfo=UTC)


def test_no_audit_is_drafted_without_a_partner_or_in_a_closed_space(
    space, bob, other_space, dave
):
    choose(space, 1, dt.datetime(2026, 1, 1, tzinfo=UTC))
    choose(other_space, 1, dt.datetime(2026, 1, 1, tzinfo=UTC))
    space_leave(membership=bob.memberships.get())
    space_leave(membership=dave.memberships.get())
    with at(dt.datetime(2026, 2, 1, 12, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 0
    assert not Audit.objects.exists()


def test_both_are_reminded_two_days_before_once(space, alice, bob):
    choose(space, 15, dt.datetime(2026, 1, 1, tzinfo=UTC))
    with at(dt.datetime(2026, 3, 12, 12, tzinfo=UTC)):
        tasks.remind_audits.call()
    assert not Notification.objects.filter(kind="audit.soon").exists()
    with at(dt.datetime(2026, 3, 13, 12, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 2
        assert tasks.remind_audits.call() == 0
    with at(dt.datetime(2026, 3, 14, 12, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 0
    assert Notification.objects.filter(kind="audit.soon").count() == 2
    assert Notification.objects.filter(kind="audit.soon").first().message == (
        "Your monthly trust audit is in two days."
    )


def test_no_reminder_when_the_month_was_started_early(space, alice, bob):
    choose(space, 15, dt.datetime(2026, 1, 1, tzinfo=UTC))
    with at(dt.datetime(2026, 3, 10, 12, tzinfo=UTC)):
        services.audit_start(space=space, by=alice)
    with at(dt.datetime(2026, 3, 13, 12, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 0
        assert tasks.draft_due_audits.call() == 0
    with at(dt.datetime(2026, 3, 15, 12, tzinfo=UTC)):
        assert tasks.draft_due_audits.call() == 0
    assert Audit.objects.count() == 1


def test_the_partner_who_waits_is_remembered_once(space, alice, bob):
    with at(dt.datetime(2026, 3, 10, 12, tzinfo=UTC)):
        audit = services.audit_start(space=space, by=alice)
        write(audit, alice)
        services.audit_sign_off(audit=audit, by=alice)
    with at(dt.datetime(2026, 3, 11, 12, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 0
    with at(dt.datetime(2026, 3, 13, 12, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 1
        assert tasks.remind_audits.call() == 0
    waiting = Notification.objects.get(kind="audit.waiting")
    assert waiting.user == bob
    assert waiting.message.startswith("Alice signed off your trust audit")
    # Once both have signed off, nobody is waiting.
    write(audit, bob)
    services.audit_sign_off(audit=audit, by=bob)
    Reflection.objects.update(signed_off_at=dt.datetime(2026, 3, 1, tzinfo=UTC))
    with at(dt.datetime(2026, 3, 20, 12, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 0


def test_the_partner_reminder_date_follows_sign_offs(space, alice, bob):
    def reminder_at():
        return Audit.objects.get(pk=audit.pk).partner_reminder_at

    with at(dt.datetime(2026, 3, 10, 12, tzinfo=UTC)):
        audit = services.audit_start(space=space, by=alice)
        write(audit, alice)
        services.audit_sign_off(audit=audit, by=alice)
    assert reminder_at() == dt.datetime(2026, 3, 12, 12, tzinfo=UTC)
    services.audit_sign_off_withdraw(audit=audit, by=alice)
    assert reminder_at() is None
    with at(dt.datetime(2026, 3, 11, 9, tzinfo=UTC)):
        services.audit_sign_off(audit=audit, by=alice)
    assert reminder_at() == dt.datetime(2026, 3, 13, 9, tzinfo=UTC)
    # Withdrawn and signed off again: the reminder waits for the new date.
    with at(dt.datetime(2026, 3, 12, 12, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 0
    with at(dt.datetime(2026, 3, 13, 9, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 1
    assert reminder_at() is None
    write(audit, bob)
    services.audit_sign_off(audit=audit, by=bob)
    assert Audit.objects.get(pk=audit.pk).is_closed
    assert reminder_at() is None


def test_an_audit_closed_by_the_second_sign_off_is_not_due(space, alice, bob):
    with at(dt.datetime(2026, 3, 10, 12, tzinfo=UTC)):
        audit = services.audit_start(space=space, by=alice)
        write(audit, alice)
        write(audit, bob)
        services.audit_sign_off(audit=audit, by=alice)
        services.audit_sign_off(audit=audit, by=bob)
    assert Audit.objects.get(pk=audit.pk).partner_reminder_at is None
    with at(dt.datetime(2026, 3, 20, 12, tzinfo=UTC)):
        assert tasks.remind_audits.call() == 0
    assert not Notification.objects.filter(kind="audit.waiting").exists()
