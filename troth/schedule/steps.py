"""The steps an event and one date of it can take, declared once (see
`troth.spaces.steps`). An event has no states: its steps are about who may
take them, and, for one date of a recurring event, about that date.

    an event (EVENT_STEPS):  update, delete, set_visibility (whoever added it)
                             remind (whoever may read it: their own reminder)
    a date (DATE_STEPS):     cancel_once, move_once, restore_once
                                 (whoever added the event, if it repeats)
                             mark (either partner, on a shared ritual's date
                                 that has started and wasn't called off)

Deleting an event, changing who sees it, one's own reminder and one's own
answer about a ritual stay open in a closed space (`ANY_TIME`):
`Steps.take` refuses everything there, so the services take these by hand
with `lock` and `check`, and `allowed` adds them. A date is not a row, so
the date steps are taken with `take_on_date`, which locks the event.

The services take these steps; the event's page shows the buttons of
`allowed(EVENT_STEPS, event, user)` and `allowed(DATE_STEPS, occurrence,
user)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.schedule.models import Event
from troth.schedule.recurrence import Occurrence, occurrence_at
from troth.spaces.steps import (
    Check,
    Refused,
    Step,
    Steps,
    Text,
    copy_back,
    lock,
    require_partner,
    role,
)

# The steps that need no open space.
ANY_TIME = ("delete", "set_visibility", "remind", "mark")


def _owner(obj, user) -> bool:
    return obj.author_id == user.pk


OWNER = role(
    _owner, gettext_lazy("Only the person who added this event can change it.")
)

EVENT_STEPS = Steps(
    Step("update", who=OWNER),
    Step("delete", who=OWNER),
    Step("set_visibility", who=OWNER),
    Step(
        "remind",
        who=role(
            lambda e, u: e.details_visible_to(u),
            gettext_lazy("You can set reminders on your own and shared events."),
        ),
    ),
    related=("space",),
)


def _event_owner(occurrence: Occurrence, user) -> bool:
    return occurrence.event.author_id == user.pk


def _repeats(message: Text) -> Check:
    return Check(lambda o, u, now: o.event.is_recurring, message, "not_recurring")


def _called_off(occurrence: Occurrence) -> bool:
    return occurrence.change is not None and occurrence.change.cancelled


DATE_OWNER = role(
    _event_owner,
    gettext_lazy("Only the person who added this event can change it."),
)

DATE_STEPS = Steps(
    Step(
        "cancel_once",
        who=DATE_OWNER,
        when=(
            _repeats(gettext_lazy("This event happens once: delete it instead.")),
            Check(
                lambda o, u, now: not _called_off(o),
                gettext_lazy("This date is already called off."),
                "already_done",
            ),
        ),
    ),
    Step(
        "move_once",
        who=DATE_OWNER,
        when=(_repeats(gettext_lazy("This event happens once: edit it instead.")),),
    ),
    Step(
        "restore_once",
        who=DATE_OWNER,
        when=(
            Check(
                lambda o, u, now: o.change is not None,
                gettext_lazy("This date was not changed."),
                "not_changed",
            ),
        ),
    ),
    Step(
        "mark",
        when=(
            Check(
                lambda o, u, now: o.event.is_ritual,
                gettext_lazy("Only rituals are marked as happened or not."),
                "not_ritual",
            ),
            Check(
                lambda o, u, now: o.event.details_visible_to(u),
                gettext_lazy("Only rituals you share can be marked."),
                "wrong_person",
            ),
            Check(
                lambda o, u, now: not _called_off(o),
                gettext_lazy("This date was called off, so there is nothing to mark."),
                "cancelled",
            ),
            Check(
                lambda o, u, now: o.start <= now,
                gettext_lazy("You can say whether it happened once it has started."),
                "not_started",
            ),
        ),
    ),
    space=lambda occurrence: occurrence.event.space,
)


def allowed(steps: Steps, obj, user, now: dt.datetime | None = None) -> frozenset:
    """The steps `user` may take on `obj` now: those of an open space, and
    the `ANY_TIME` ones whatever became of it."""
    return steps.allowed(obj, user, now) | {
        name
        for name in ANY_TIME
        if name in steps and steps.refusal(name, obj, user, now) is None
    }


@contextmanager
def take_any_time(
    steps: Steps, name: str, obj, *, by, now: dt.datetime | None = None
) -> Iterator:
    """Check step `name` (one of `ANY_TIME`) on `obj`, its row locked, in
    one transaction; yields the fresh row, copied back to `obj` after."""
    with transaction.atomic():
        fresh = lock(obj, *steps.related)
        steps.check(name, fresh, by, now)
        yield fresh
    if fresh.pk is not None:
        copy_back(obj, fresh)


@contextmanager
def take_on_date(
    name: str, event: Event, *, original: dt.datetime, by, now=None
) -> Iterator[Occurrence]:
    """Take step `name` on the date `original` of `event`: the event's row
    locked, the partner guard (unless the step is `ANY_TIME`), the step's
    checks on that date. Yields the date (its `event` the fresh row); the
    caller's `event` gets the saved fields after."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = lock(event, "space")
        if name not in ANY_TIME:
            require_partner(fresh.space, by)
        occurrence = occurrence_at(fresh, original, fresh.tz)
        if occurrence is None:
            raise Refused(_("That date isn't part of this event."), "no_such_date")
        DATE_STEPS.check(name, occurrence, by, now)
        yield occurrence
    copy_back(event, fresh)
