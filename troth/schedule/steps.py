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
answer about a ritual stay open in a closed space (`anytime`). A date is
not a row, so the date steps are taken with `take_on_date`, which locks the
event.

The services take these steps; the event's page shows the buttons of
`EVENT_STEPS.allowed(event, user)` and `DATE_STEPS.allowed(occurrence,
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


def _owner(obj, user) -> bool:
    return obj.author_id == user.pk


OWNER = role(
    _owner, gettext_lazy("Only the person who added this event can change it.")
)

EVENT_STEPS = Steps(
    Step("update", who=OWNER),
    Step("delete", who=OWNER, anytime=True),
    Step("set_visibility", who=OWNER, anytime=True),
    Step(
        "remind",
        who=role(
            lambda e, u: e.details_visible_to(u),
            gettext_lazy("You can set reminders on your own and shared events."),
        ),
        verb="event.reminder_set",
        private=True,
        anytime=True,
    ),
    related=("space",),
    recipient=lambda event, by: event.space.partner_of(by),
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
        anytime=True,
    ),
    space=lambda occurrence: occurrence.event.space,
)


@contextmanager
def take_on_date(
    name: str, event: Event, *, original: dt.datetime, by, now=None
) -> Iterator[Occurrence]:
    """Take step `name` on the date `original` of `event`: the event's row
    locked, the partner guard (unless the step is `anytime`), the step's
    checks on that date. Yields the date (its `event` the fresh row); the
    caller's `event` gets the saved fields after.

    Not `DATE_STEPS.take`: a date is not a row to lock and save; the row
    locked is the event's, and the date is found in it once it is."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = lock(event, "space")
        if not DATE_STEPS.steps[name].anytime:
            require_partner(fresh.space, by)
        occurrence = occurrence_at(fresh, original, fresh.tz)
        if occurrence is None:
            raise Refused(_("That date isn't part of this event."), "no_such_date")
        DATE_STEPS.check(name, occurrence, by, now)
        yield occurrence
    copy_back(event, fresh)
