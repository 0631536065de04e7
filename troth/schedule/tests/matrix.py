"""The calendar's cases for the authorization matrix (tests/matrix.py).

Decided for busy-only events: the partner may open the event's page and an
occurrence's page, which show "Busy" and the time only (the same as the
calendar shows); everything else about a busy-only event, and every step
that changes any event, is its author's alone: a 404 for anyone else.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tests.matrix import Case
from troth.schedule.models import (
    Event,
    EventVisibility,
    OccurrenceChange,
    occurrence_key,
)
from troth.schedule.services import EventFields, event_create

ALICE = {"alice"}
COUPLE = {"alice", "bob"}
OTHERS = {"carol", "dave"}


def _event(
    world, *, visibility, kind=Event.Kind.EVENT, author=None, space=None, weekly=False
):
    start = (timezone.now() - timedelta(days=3)).replace(microsecond=0)
    return event_create(
        space=space or world.space,
        author=author or world.alice,
        fields=EventFields(
            title="Matrix event",
            start=start,
            end=start + timedelta(hours=1),
            time_zone="UTC",
            visibility=visibility,
            rrule="FREQ=WEEKLY" if weekly or kind == Event.Kind.RITUAL else "",
            kind=kind,
        ),
    )


def event(visibility, **extra):
    def make(world):
        return {"pk": _event(world, visibility=visibility, **extra).pk}

    return make


def carols(world):
    return {
        "pk": _event(
            world,
            visibility=EventVisibility.SHARED,
            author=world.carol,
            space=world.other_space,
        ).pk
    }


def occurrence(visibility, *, changed=False, **extra):
    def make(world):
        item = _event(world, visibility=visibility, weekly=True, **extra)
        if changed:
            OccurrenceChange.objects.create(
                event=item, original=item.start, cancelled=True
            )
        return {"pk": item.pk, "when": occurrence_key(item.start)}

    return make


SHARED, BUSY, PRIVATE = (
    EventVisibility.SHARED,
    EventVisibility.BUSY,
    EventVisibility.PRIVATE,
)
RITUAL = {"kind": Event.Kind.RITUAL}

CASES = {
    "schedule:event": [
        Case("private", event(PRIVATE), ALICE),
        Case("shared", event(SHARED), COUPLE),
        Case("busy only: the partner sees busy", event(BUSY), COUPLE),
        Case("ritual", event(SHARED, **RITUAL), COUPLE),
        Case("another couple's", carols, OTHERS),
    ],
    "schedule:event_edit": [
        Case("private", event(PRIVATE), ALICE),
        Case("shared", event(SHARED), ALICE),
        Case("busy only", event(BUSY), ALICE),
        Case("another couple's", carols, {"carol"}),
    ],
    "schedule:event_delete": [
        Case("shared", event(SHARED), ALICE, method="POST"),
        Case("busy only", event(BUSY), ALICE, method="POST"),
        Case("private", event(PRIVATE), ALICE, method="POST"),
    ],
    "schedule:event_visibility": [
        Case(
            "shared",
            event(SHARED),
            ALICE,
            method="POST",
            data={"visibility": "private"},
        ),
        Case(
            "busy only",
            event(BUSY),
            ALICE,
            method="POST",
            data={"visibility": "shared"},
        ),
        Case(
            "private",
            event(PRIVATE),
            ALICE,
            method="POST",
            data={"visibility": "shared"},
        ),
    ],
    "schedule:event_reminder": [
        Case("shared", event(SHARED), COUPLE, method="POST", data={"reminder": "10"}),
        Case("busy only", event(BUSY), ALICE, method="POST", data={"reminder": "10"}),
        Case("private", event(PRIVATE), ALICE, method="POST", data={"reminder": "10"}),
        Case(
            "ritual",
            event(SHARED, **RITUAL),
            COUPLE,
            method="POST",
            data={"reminder": ""},
        ),
    ],
    "schedule:occurrence": [
        Case("private", occurrence(PRIVATE), ALICE),
        Case("shared", occurrence(SHARED), COUPLE),
        Case("busy only: the partner sees busy", occurrence(BUSY), COUPLE),
        Case("ritual", occurrence(SHARED, **RITUAL), COUPLE),
    ],
    "schedule:occurrence_move": [
        Case("shared", occurrence(SHARED), ALICE),
        Case("busy only", occurrence(BUSY), ALICE),
        Case(
            "shared, moved",
            occurrence(SHARED),
            ALICE,
            method="POST",
            data={
                "start_date": "2030-01-01",
                "start_time": "10:00",
                "end_time": "11:00",
            },
        ),
    ],
    "schedule:occurrence_cancel": [
        Case("shared", occurrence(SHARED), ALICE, method="POST"),
        Case("busy only", occurrence(BUSY), ALICE, method="POST"),
        Case("private", occurrence(PRIVATE), ALICE, method="POST"),
    ],
    "schedule:occurrence_restore": [
        Case("shared", occurrence(SHARED, changed=True), ALICE, method="POST"),
        Case("busy only", occurrence(BUSY, changed=True), ALICE, method="POST"),
    ],
    "schedule:occurrence_mark": [
        Case(
            "shared ritual",
            occurrence(SHARED, **RITUAL),
            COUPLE,
            method="POST",
            data={"happened": "yes"},
        ),
        Case(
            "busy only (not a ritual: refused for its author)",
            occurrence(BUSY),
            ALICE,
            method="POST",
            data={"happened": "yes"},
        ),
        Case(
            "private event",
            occurrence(PRIVATE),
            ALICE,
            method="POST",
            data={"happened": "yes"},
        ),
    ],
}

EXEMPT = {
    "schedule:feed": (
        "A capability URL: the secret token is the credential, not a session, so "
        "people signed in as anyone get the same answer. Tested in "
        "troth/schedule/tests/test_feed.py (revoked, replaced, wrong and "
        "deactivated-owner tokens are 404; busy-only events appear as Busy)."
    ),
}
