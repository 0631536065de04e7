"""The audit's steps: reflections revealed when both wrote, commitments,
sign-off by each partner, closing, and commitments becoming promises
exactly once. Refused steps change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import make_space, make_user
from troth.audits import services
from troth.audits.models import Audit, Commitment, Reflection
from troth.audits.tests.helpers import write
from troth.promises.models import Promise
from troth.spaces.models import Activity
from troth.spaces.services import space_leave

pytestmark = pytest.mark.django_db


def in_days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


@pytest.fixture
def audit(space, alice):
    return services.audit_start(space=space, by=alice)


def test_it_starts_this_months_audit_once(space, alice, bob, audit):
    assert audit.started_by == alice
    assert audit.period_end <= timezone.now()
    # With no audit before it, it covers the month back to the same day.
    today = timezone.now().date()
    month_back = services.audit_date(
        today.day, services.add_months(today.replace(day=1), -1)
    )
    assert audit.period_start == dt.datetime.combine(
        month_back, dt.time.min, tzinfo=dt.UTC
    )
    with pytest.raises(ValidationError, match="already started"):
        services.audit_start(space=space, by=bob)
    assert Audit.objects.count() == 1
    assert Activity.objects.filter(verb="audit.started", recipient=bob).exists()


def test_it_needs_both_partners(alice):
    alone = make_space(alice)
    with pytest.raises(ValidationError, match="partner has joined"):
        services.audit_start(space=alone, by=alice)
    assert not Audit.objects.exists()


def test_an_outsider_cannot_take_any_step(audit, carol):
    with pytest.raises(ValidationError):
        services.reflection_save(
            audit=audit, by=carol, went_well="x", differently="", need=""
        )
    with pytest.raises(ValidationError):
        services.commitment_add(audit=audit, by=carol, text="x", due_date=in_days(5))
    with pytest.raises(ValidationError):
        services.audit_sign_off(audit=audit, by=carol)
    assert not Reflection.objects.exists() and not Commitment.objects.exists()


def test_reflections_stay_private_until_both_have_written(audit, alice, bob):
    write(audit, alice, went_well="You cooked every Thursday.")
    assert not Reflection.objects.visible_to(bob).filter(audit=audit).exists()
    audit.refresh_from_db()
    assert audit.revealed_at is None
    write(audit, bob, need="More quiet evenings.")
    audit.refresh_from_db()
    assert audit.revealed_at is not None
    seen_by_bob = Reflection.objects.visible_to(bob).filter(audit=audit)
    assert {r.author_id for r in seen_by_bob} == {alice.pk, bob.pk}


def test_a_reflection_made_private_is_not_read_by_the_partner(audit, alice, bob, space):
    write(audit, alice)
    write(audit, bob)
    assert services.reflections_sharing_stop(user=alice, space=space) == 1
    assert not Reflection.objects.visible_to(bob).filter(author=alice).exists()
    assert Reflection.objects.visible_to(alice).filter(author=bob).exists()


def test_an_empty_or_too_long_reflection_is_refused(audit, alice):
    with pytest.raises(ValidationError, match="at least one"):
        services.reflection_save(
            audit=audit, by=alice, went_well="  ", differently="", need=""
        )
    with pytest.raises(ValidationError, match="under 2000"):
        services.reflection_save(
            audit=audit, by=alice, went_well="x" * 2001, differently="", need=""
        )
    assert not Reflection.objects.exists()


def test_sign_off_needs_a_reflection(audit, alice):
    with pytest.raises(ValidationError, match="reflection before"):
        services.audit_sign_off(audit=audit, by=alice)


def test_both_sign_offs_close_the_audit_and_make_each_commitment_a_promise_once(
    audit, alice, bob
):
    write(audit, alice)
    write(audit, bob)
    services.commitment_add(
        audit=audit, by=alice, text="Cook on Thursdays", due_date=in_days(20)
    )
    services.commitment_add(
        audit=audit, by=bob, text="Plan a night out", due_date=in_days(25)
    )
    services.audit_sign_off(audit=audit, by=alice)
    audit.refresh_from_db()
    assert audit.closed_at is None
    assert not Promise.objects.exists()
    assert Activity.objects.filter(
        verb="audit.signed_off", author=alice, recipient=bob
    ).exists()

    services.audit_sign_off(audit=audit, by=bob)
    audit.refresh_from_db()
    assert audit.closed_at is not None
    promises = {p.text: p for p in Promise.objects.all()}
    assert set(promises) == {"Cook on Thursdays", "Plan a night out"}
    assert promises["Cook on Thursdays"].author == alice
    assert promises["Cook on Thursdays"].promisee == bob
    assert promises["Plan a night out"].author == bob
    assert promises["Cook on Thursdays"].due_date == in_days(20)
    for commitment in Commitment.objects.all():
        assert commitment.promise.origin_id == commitment.pk

    # Nothing more can happen to a closed audit, and no promise is made twice.
    with pytest.raises(ValidationError, match="closed"):
        services.audit_sign_off(audit=audit, by=bob)
    with pytest.raises(ValidationError, match="closed"):
        services.audit_sign_off_withdraw(audit=audit, by=alice)
    with pytest.raises(ValidationError, match="closed"):
        services.commitment_add(audit=audit, by=alice, text="More", due_date=in_days(3))
    assert Promise.objects.count() == 2


def test_signing_off_locks_ones_part_until_taken_back(audit, alice):
    write(audit, alice)
    services.audit_sign_off(audit=audit, by=alice)
    with pytest.raises(ValidationError, match="Take your sign-off back"):
        write(audit, alice, went_well="Changed my mind")
    with pytest.raises(ValidationError, match="Take your sign-off back"):
        services.commitment_add(audit=audit, by=alice, text="Walk", due_date=in_days(4))
    with pytest.raises(ValidationError, match="already signed off"):
        services.audit_sign_off(audit=audit, by=alice)
    services.audit_sign_off_withdraw(audit=audit, by=alice)
    write(audit, alice, went_well="Changed my mind")
    assert Reflection.objects.get(author=alice).went_well == "Changed my mind"
    with pytest.raises(ValidationError, match="haven't signed off"):
        services.audit_sign_off_withdraw(audit=audit, by=alice)


def test_a_commitment_due_on_a_passed_day_stops_the_closing_and_says_whose(
    audit, alice, bob
):
    write(audit, alice)
    write(audit, bob)
    services.commitment_add(
        audit=audit, by=alice, text="Fix the shelf", due_date=in_days(2)
    )
    Commitment.objects.update(due_date=in_days(-3))  # time went by
    services.audit_sign_off(audit=audit, by=alice)
    with pytest.raises(ValidationError, match="Alice's commitment"):
        services.audit_sign_off(audit=audit, by=bob)
    audit.refresh_from_db()
    assert audit.closed_at is None
    assert not Reflection.objects.get(author=bob).is_signed_off
    assert not Promise.objects.exists()


def test_commitments_are_checked_and_limited(audit, alice, bob):
    with pytest.raises(ValidationError, match="Say what"):
        services.commitment_add(audit=audit, by=alice, text=" ", due_date=in_days(3))
    with pytest.raises(ValidationError, match="hasn't passed"):
        services.commitment_add(
            audit=audit, by=alice, text="Walk", due_date=in_days(-1)
        )
    with pytest.raises(ValidationError, match="three months"):
        services.commitment_add(
            audit=audit, by=alice, text="Walk", due_date=in_days(200)
        )
    with pytest.raises(ValidationError, match="under 500"):
        services.commitment_add(
            audit=audit, by=alice, text="x" * 501, due_date=in_days(3)
        )
    for n in range(5):
        services.commitment_add(
            audit=audit, by=alice, text=f"Thing {n}", due_date=in_days(3)
        )
    with pytest.raises(ValidationError, match="Up to 5"):
        services.commitment_add(
            audit=audit, by=alice, text="One more", due_date=in_days(3)
        )
    assert Commitment.objects.filter(author=alice).count() == 5


def test_only_its_author_takes_back_a_commitment(audit, alice, bob):
    c = services.commitment_add(audit=audit, by=alice, text="Walk", due_date=in_days(3))
    with pytest.raises(ValidationError, match="Only the person"):
        services.commitment_remove(commitment=c, by=bob)
    services.commitment_remove(commitment=c, by=alice)
    assert not Commitment.objects.exists()


def test_nothing_changes_once_a_partner_has_left(space, audit, alice, bob):
    write(audit, alice)
    space_leave(membership=bob.memberships.get())
    with pytest.raises(ValidationError, match="closed"):
        services.audit_sign_off(audit=audit, by=alice)
    assert not Reflection.objects.get(author=alice).is_signed_off


def test_the_audit_day_is_checked_and_the_partner_told(space, alice, bob):
    with pytest.raises(ValidationError):
        services.audit_day_set(space=space, by=alice, day=32)
    with pytest.raises(ValidationError):
        services.audit_day_set(space=space, by=alice, day=0)
    settings = services.audit_day_set(space=space, by=alice, day=31)
    assert settings.day == 31
    assert Activity.objects.filter(verb="audit.day_set", recipient=bob).count() == 1
    # The same day again is no change and tells nobody anything new.
    services.audit_day_set(space=space, by=bob, day=31)
    assert Activity.objects.filter(verb="audit.day_set").count() == 1


def test_someone_in_another_space_cannot_set_the_day(space, carol):
    with pytest.raises(ValidationError):
        services.audit_day_set(space=space, by=carol, day=5)


def test_a_new_person_can_start_only_their_own_spaces_audit(space, audit):
    stranger = make_user("frank")
    with pytest.raises(ValidationError):
        services.audit_start(space=space, by=stranger)


def test_each_step_tells_the_partner_in_words_without_content(audit, alice, bob):
    from conftest import run_tasks
    from troth.notifications.models import Notification

    write(audit, alice, went_well="Something private and specific")
    services.audit_sign_off(audit=audit, by=alice)
    run_tasks()
    messages = [
        n.message
        for n in Notification.objects.filter(user=bob).order_by("created", "id")
    ]
    assert messages == [
        "Alice started this month's trust audit early.",
        "Alice wrote their reflection for your trust audit.",
        "Alice signed off your trust audit. Your part is waiting.",
    ]
    write(audit, bob)
    services.audit_sign_off(audit=audit, by=bob)
    run_tasks()
    closed = Notification.objects.get(user=alice, kind="audit.closed")
    assert closed.message.startswith("Bob signed off too")
    assert closed.url == audit.get_absolute_url()
    assert not any("private" in n.message for n in Notification.objects.all())
