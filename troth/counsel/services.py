"""Operations on counsellor windows: proposing, the steps both partners
take (troth/counsel/steps.py), the counsellor joining, reading, leaving a
note or a suggestion, and the ends a window comes to without a partner's
step (its date passing, the space closing).

What a window shows is troth/counsel/areas.py; here only its keys are
checked.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.counsel.areas import AREAS
from troth.counsel.models import (
    MAX_DAYS,
    Access,
    EventKind,
    Note,
    Status,
    Suggestion,
    Window,
    WindowEvent,
)
from troth.counsel.steps import STEPS
from troth.exercises import library
from troth.lib.mail import email_render
from troth.lib.words import words
from troth.spaces.models import Space, hash_token
from troth.spaces.services import activity_record
from troth.spaces.steps import Refused, lock, require_both_partners

logger = logging.getLogger("troth.counsel")

NAME_MAX = 80
NOTE_MAX = 2000
SUGGESTION_NOTE_MAX = 500


def _check_days(days: int, field: str = "days") -> None:
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            {field: _("Choose between 1 and %(max)d days.") % {"max": MAX_DAYS}},
            code="days",
        )


def _check_scope(areas: list[str]) -> list[str]:
    """The areas asked for, in the library's order; at least one, all
    known."""
    if not areas:
        raise ValidationError({"areas": _("Choose at least one area.")}, code="no_area")
    unknown = set(areas) - set(AREAS)
    if unknown:
        raise ValidationError(
            {"areas": _("Choose areas from the list.")}, code="unknown_area"
        )
    return [key for key in AREAS if key in areas]


def window_propose(
    *,
    space: Space,
    by,
    email: str,
    areas: list[str],
    days: int,
    name: str = "",
    include_pulse: bool = False,
    now: dt.datetime | None = None,
) -> Window:
    """Propose a window onto `space` for the counsellor at `email`. Nothing
    is visible until the other partner accepts this same scope."""
    now = now or timezone.now()
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": _("Enter the counsellor's email address.")}, code="email"
        ) from None
    scope = _check_scope(areas)
    _check_days(days)
    name = (name or "").strip()
    if len(name) > NAME_MAX:
        raise ValidationError(
            {"name": _("Keep the name under %(max)d characters.") % {"max": NAME_MAX}},
            code="long",
        )
    with transaction.atomic():
        partner = require_both_partners(
            space,
            by,
            missing=_("A window needs both partners: invite your partner first."),
        )
        if Window.objects.filter(space=space).live().exists():
            raise Refused(
                _("A window is already proposed or open. Close it first."), "live"
            )
        window = Window(
            space=space,
            proposed_by=by,
            counsellor_email=email,
            counsellor_name=name,
            areas=scope,
            pulse_from=[by.pk] if include_pulse and "pulse" in scope else [],
            days=days,
            created=now,
        )
        window.full_clean(exclude=["token_hash"])
        try:
            with transaction.atomic():
                window.save()
        except IntegrityError:
            raise Refused(
                _("A window is already proposed or open. Close it first."), "live"
            ) from None
        WindowEvent.objects.create(
            window=window, actor=by, kind=EventKind.PROPOSED, created=now
        )
        activity_record(
            space=space,
            actor=by,
            verb="counsel.proposed",
            target=window,
            recipient=partner,
        )
    return window


def _invitation_send(window: Window, token: str) -> None:
    """Email the counsellor their link, once, after the window opened. The
    secret is in no queued task or row: it exists only in this message."""
    link = settings.BASE_URL + reverse("counsel:join", kwargs={"token": token})
    message = email_render(
        template_prefix="counsel/email/invitation",
        to=[window.counsellor_email],
        context={"link": link, "ends_on": window.ends_on},
    )

    def send() -> None:
        try:
            message.send()
        except Exception:
            # The window stays open; the couple can close it and propose again.
            logger.exception("The invitation of window %s was not sent", window.pk)

    transaction.on_commit(send)


def window_accept(
    *, window: Window, by, include_pulse: bool = False, now: dt.datetime | None = None
) -> None:
    """Accept the proposed window as it is: it opens today for its days,
    and the counsellor is sent their invitation."""
    with STEPS.take("accept", window, by=by, now=now) as step:
        fresh = step.obj
        today = fresh.couple_today(step.now)
        if include_pulse and "pulse" in fresh.areas:
            fresh.pulse_from = [*fresh.pulse_from, by.pk]
        fresh.opened_on = today
        fresh.ends_on = today + dt.timedelta(days=fresh.days)
        token = fresh.new_token()
        step.recipient = fresh.proposed_by
        step.record(on_date=fresh.ends_on)
        _invitation_send(fresh, token)


def window_decline(*, window: Window, by, now: dt.datetime | None = None) -> None:
    with STEPS.take("decline", window, by=by, now=now) as step:
        step.obj.closed_at = step.now


def window_withdraw(*, window: Window, by, now: dt.datetime | None = None) -> None:
    with STEPS.take("withdraw", window, by=by, now=now) as step:
        step.obj.closed_at = step.now


def _closed(window: Window, now: dt.datetime, kind: str = EventKind.CLOSED) -> None:
    """What every end of a window leaves: the counsellor's link dead, no
    later end waiting, and an entry that names nobody."""
    window.closed_at = now
    window.renewal_until = None
    window.renewal_by = None
    WindowEvent.objects.create(window=window, actor=None, kind=kind, created=now)


def window_close(*, window: Window, by, now: dt.datetime | None = None) -> None:
    """Close the window at once, alone. The other partner is not told and
    the history says only that it was closed."""
    with STEPS.take("close", window, by=by, now=now) as step:
        _closed(step.obj, step.now)


def window_renewal_propose(
    *, window: Window, by, days: int, now: dt.datetime | None = None
) -> None:
    """Propose a later end: `days` from today, at most 90."""
    _check_days(days)
    with STEPS.take("propose_renewal", window, by=by, now=now) as step:
        fresh = step.obj
        until = fresh.couple_today(step.now) + dt.timedelta(days=days)
        if fresh.ends_on is not None and until <= fresh.ends_on:
            raise ValidationError(
                {"days": _("That is not later than the current end date.")},
                code="not_later",
            )
        fresh.renewal_until, fresh.renewal_by = until, by
        step.record(on_date=until)


def window_renewal_accept(*, window: Window, by, now: dt.datetime | None = None):
    with STEPS.take("accept_renewal", window, by=by, now=now) as step:
        fresh = step.obj
        step.recipient = fresh.renewal_by
        step.record(on_date=fresh.renewal_until)
        fresh.ends_on = fresh.renewal_until
        fresh.renewal_until, fresh.renewal_by = None, None


def window_renewal_decline(*, window: Window, by, now: dt.datetime | None = None):
    with STEPS.take("decline_renewal", window, by=by, now=now) as step:
        step.obj.renewal_until, step.obj.renewal_by = None, None


# The counsellor


def window_for_token(token: str) -> Window | None:
    """The window a link names, whatever its state (the page says whether
    it still works), or None."""
    if not token or len(token) > 64:
        return None
    return (
        Window.objects.select_related("space")
        .filter(token_hash=hash_token(token))
        .first()
    )


def window_join(*, token: str, user, now: dt.datetime | None = None) -> Window:
    """Attach the window the link names to `user`'s account, once: the
    link works for one account, only while the window is open."""
    now = now or timezone.now()
    found = window_for_token(token)
    if found is None:
        raise Refused(_("This link doesn't work."), "invalid")
    with transaction.atomic():
        window = lock(found, "space")
        if window.counsellor_id is not None or not window.is_readable(now):
            raise Refused(_("This link no longer works."), "used")
        if any(p.pk == user.pk for p in window.space.partners):
            raise Refused(
                _("You are a partner in this space, not its counsellor."), "partner"
            )
        window.counsellor = user
        window.save(update_fields=["counsellor", "updated"])
        WindowEvent.objects.create(
            window=window, actor=user, kind=EventKind.JOINED, created=now
        )
    return window


def access_record(*, window: Window, area: str, day: dt.date, now=None) -> None:
    """The counsellor opened `area`: the first time on `day` is kept, one
    row; the rest changes nothing."""
    Access.objects.bulk_create(
        [Access(window=window, area=area, day=day, at=now or timezone.now())],
        ignore_conflicts=True,
    )


def _tell_both(window: Window, *, by, verb: str) -> None:
    for partner in window.space.partners:
        activity_record(
            space=window.space, actor=by, verb=verb, target=window, recipient=partner
        )


def note_add(*, window: Window, by, text: str, now: dt.datetime | None = None) -> Note:
    """The counsellor's note to both partners (both are told)."""
    text = words(
        text, NOTE_MAX, field="text", empty=_("Write the note before sending it.")
    )
    with transaction.atomic():
        _counsellor_guard(window, by, now)
        note = Note.objects.create(
            window=window, author=by, text=text, created=now or timezone.now()
        )
        _tell_both(window, by=by, verb="counsel.note")
    return note


