"""The pages offer exactly the steps the services allow, for a disagreement
and each view of it, in an open space and once it is closed."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from troth.conflicts import services
from troth.conflicts.models import Conflict, ConflictView
from troth.conflicts.steps import CONFLICT_STEPS, VIEW_STEPS
from troth.conflicts.tests.helpers import VIEW, add, log
from troth.spaces.models import Membership
from troth.spaces.services import space_leave
from troth.spaces.steps import Refused

pytestmark = pytest.mark.django_db

FIELDS: dict[str, Any] = dict(VIEW)

# Each view step, taken through its service.
VIEW_CALLS = {
    "update": lambda v, u: services.conflict_view_update(
        view=v, by=u, **{**FIELDS, "intensity": 5}
    ),
    "share": lambda v, u: services.conflict_view_share(view=v, by=u),
    "stop": lambda v, u: services.conflict_view_stop(view=v, by=u),
    "delete": lambda v, u: services.conflict_view_delete(view=v, by=u),
}


def _own_view(conflict: Conflict, user) -> ConflictView:
    return ConflictView.objects.get(conflict=conflict, author=user)


# Each conflict step; changing the frame goes through the person's own view.
CONFLICT_CALLS = {
    "add_view": lambda c, u: services.conflict_view_add(conflict=c, author=u, **FIELDS),
    "edit_frame": lambda c, u: services.conflict_view_update(
        view=_own_view(c, u), by=u, topic="Another topic", **FIELDS
    ),
}


def _situations(space, alice, bob) -> list[ConflictView]:
    """Views at every point of their life: private, shared, the partner's,
    the partner's once the logger stopped sharing or deleted theirs."""
    private = log(space, alice)
    shared = log(space, alice, shared=True)
    answered = log(space, alice, shared=True)
    bobs = add(answered.conflict, bob, shared=True)
    stopped = log(space, alice, shared=True)
    bobs_kept = add(stopped.conflict, bob)
    services.conflict_view_stop(view=stopped, by=alice)
    deleted = log(space, alice, shared=True)
    bobs_left = add(deleted.conflict, bob, shared=True)
    services.conflict_view_delete(view=deleted, by=alice)
    return [private, shared, answered, bobs, stopped, bobs_kept, bobs_left]


def _takes(call, obj, user) -> Refused | None:
    """Whether the service lets `user` take the step; nothing is kept."""
    with transaction.atomic():
        try:
            call(obj, user)
        except Refused as refusal:
            return refusal
        finally:
            transaction.set_rollback(True)
    return None


def _check_all(views, alice, bob) -> tuple[int, int]:
    offered = refused = 0
    for view in views:
        for user in (alice, bob):
            fresh = ConflictView.objects.select_related("conflict", "space").get(
                pk=view.pk
            )
            allowed = VIEW_STEPS.allowed(fresh, user)
            for name, call in VIEW_CALLS.items():
                refusal = _takes(call, fresh, user)
                where = f"{name} by {user} on {view}"
                assert (refusal is None) == (name in allowed), where
                offered += refusal is None
                refused += refusal is not None
                fresh.refresh_from_db()
            conflict = Conflict.objects.select_related("space").get(pk=view.conflict_id)
            allowed = CONFLICT_STEPS.allowed(conflict, user)
            for name, call in CONFLICT_CALLS.items():
                mine = conflict.views.filter(author=user).exists()
                if name == "edit_frame" and not mine:
                    continue  # the frame is changed along with one's view
                refusal = _takes(call, conflict, user)
                where = f"{name} by {user} on {conflict}"
                assert (refusal is None) == (name in allowed), where
                offered += refusal is None
                refused += refusal is not None
    return offered, refused


def test_the_pages_offer_exactly_the_steps_the_services_allow(space, alice, bob):
    assert set(VIEW_CALLS) == set(VIEW_STEPS.steps)
    assert set(CONFLICT_CALLS) == set(CONFLICT_STEPS.steps)
    views = _situations(space, alice, bob)
    offered, refused = _check_all(views, alice, bob)
    assert offered > 20 and refused > 20
    # Closed: only taking back one's own words is left.
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    offered, refused = _check_all(views, alice, bob)
    assert offered > 5 and refused > 30
    for view in views:
        fresh = ConflictView.objects.select_related("conflict", "space").get(pk=view.pk)
        assert VIEW_STEPS.allowed(fresh, fresh.author) <= {"stop", "delete"}


def test_a_refused_step_says_why_and_changes_nothing(space, alice, bob):
    view = log(space, alice, shared=True)
    with pytest.raises(Refused) as caught:
        services.conflict_view_share(view=view, by=alice)
    assert caught.value.code == "wrong_state"
    assert caught.value.message == "Your view is already shared."
    with pytest.raises(Refused) as caught:
        services.conflict_view_delete(view=view, by=bob)
    assert caught.value.code == "wrong_person"
    assert ConflictView.objects.filter(pk=view.pk).exists()
