"""The pages offer exactly the steps the services allow, for a planned
exercise and a log of it, in an open space and once it is closed."""

from __future__ import annotations

import pytest
from django.db import transaction

from troth.exercises import services
from troth.exercises.models import ExerciseLog, Session
from troth.exercises.steps import LOG_STEPS, SESSION_STEPS
from troth.exercises.tests.helpers import past, plan
from troth.spaces.models import Membership
from troth.spaces.services import space_leave
from troth.spaces.steps import Refused

pytestmark = pytest.mark.django_db

SESSION_CALLS = {
    "cancel": lambda s, u: services.session_cancel(session=s, by=u),
    "log": lambda s, u: services.log_save(
        session=s, author=u, outcome="helped", visibility="shared"
    ),
}
LOG_CALLS = {"stop": lambda log, u: services.log_stop(log=log, by=u)}


def _situations(space, alice, bob) -> tuple[list[Session], list[ExerciseLog]]:
    """Sessions planned ahead, started, called off (before and after their
    time), planned by either partner; logs shared and private."""
    ahead = plan(space, alice)
    started = past(plan(space, alice))
    called_off = plan(space, alice)
    services.session_cancel(session=called_off, by=alice)
    called_off_past = plan(space, alice)
    services.session_cancel(session=called_off_past, by=alice)
    past(called_off_past)
    bobs = plan(space, bob)
    sessions = [ahead, started, called_off, called_off_past, bobs]
    logs = [
        services.log_save(
            session=started, author=alice, outcome="mixed", visibility="shared"
        ),
        services.log_save(
            session=started, author=bob, outcome="hard", visibility="private"
        ),
    ]
    return sessions, logs


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


def _agree(steps, calls, obj, user) -> tuple[int, int]:
    """Assert that `user` is offered exactly the steps the services take."""
    offered = refused = 0
    allowed = steps.allowed(obj, user)
    for name, call in calls.items():
        refusal = _takes(call, obj, user)
        assert (refusal is None) == (name in allowed), f"{name} by {user} on {obj}"
        offered += refusal is None
        refused += refusal is not None
        obj.refresh_from_db()
    return offered, refused


def _check_all(sessions, logs, alice, bob) -> tuple[int, int]:
    totals = [0, 0]
    for user in (alice, bob):
        for session in sessions:
            fresh = Session.objects.select_related("space").get(pk=session.pk)
            counts = _agree(SESSION_STEPS, SESSION_CALLS, fresh, user)
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
        for log in logs:
            fresh_log = ExerciseLog.objects.select_related("space").get(pk=log.pk)
            counts = _agree(LOG_STEPS, LOG_CALLS, fresh_log, user)
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
    return totals[0], totals[1]


def test_the_pages_offer_exactly_the_steps_the_services_allow(space, alice, bob):
    assert set(SESSION_CALLS) == set(SESSION_STEPS.steps)
    assert set(LOG_CALLS) == set(LOG_STEPS.steps)
    sessions, logs = _situations(space, alice, bob)
    offered, refused = _check_all(sessions, logs, alice, bob)
    assert offered >= 5 and refused >= 10
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    offered, refused = _check_all(sessions, logs, alice, bob)
    assert offered == 1  # Alice stops sharing her log; nothing else moves
    assert refused >= 20


def test_a_refused_step_says_why_and_changes_nothing(space, alice, bob):
    session = plan(space, alice)
    with pytest.raises(Refused) as caught:
        services.session_cancel(session=session, by=bob)
    assert caught.value.code == "wrong_person"
    session.refresh_from_db()
    assert not session.is_cancelled and session.event_id is not None