def suggestion_add(
    *,
    window: Window,
    by,
    exercise: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> Suggestion:
    """The counsellor suggests an exercise of the library (both are told)."""
    if library.get(exercise) is None:
        raise ValidationError(
            {"exercise": _("Choose an exercise from the library.")}, code="exercise"
        )
    note = (note or "").strip()
    if len(note) > SUGGESTION_NOTE_MAX:
        raise ValidationError(
            {
                "note": _("Keep the note under %(max)d characters.")
                % {"max": SUGGESTION_NOTE_MAX}
            },
            code="long",
        )
    with transaction.atomic():
        _counsellor_guard(window, by, now)
        suggestion = Suggestion.objects.create(
            window=window,
            author=by,
            exercise=exercise,
            note=note,
            created=now or timezone.now(),
        )
        _tell_both(window, by=by, verb="counsel.suggestion")
    return suggestion


def _counsellor_guard(window: Window, by, now) -> None:
    fresh = lock(window, "space")
    if fresh.counsellor_id != by.pk or not fresh.is_readable(now):
        raise Refused(_("This window is closed."), "closed")


# Ends without a partner's step


def window_expire(*, window: Window, now: dt.datetime | None = None) -> bool:
    """Mark an open window whose end date has passed for the couple as
    ended (the clock's). Idempotent; whether it ended now."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = lock(window, "space")
        if fresh.status != Status.OPEN or not fresh.is_past_end(now):
            return False
        fresh.status = Status.EXPIRED
        _closed(fresh, now, EventKind.EXPIRED)
        fresh.save()
    return True


def windows_close_in(*, space: Space, now: dt.datetime | None = None) -> int:
    """Close every live window of `space` (it closed: a partner left).
    Nobody is told; returns how many."""
    now = now or timezone.now()
    closed = 0
    with transaction.atomic():
        for window in Window.objects.select_for_update().filter(space=space).live():
            window.status = Status.CLOSED
            _closed(window, now)
            window.save()
            closed += 1
    return closed
