"""The audit's steps (troth/audits/steps.py): what the pages offer each
partner is exactly what the services let them do, at every point of an
audit's life, and the same for starting this month's audit early."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from conftest import make_space, make_user
from troth.audits import services
from troth.audits.models import Audit, Commitment
from troth.audits.steps import START, STEPS
from troth.audits.tests.helpers import write
from troth.spaces.services import space_leave
from troth.spaces.steps import Refused

pytestmark = pytest.mark.django_db


def _soon() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=3)


def _take_back(audit, user):
    """Take back one of `user`'s commitments (one is made for the purpose
    when they have none, straight in the table)."""
    commitment = Commitment.objects.filter(audit=audit, author=user).first()
    if commitment is None:
        commitment = Commitment.objects.create(
            space=audit.space, author=user, audit=audit, text="x", due_date=_soon()
        )
    services.commitment_remove(commitment=commitment, by=user)


# Each audit step, taken through its service with input that is right.
CALLS = {
    "reflect": lambda a, u: write(a, u, went_well="The walks."),
    "commit": lambda a, u: services.commitment_add(
        audit=a, by=u, text="Walk on Sundays", due_date=_soon()
    ),
    "take_back": _take_back,
    "sign_off": lambda a, u: services.audit_sign_off(audit=a, by=u),
    "withdraw_sign_off": lambda a, u: services.audit_sign_off_withdraw(audit=a, by=u),
}


def _drafted(space, n: int) -> Audit:
    """An audit of a month long past (one per month and space)."""
    month = dt.date(2020, n, 1)
    audit = services.audit_draft(
        space=space,
        month=month,
        end=dt.datetime(2020, n, 20, tzinfo=dt.UTC),
        day=20,
    )
    assert audit is not None
    return audit


def _situations(space, alice, bob, carol, dave, other_space) -> dict:
    """Audits of Alice and Bob at every point, and one in a closed space."""
    counter = iter(range(1, 13))

    def audit(*steps):
        made = _drafted(space, next(counter))
        for step, who in steps:
            CALLS[step](made, {"a": alice, "b": bob}[who])
        return made

    five = audit(("reflect", "a"))
    for n in range(5):
        services.commitment_add(
            audit=five, by=alice, text=f"Thing {n}", due_date=_soon()
        )
    frozen = _drafted(other_space, 1)
    write(frozen, carol)
    space_leave(membership=carol.memberships.get())
    return {
        "drafted": audit(),
        "alice wrote": audit(("reflect", "a")),
        "both wrote": audit(("reflect", "a"), ("reflect", "b")),
        "alice committed": audit(("reflect", "a"), ("commit", "a")),
        "alice has five commitments": five,
        "alice signed off": audit(("reflect", "a"), ("sign_off", "a")),
        "alice signed off, bob wrote": audit(
            ("reflect", "a"), ("sign_off", "a"), ("reflect", "b"), ("commit", "b")
        ),
        "closed": audit(
            ("reflect", "a"), ("reflect", "b"), ("sign_off", "a"), ("sign_off", "b")
        ),
        "in a closed space": frozen,
    }


def _as_on_its_page(audit: Audit) -> Audit:
    """The audit with what its page prefetches (troth.audits.views._audit)."""
    return (
        Audit.objects.select_related("space")
        .prefetch_related(
            "reflections",
            Prefetch("commitments", Commitment.objects.only("audit_id", "author_id")),
        )
        .get(pk=audit.pk)
    )


def _takes(call, *args) -> Refused | None:
    """Whether the service takes the step; nothing is kept."""
    with transaction.atomic():
        try:
            call(*args)
        except Refused as refusal:
            return refusal
        finally:
            transaction.set_rollback(True)
    return None


def test_the_pages_offer_exactly_the_steps_the_services_allow(
    space, alice, bob, carol, dave, other_space
):
    assert set(CALLS) == set(STEPS.steps), "every declared step is exercised"
    situations = _situations(space, alice, bob, carol, dave, other_space)
    offered = refused = 0
    for label, audit in situations.items():
        audit = _as_on_its_page(audit)
        people = (alice, bob) if audit.space_id == space.pk else (carol, dave)
        for user in people:
            allowed = STEPS.allowed(audit, user)
            for name, call in CALLS.items():
                fresh = Audit.objects.get(pk=audit.pk)
                refusal = _takes(call, fresh, user)
                where = f"{name} by {user} when {label}"
                assert (refusal is None) == (name in allowed), (where, refusal)
                if refusal is None:
                    offered += 1
                    continue
                refused += 1
                said = STEPS.refusal(name, audit, user)
                if audit.space.is_open:
                    assert said is not None and said.code == refusal.code, where
                else:  # Dave stayed in the closed space, Carol left it
                    assert refusal.code in ("closed", "not_member"), where
    assert offered > 15 and refused > 30


def test_the_index_offers_to_start_exactly_when_the_service_would(
    space, alice, bob, carol, dave, other_space
):
    frank = make_user("frank")
    alone = make_space(frank)
    space_leave(membership=carol.memberships.get())
    cases = [
        (space, alice, True),
        (alone, frank, False),  # no partner yet
        (other_space, dave, False),  # closed
    ]
    for where, user, expected in cases:
        where.refresh_from_db()
        assert ("start" in START.allowed(where, user)) is expected, where
        refusal = _takes(lambda s, u: services.audit_start(space=s, by=u), where, user)
        assert (refusal is None) is expected, (where, refusal)
    services.audit_start(space=space, by=bob)
    assert "start" not in START.allowed(space, alice)
    refusal = _takes(lambda s, u: services.audit_start(space=s, by=u), space, alice)
    assert refusal is not None and refusal.code == "exists"
