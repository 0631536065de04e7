"""Sending statuses, answering the pulse and choosing how the pulse is shared.

Each function checks, works in one transaction and records an Activity.
A status reaches the partner as a notification; pulse activity is private.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.checkins.models import (
    AFTER_ETA,
    AFTER_LATE,
    ITEMS,
    LASTS,
    Kind,
    Pulse,
    PulseSettings,
    Status,
)
from troth.lib.content import Visibility
from troth.lib.time import local_instant, local_today
from troth.spaces.models import Space
from troth.spaces.services import (
    activity_record,
    activity_record_for_partner,
    activity_record_private,
)
from troth.spaces.steps import require_partner

CUSTOM_MAX = 80
NOTE_MAX = 1000
ETA_MAX = dt.timedelta(hours=12)
LATE_MAX = 240
SPACE_MAX = dt.timedelta(hours=24)


def next_local(at: dt.time, tz, now: dt.datetime) -> dt.datetime:
    """The next time the clock shows `at` in `tz`: today, or else tomorrow.
    "Already passed" compares wall-clock times, as a person reads the clock."""
    local_now = now.astimezone(tz)
    day = local_now.date()
    if at <= local_now.time():
        day += dt.timedelta(days=1)
    return local_instant(day, at, tz)


def status_send(
    *,
    space: Space,
    by,
    kind: str,
    minutes: int | None = None,
    until: dt.time | None = None,
    text: str = "",
    now: dt.datetime | None = None,
) -> Status:
    """Tell the partner where things stand. `minutes` is the ETA for "on my
    way" and the delay for "running late"; `until` is the local time "need
    some space" lasts to (tomorrow if that time has passed today); `text` is
    a custom status. Any earlier status of the sender ends."""
    now = now or timezone.now()
    status = Status(space=space, author=by, kind=kind, created=now)
    if kind == Kind.ON_MY_WAY:
        if not minutes or minutes < 1 or dt.timedelta(minutes=minutes) > ETA_MAX:
            raise ValidationError(
                {
                    "minutes": _(
                        "Give how many minutes until you arrive (up to 12 hours)."
                    )
                }
            )
        status.eta = now + dt.timedelta(minutes=minutes)
        status.expires_at = status.eta + AFTER_ETA
    elif kind == Kind.RUNNING_LATE:
        if not minutes or minutes < 1 or minutes > LATE_MAX:
            raise ValidationError(
                {"minutes": _("Give how many minutes late, from 1 to 240.")}
            )
        status.late_minutes = minutes
        status.expires_at = now + dt.timedelta(minutes=minutes) + AFTER_LATE
    elif kind == Kind.NEED_SPACE:
        if until is None:
            raise ValidationError({"until": _("Say until what time.")})
        status.until = next_local(until, by.tz, now)
        if status.until - now > SPACE_MAX:
            raise ValidationError({"until": _("Choose a time within a day.")})
        status.expires_at = status.until
    elif kind == Kind.CUSTOM:
        text = (text or "").strip()
        if not text:
            raise ValidationError({"text": _("Write a few words.")})
        if len(text) > CUSTOM_MAX:
            raise ValidationError(
                {"text": _("Keep it under %(n)s characters.") % {"n": CUSTOM_MAX}}
            )
        status.text = text
        status.expires_at = now + LASTS[Kind.CUSTOM]
    elif kind in LASTS:
        status.expires_at = now + LASTS[Kind(kind)]
    else:
        raise ValidationError({"kind": _("Choose a status.")})
    with transaction.atomic():
        require_partner(space, by)
        Status.objects.filter(space=space, author=by, expires_at__gt=now).update(
            expires_at=now
        )
        status.save()
        activity_record_for_partner(
            space=space, actor=by, verb="status.sent", target=status
        )
    return status


def status_clear(*, space: Space, by, now: dt.datetime | None = None) -> int:
    """End the sender's current status now. Returns how many ended."""
    now = now or timezone.now()
    with transaction.atomic():
        require_partner(space, by)
        ended = Status.objects.filter(
            space=space, author=by, expires_at__gt=now
        ).update(expires_at=now)
        if ended:
            activity_record(space=space, actor=by, verb="status.cleared")
    return ended


def pulse_record(
    *,
    space: Space,
    by,
    answers: dict[str, int | None],
    note: str = "",
    now: dt.datetime | None = None,
) -> Pulse:
    """Record (or revise) today's pulse, today being the person's own local
    day. At least one item must be answered; each answer is 1 to 7."""
    now = now or timezone.now()
    cleaned: dict[str, int | None] = {}
    for item in ITEMS:
        value = answers.get(item)
        if value in (None, ""):
            cleaned[item] = None
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise ValidationError({item: _("Choose a number from 1 to 7.")}) from None
        if not 1 <= value <= 7:
            raise ValidationError({item: _("Choose a number from 1 to 7.")})
        cleaned[item] = value
    if all(v is None for v in cleaned.values()):
        raise ValidationError(
            _("Answer at least one item, or come back later."), code="empty"
        )
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {"note": _("Keep it under %(n)s characters.") % {"n": NOTE_MAX}}
        )
    day = local_today(by.tz, now)
    share = PulseSettings.for_user(by).share
    with transaction.atomic():
        require_partner(space, by)
        pulse, created = Pulse.objects.select_for_update().get_or_create(
            author=by,
            day=day,
            defaults={"space": space, "created": now},
        )
        for item, value in cleaned.items():
            setattr(pulse, item, value)
        pulse.note = note
        pulse.space = space
        pulse.visibility = Visibility.SHARED if share else Visibility.PRIVATE
        pulse.full_clean()
        pulse.save()
        activity_record_private(
            space=space,
            actor=by,
            verb="pulse.recorded" if created else "pulse.revised",
            target=pulse,
        )
    return pulse


def pulse_settings_update(
    *, user, space: Space | None, share: bool, remind_at: dt.time | None
) -> PulseSettings:
    """Save a person's pulse choices. Sharing applies to every pulse they
    answered in their current space, past ones included; stopping makes
    them private again at once. The partner is not told either way."""
    with transaction.atomic():
        prefs = PulseSettings.for_user(user)
        changed = prefs.share != share
        prefs.share = share
        prefs.remind_at = remind_at
        prefs.save()
        if changed:
            pulses = Pulse.objects.filter(author=user)
            if space is not None:
                pulses = pulses.filter(space=space)
            pulses.update(visibility=Visibility.SHARED if share else Visibility.PRIVATE)
        if space is not None:
            activity_record_private(space=space, actor=user, verb="pulse.settings")
    return prefs


def pulse_sharing_stop(*, user) -> int:
    """Stop sharing the pulse everywhere; returns how many answers became
    private. Used by "What I share" and the emergency reset."""
    with transaction.atomic():
        PulseSettings.objects.filter(user=user).update(share=False)
        return Pulse.objects.filter(author=user, visibility=Visibility.SHARED).update(
            visibility=Visibility.PRIVATE
        )
