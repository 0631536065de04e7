"""The repair's steps (troth/repair/steps.py): what the pages offer each
partner is exactly what the services let them do, at every point of a
repair's life."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from troth.repair import services
from troth.repair.models import PHASE_ORDER, Repair
from troth.repair.steps import STEPS
from troth.repair.tests.factories import (
    answered,
    apologised,
    heard,
    mirrored,
    opened,
    with_account,
)
from troth.spaces.services import space_leave
from troth.spaces.steps import Refused

pytestmark = pytest.mark.django_db


def _move(repair, by):
    here = PHASE_ORDER.index(repair.phase)
    there = here + 1 if here + 1 < len(PHASE_ORDER) else here - 1
    services.repair_move(repair=repair, by=by, phase=PHASE_ORDER[there])


def _in_a_week() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=7)


# Each repair step, taken through its service with input that is right.
CALLS = {
    "write_account": lambda r, u: services.account_write(
        repair=r, by=u, text="It felt like being watched.", seriousness=2
    ),
    "mirror": lambda r, u: services.mirror_write(
        repair=r, by=u, text="You felt watched."
    ),
    "heard": lambda r, u: services.mirror_answer(repair=r, by=u, heard=True),
    "try_again": lambda r, u: services.mirror_answer(
        repair=r, by=u, heard=False, note="Not quite."
    ),
    "send_apology": lambda r, u: services.apology_send(
        repair=r, by=u, text="I'm sorry."
    ),
    "answer_apology": lambda r, u: services.apology_answer(
        repair=r, by=u, answer="not_yet"
    ),
    "move_phase": _move,
    "resolve": lambda r, u: services.repair_resolve(repair=r, by=u),
    "reopen": lambda r, u: services.repair_reopen(repair=r, by=u),
    "add_to_plan": lambda r, u: services.plan_promise_add(
        repair=r, by=u, text="Ask first.", due_date=_in_a_week()
    ),
    "write_note": lambda r, u: services.note_write(repair=r, by=u, text="For me."),
    "log_therapy": lambda r, u: services.therapy_log(
        repair=r, by=u, kind="couples", on=timezone.localdate()
    ),
    "check_in": lambda r, u: services.forgiveness_checkin(
        repair=r, by=u, distance=4, even=2, goodwill=5
    ),
}


def _situations(space, alice, bob, carol, dave, other_space) -> dict:
    """Repairs where Bob was hurt by Alice, at every point of their life,
    and one in a space that has closed."""

    def moved(repair):
        _move(repair, bob)
        return repair

    def resolved(repair):
        services.repair_resolve(repair=repair, by=bob)
        return repair

    def tried_again(repair):
        services.mirror_answer(repair=repair, by=bob, heard=False)
        return repair

    frozen = opened(other_space, dave, carol)
    space_leave(membership=carol.memberships.get())
    return {
        "opened by bob": opened(space, bob, alice),
        "opened by alice": opened(space, bob, alice, by=alice),
        "account written": with_account(space, bob, alice),
        "mirrored": mirrored(space, bob, alice),
        "tried again": tried_again(mirrored(space, bob, alice)),
        "heard": heard(space, bob, alice),
        "apologised": apologised(space, bob, alice),
        "answered": answered(space, bob, alice),
        "in attune": moved(answered(space, bob, alice)),
        "closed": resolved(heard(space, bob, alice)),
        "in a closed space": frozen,
    }


def _takes(name: str, repair: Repair, user) -> Refused | None:
    """Whether the service lets `user` take the step; nothing is kept."""
    fresh = Repair.objects.get(pk=repair.pk)
    with transaction.atomic():
        try:
            CALLS[name](fresh, user)
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
    for label, repair in situations.items():
        repair = Repair.objects.select_related("space", "hurt", "other").get(
            pk=repair.pk
        )
        for user in (repair.hurt, repair.other):
            allowed = STEPS.allowed(repair, user)
            for name in CALLS:
                refusal = _takes(name, repair, user)
                where = f"{name} by {user} when {label}"
                assert (refusal is None) == (name in allowed), (where, refusal)
                if refusal is None:
                    offered += 1
                    continue
                refused += 1
                said = STEPS.refusal(name, repair, user)
                if repair.space.is_open:
                    assert said is not None and said.code == refusal.code, where
                else:  # Dave stayed in the closed space, Carol left it
                    assert refusal.code in ("closed", "not_member"), where
    assert offered > 30 and refused > 100


def test_a_refused_step_changes_nothing_and_says_why(space, alice, bob):
    repair = with_account(space, bob, alice)
    with pytest.raises(Refused) as caught:
        services.mirror_write(repair=repair, by=bob, text="Me.")
    assert caught.value.code == "not_other"
    assert caught.value.message == "This step belongs to Alice."
    repair.refresh_from_db()
    assert repair.step == "mirror"
