"""The pages offer exactly the steps the services allow, for an event and
for one date of it, in an open space and once it is closed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from troth.schedule import services
from troth.schedule.models import Event, EventVisibility
from troth.schedule.recurrence import Occurrence, expand, occurrence_at
from troth.schedule.steps import DATE_STEPS, EVENT_STEPS
from troth.schedule.tests.helpers import at, make_event, make_ritual, rule
from troth.spaces.models import Membership
from troth.spaces.services import space_leave
from troth.spaces.steps import Refused

pytestmark = pytest.mark.django_db


def _same_fields(event: Event, **changes) -> services.EventFields:
    values = {
        "title": event.title,
        "start": event.start,
        "end": event.end,
        "time_zone": event.time_zone,
        "all_day": event.all_day,
        "visibility": event.visibility,
        "rrule": event.rrule,
        "kind": event.kind,
    }
    return services.EventFields(**{**values, **changes})


EVENT_CALLS = {
    "update": lambda e, u: services.event_update(
        event=e, by=u, fields=_same_fields(e, title="Renamed")
    ),
    "delete": lambda e, u: services.event_delete(event=e, by=u),
    "set_visibility": lambda e, u: services.event_visibility_set(
        event=e, by=u, visibility=EventVisibility.PRIVATE
    ),
    "remind": lambda e, u: services.reminder_set(event=e, by=u, minutes=30),
}
DATE_CALLS = {
    "cancel_once": lambda o, u: services.occurrence_cancel(
        event=o.event, by=u, original=o.original
    ),
    "move_once": lambda o, u: services.occurrence_move(
        event=o.event,
        by=u,
        original=o.original,
        start=o.start + timedelta(hours=1),
        end=o.end + timedelta(hours=1),
    ),
    "restore_once": lambda o, u: services.occurrence_restore(
        event=o.event, by=u, original=o.original
    ),
    "mark": lambda o, u: services.ritual_mark(
        event=o.event, by=u, original=o.original, happened=True
    ),
}


def _events(space, alice, bob) -> list[Event]:
    """A weekly ritual begun five weeks ago with one date called off and one
    moved; a one-off shared event, a private one and a busy-only one; a
    weekly event of Bob's."""
    ritual = make_ritual(
        alice,
        space,
        start=at(date.today() - timedelta(days=35), "19:30", "Europe/London"),
    )
    first, second = _dates(ritual)[:2]
    services.occurrence_cancel(event=ritual, by=alice, original=first.original)
    services.occurrence_move(
        event=ritual,
        by=alice,
        original=second.original,
        start=second.start + timedelta(hours=1),
        end=second.end + timedelta(hours=1),
    )
    return [
        ritual,
        make_event(alice, space),
        make_event(alice, space, visibility=EventVisibility.PRIVATE),
        make_event(alice, space, visibility=EventVisibility.BUSY),
        make_event(bob, space, rrule=rule(freq="WEEKLY")),
    ]


def _fresh(event: Event) -> Event:
    return (
        Event.objects.select_related("space", "author")
        .prefetch_related("changes")
        .get(pk=event.pk)
    )


def _dates(event: Event) -> list[Occurrence]:
    """Its first dates (called off, moved, past, to come), or its only one."""
    event = _fresh(event)
    if not event.is_recurring:
        found = occurrence_at(event, event.start, event.tz)
        return [found] if found is not None else []
    now = timezone.now()
    changed = [occurrence_at(event, c.original, event.tz) for c in event.changes.all()]
    past = expand([event], event.start - timedelta(days=1), now, event.tz)
    ahead = expand([event], now, now + timedelta(days=30), event.tz)
    by_original = {o.original: o for o in [*past[:3], *ahead[:1], *changed] if o}
    return list(by_original.values())


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


def _agree(steps, calls, obj, user, where: str) -> list[int]:
    offered = steps.allowed(obj, user)
    counts = [0, 0]
    for name, call in calls.items():
        refusal = _takes(call, obj, user)
        assert (refusal is None) == (name in offered), f"{name} by {user} {where}"
        counts[refusal is not None] += 1
    return counts


def _check_all(events, alice, bob) -> list[int]:
    totals = [0, 0]
    for event in events:
        for user in (alice, bob):
            counts = _agree(EVENT_STEPS, EVENT_CALLS, _fresh(event), user, f"{event}")
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            for occurrence in _dates(event):
                where = f"on {occurrence.original} of {event}"
                counts = _agree(DATE_STEPS, DATE_CALLS, occurrence, user, where)
                totals = [a + b for a, b in zip(totals, counts, strict=True)]
    return totals


def test_the_pages_offer_exactly_the_steps_the_services_allow(space, alice, bob):
    assert set(EVENT_CALLS) == set(EVENT_STEPS.steps)
    assert set(DATE_CALLS) == set(DATE_STEPS.steps)
    events = _events(space, alice, bob)
    offered, refused = _check_all(events, alice, bob)
    assert offered > 30 and refused > 60
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    offered_closed, refused_closed = _check_all(events, alice, bob)
    assert 0 < offered_closed < offered and refused_closed > refused


def test_a_refused_step_says_why_and_changes_nothing(space, alice, bob):
    event = make_event(alice, space)
    with pytest.raises(Refused) as caught:
        services.event_delete(event=event, by=bob)
    assert caught.value.code == "wrong_person"
    with pytest.raises(Refused) as caught:
        services.occurrence_cancel(event=event, by=alice, original=event.start)
    assert caught.value.message == "This event happens once: delete it instead."
    assert Event.objects.filter(pk=event.pk).exists()
    assert not event.changes.exists()
