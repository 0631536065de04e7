"""Builders for statuses, daily pulses and pulse settings, for the demo and
the tests alike (see troth/spaces/builders.py for what a builder is).

With `save=False` a builder returns the row unsaved, for a bulk insert of
months of them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from troth.checkins.models import Pulse, PulseSettings, Status
from troth.lib.builders import build_content
from troth.lib.content import Visibility


def build_status(
    space,
    author,
    *,
    kind: str,
    at: dt.datetime,
    expires_at: dt.datetime,
    save: bool = True,
    **fields,
) -> Status:
    """A status `author` sent at `at`, shown until `expires_at`; `fields`
    holds what its kind needs (`eta`, `late_minutes`, `text`)."""
    return build_content(
        Status,
        space,
        author,
        at=at,
        save=save,
        kind=kind,
        expires_at=expires_at,
        **fields,
    )


def build_pulse(
    space,
    author,
    day: dt.date,
    *,
    shared: bool,
    note: str = "",
    at: dt.datetime | None = None,
    save: bool = True,
    **answers: int | None,
) -> Pulse:
    """`author`'s pulse for `day`, answered at `at` (now, if not given);
    `answers` maps an item to its score."""
    return build_content(
        Pulse,
        space,
        author,
        at=at or timezone.now(),
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        save=save,
        day=day,
        note=note,
        **answers,
    )


def build_pulse_settings(
    user, *, share: bool, remind_at: dt.time | None = None
) -> PulseSettings:
    """Whether `user` shares their pulse, and (if given) when they are
    reminded."""
    reminder = {"remind_at": remind_at} if remind_at else {}
    return PulseSettings.objects.update_or_create(
        user=user, defaults={"share": share, **reminder}
    )[0]
