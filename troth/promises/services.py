"""Every step a promise can take, each by the right person only.

    open --(promiser: done)--> done --(promisee: kept)--> kept
                                    --(promisee: not quite + note)--> not_quite
                                       (the promiser may respond once)
    open --(the clock, due time passed)--> missed
    open --(promiser proposes new terms, before the due time)
         --(promisee accepts, before the due time)--> open, renegotiated
         (or the promisee declines, or the promiser withdraws)
    open --(either asks to cancel)--(the other agrees)--> cancelled
         (or the other prefers to keep it, or the asker withdraws)

The steps are declared in `troth.promises.steps`; each function here takes
one with `STEPS.take`, which locks the promise row, checks that this person
may take this step now, and in one transaction appends a PromiseEvent and
records an Activity for the partner. A step that is not allowed raises
`Refused` with words for the person, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.agreements.services import agreed_clause_choices
from troth.lib.time import local_today, zone
from troth.promises.models import (
    EventKind,
    Promise,
    PromiseEvent,
    PromiseSeries,
    Repeat,
    State,
    due_moment,
)
from troth.promises.steps import HISTORY, STEPS
from troth.spaces.models import Membership, Space
from troth.spaces.services import activity_record
from troth.spaces.steps import Refused, copy_back, require_partner

TEXT_MAX = 500
NOTE_MAX = 1000
# Occurrences of a repeating promise are made this far ahead.
SERIES_HORIZON = dt.timedelta(days=14)


def _clean_text(
    text: str,
    *,
    field: str = "text",
    limit: int = TEXT_MAX,
    required: str | None = None,
    optional: bool = False,
) -> str:
    """`text` stripped, or a field error: empty (unless `optional`) or too
    long. `required` is the message for an empty one."""
    text = (text or "").strip()
    if not text and not optional:
        raise ValidationError(
            {field: required or _("Say what you promise.")}, code="required"
        )
    if len(text) > limit:
        raise ValidationError(
            {field: _("Keep it under %(n)s characters.") % {"n": limit}},
            code="too_long",
        )
    return text


def _check_due(
    due_date: dt.date, due_time: dt.time | None, tz: str, now: dt.datetime
) -> dt.datetime:
    due_at = due_moment(due_date, due_time, tz)
    if due_at <= now:
        raise ValidationError(
            {"due_date": _("Choose a time that hasn't passed yet.")}, code="past"
        )
    return due_at


# Making promises


def _clause_in_space(clause, space: Space, by) -> bool:
    """A promise may point only at a live, agreed clause of an agreement in
    its own space that the promiser can see."""

    return clause.pk in {
        pk for pk, _label in agreed_clause_choices(space=space, user=by)
    }


def _check_promisee(space: Space, by, partner) -> None:
    """A promise is made to the promiser's partner, a member of the space."""
    require_partner(space, by)
    if partner is None:
        raise Refused(
            _("Your partner hasn't joined yet: a promise needs someone to keep it to."),
            "no_partner",
        )
    if (
        partner.pk == by.pk
        or not Membership.objects.active().filter(space=space, user=partner).exists()
    ):
        raise Refused(_("A promise is made to your partner."), "not_partner")


def _origin_fields(origin) -> dict:
    """The fields that link a promise to what it came from, if anything."""
    if origin is None:
        return {}
    return {
        "origin_type": ContentType.objects.get_for_model(origin),
        "origin_id": origin.pk,
    }


@dataclass(frozen=True)
class _NewPromise:
    """What a promise is made with: by whom, to whom, the terms, and when.
    A one-off promise is made of it, or a series of them."""

    space: Space
    by: Any
    partner: Any
    text: str
    due_date: dt.date
    due_time: dt.time | None
    clause: Any
    tz: str
    now: dt.datetime


def _series_create(
    new: _NewPromise,
    *,
    repeat: str,
    weekdays: list[int] | None,
    until: dt.date | None,
) -> PromiseSeries:
    """Check how a repeating promise repeats, then start its series."""
    due_date = new.due_date
    if repeat not in Repeat.values:
        raise ValidationError({"repeat": _("Choose how it repeats.")})
    weekdays = sorted(set(weekdays or []))
    if repeat == Repeat.WEEKLY and not weekdays:
        raise ValidationError(
            {"weekdays": _("Choose the days of the week it repeats on.")}
        )
    if due_date < local_today(zone(new.tz), new.now):
        raise ValidationError(
            {"due_date": _("Choose a first day that hasn't passed yet.")}
        )
    if until is not None and until < due_date:
        raise ValidationError({"until": _("The last day can't be before the first.")})
    return PromiseSeries.objects.create(
        space=new.space,
        author=new.by,
        promisee=new.partner,
        text=new.text,
        repeat=repeat,
        weekdays=weekdays if repeat == Repeat.WEEKLY else [],
        starts_on=due_date,
        until=until,
        due_time=new.due_time,
        tz=new.tz,
        created=new.now,
        clause=new.clause,
    )


def _series_first(series: PromiseSeries, *, now: dt.datetime) -> Promise:
    """The series' first occurrence, made with those of the next two weeks;
    refused when none falls in them."""
    made = promise_series_extend(series=series, now=now)
    if not made:
        raise ValidationError(
            {
                "due_date": _(
                    "No day of this repeating promise falls in the next "
                    "two weeks before its last day. Check the dates."
                )
            }
        )
    return made[0]


def _single_create(new: _NewPromise, origin_fields: dict) -> Promise:
    """Save a one-off promise, with its first history entry."""
    _check_due(new.due_date, new.due_time, new.tz, new.now)
    promise = Promise(
        space=new.space,
        author=new.by,
        promisee=new.partner,
        created=new.now,
        clause=new.clause,
        **origin_fields,
    )
    promise.set_terms(
        text=new.text, due_date=new.due_date, due_time=new.due_time, tz=new.tz
    )
    promise.full_clean()
    promise.save()
    HISTORY.append(
        promise,
        by=new.by,
        kind=EventKind.MADE,
        now=new.now,
        new_text=new.text,
        new_due_date=new.due_date,
        new_due_time=new.due_time,
    )
    return promise


def promise_create(
    *,
    space: Space,
    by,
    text: str,
    due_date: dt.date,
    due_time: dt.time | None = None,
    to=None,
    repeat: str = "",
    weekdays: list[int] | None = None,
    until: dt.date | None = None,
    origin=None,
    clause=None,
    tz: str | None = None,
    now: dt.datetime | None = None,
) -> Promise:
    """Make a promise from `by` to their partner (or `to`), due on
    `due_date` (by the end of that day, or at `due_time`) in the promiser's
    time zone. With `repeat` (daily, weekly on `weekdays`, monthly) it
    starts a series and returns its first occurrence. `origin` links the
    promise to what it came from (an agreement clause, a repair plan, an
    audit's commitment); `clause` is the agreement clause it concerns, if
    any. Other features call this to turn commitments into promises."""
    now = now or timezone.now()
    tz = tz or by.timezone
    text = _clean_text(text)
    partner = to or space.partner_of(by)
    with transaction.atomic():
        _check_promisee(space, by, partner)
        if clause is not None and not _clause_in_space(clause, space, by):
            raise ValidationError(
                {"clause": _("Choose a clause of one of your agreements.")}
            )
        new = _NewPromise(space, by, partner, text, due_date, due_time, clause, tz, now)
        if repeat:
            series = _series_create(new, repeat=repeat, weekdays=weekdays, until=until)
            promise = _series_first(series, now=now)
        else:
            promise = _single_create(new, _origin_fields(origin))
        activity_record(
            space=space,
            actor=by,
            verb="promise.made",
            target=promise,
            recipient=partner,
        )
    return promise


def promise_series_extend(
    *, series: PromiseSeries, now: dt.datetime | None = None
) -> list[Promise]:
    """Make the occurrences of a repeating promise due in the coming two
    weeks that don't exist yet. Idempotent: a date that already has its
    occurrence is skipped (the unique constraint settles any race).
    Occurrences whose due time already passed are not made."""
    now = now or timezone.now()
    if series.ended_at is not None:
        return []
    tz_today = local_today(zone(series.tz), now)
    horizon = local_today(zone(series.tz), now + SERIES_HORIZON)
    start = series.starts_on
    if series.made_until is not None:
        start = max(start, series.made_until + dt.timedelta(days=1))
    start = max(start, tz_today)
    made = []
    for day in series.dates(start, horizon):
        if due_moment(day, series.due_time, series.tz) <= now:
            continue
        promise = Promise(
            space_id=series.space_id,
            author_id=series.author_id,
            promisee_id=series.promisee_id,
            series=series,
            occurrence_date=day,
            created=now,
            clause_id=series.clause_id,
        )
        promise.set_terms(
            text=series.text, due_date=day, due_time=series.due_time, tz=series.tz
        )
        try:
            with transaction.atomic():
                promise.save()
                PromiseEvent.objects.create(
                    promise=promise,
                    actor_id=series.author_id,
                    kind=EventKind.MADE,
                    created=now,
                    new_text=series.text,
                    new_due_date=day,
                    new_due_time=series.due_time,
                )
        except IntegrityError:
            continue
        made.append(promise)
    extend_at = _series_next_extend(series, horizon)
    if horizon != series.made_until or extend_at != series.extend_at:
        PromiseSeries.objects.filter(pk=series.pk).update(
            made_until=horizon, extend_at=extend_at
        )
        series.made_until = horizon
        series.extend_at = extend_at
    return made


def _series_next_extend(
    series: PromiseSeries, made_until: dt.date
) -> dt.datetime | None:
    """When the two-week horizon next reaches a due date of `series` after
    `made_until`: the start of that day in the series' zone, two weeks
    earlier. None when the series has no later date (its last day is made).
    Every repeat falls at least once a month, so two months ahead is enough
    to find the next date."""
    after = made_until + dt.timedelta(days=1)
    upcoming = series.dates(after, after + dt.timedelta(days=62))
    if not upcoming:
        return None
    return due_moment(upcoming[0], dt.time(0, 0), series.tz) - SERIES_HORIZON


# Doing and confirming


def promise_mark_done(*, promise: Promise, by, now: dt.datetime | None = None) -> None:
    """The promiser says they did it; the partner is asked to confirm."""
    with STEPS.take("mark_done", promise, by=by, now=now) as step:
        step.obj.done_at = step.now
        _clear_proposal(step.obj)
        _clear_cancel(step.obj)


def promise_confirm(
    *, promise: Promise, by, kept: bool, note: str = "", now: dt.datetime | None = None
) -> None:
    """The partner confirms a promise marked done: kept, or not quite (with
    a note saying what was missing, which the promiser reads)."""
    note = _clean_text(
        note,
        field="note",
        limit=NOTE_MAX,
        required=_("Say in a few words what was missing."),
        optional=kept,
    )
    name = "confirm_kept" if kept else "confirm_not_quite"
    with STEPS.take(name, promise, by=by, now=now) as step:
        step.obj.settled_at = step.now
        step.record(note=note)


def promise_respond(*, promise: Promise, by, note: str) -> None:
    """The promiser answers a "not quite", once."""
    note = _clean_text(
        note, field="note", limit=NOTE_MAX, required=_("Write your response.")
    )
    with STEPS.take("respond", promise, by=by) as step:
        step.save = False
        step.record(note=note)


# Renegotiating


def promise_propose(
    *,
    promise: Promise,
    by,
    text: str,
    due_date: dt.date,
    due_time: dt.time | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Before the due time, the promiser proposes new wording and/or a new
    due time. Nothing changes until the partner accepts."""
    text = _clean_text(text)
    with STEPS.take("propose", promise, by=by, now=now) as step:
        fresh = step.obj
        _check_due(due_date, due_time, fresh.tz, step.now)
        if (
            text == fresh.text
            and due_date == fresh.due_date
            and due_time == fresh.due_time
        ):
            raise ValidationError(
                _("These are the terms the promise already has: change something."),
                code="unchanged",
            )
        fresh.proposed_text = text
        fresh.proposed_due_date = due_date
        fresh.proposed_due_time = due_time
        fresh.proposed_at = step.now
        step.record(
            old_text=fresh.text,
            new_text=text,
            old_due_date=fresh.due_date,
            old_due_time=fresh.due_time,
            new_due_date=due_date,
            new_due_time=due_time,
        )


def promise_proposal_accept(
    *, promise: Promise, by, now: dt.datetime | None = None
) -> None:
    """The partner accepts the proposed terms: the promise is renegotiated
    (it is not counted as missed) and now runs on the new terms."""
    with STEPS.take("accept_proposal", promise, by=by, now=now) as step:
        fresh = step.obj
        old = (fresh.text, fresh.due_date, fresh.due_time)
        text, due_date = fresh.proposed_text, fresh.proposed_due_date
        # promise_propose sets them together with proposed_at, which the
        # step's check found set.
        assert text is not None and due_date is not None
        fresh.set_terms(
            text=text,
            due_date=due_date,
            due_time=fresh.proposed_due_time,
            tz=fresh.tz,
        )
        fresh.renegotiations += 1
        _clear_proposal(fresh)
        step.record(
            old_text=old[0],
            new_text=fresh.text,
            old_due_date=old[1],
            old_due_time=old[2],
            new_due_date=fresh.due_date,
            new_due_time=fresh.due_time,
        )


def promise_proposal_decline(
    *, promise: Promise, by, note: str = "", now: dt.datetime | None = None
) -> None:
    """The partner declines the proposed terms; the promise stands as it was."""
    note = (note or "").strip()[:NOTE_MAX]
    with STEPS.take("decline_proposal", promise, by=by, now=now) as step:
        _clear_proposal(step.obj)
        step.record(note=note)


def promise_proposal_withdraw(*, promise: Promise, by) -> None:
    """The promiser takes back proposed terms the partner hasn't answered."""
    with STEPS.take("withdraw_proposal", promise, by=by) as step:
        _clear_proposal(step.obj)


def _clear_proposal(promise: Promise) -> None:
    promise.proposed_text = ""
    promise.proposed_due_date = None
    promise.proposed_due_time = None
    promise.proposed_at = None


# Cancelling: both partners consent


def promise_cancel_request(*, promise: Promise, by, whole_series: bool = False) -> None:
    """Either partner asks to cancel an open promise (for a repeating one,
    optionally every later occurrence too). It is cancelled only when the
    other agrees."""
    with STEPS.take("request_cancel", promise, by=by) as step:
        fresh = step.obj
        fresh.cancel_requested_by = by
        fresh.cancel_requested_at = step.now
        fresh.cancel_series = bool(whole_series and fresh.series_id)
        step.record(note=_("This and every later time") if fresh.cancel_series else "")


def promise_cancel_agree(
    *, promise: Promise, by, now: dt.datetime | None = None
) -> None:
    """The other partner agrees: the promise is cancelled and not counted.
    For a whole series, later open occurrences are cancelled too and no new
    ones are made."""
    with STEPS.take("agree_cancel", promise, by=by, now=now) as step:
        fresh = step.obj
        fresh.settled_at = step.now
        _clear_proposal(fresh)
        if fresh.cancel_series and fresh.series_id:
            _cancel_later(fresh, fresh.series_id, by=by, now=step.now)


def _cancel_later(promise: Promise, series_id: int, *, by, now: dt.datetime) -> None:
    """End the series `series_id` at `promise`: its later open occurrences
    are cancelled with it and no new ones are made."""
    PromiseSeries.objects.filter(pk=series_id).update(ended_at=now, extend_at=None)
    later = Promise.objects.select_for_update().filter(
        series_id=series_id,
        state=State.OPEN,
        occurrence_date__gt=promise.occurrence_date,
    )
    for other in later:
        other.state = State.CANCELLED
        other.settled_at = now
        _clear_proposal(other)
        other.cancel_requested_by = None
        other.cancel_requested_at = None
        other.save()
        HISTORY.append(
            other,
            by=by,
            kind=EventKind.CANCEL_AGREED,
            now=now,
            note=_("Cancelled with every later time"),
        )


def promise_cancel_decline(*, promise: Promise, by) -> None:
    """The other partner prefers to keep the promise: it stays open."""
    with STEPS.take("decline_cancel", promise, by=by) as step:
        _clear_cancel(step.obj)


def promise_cancel_withdraw(*, promise: Promise, by) -> None:
    """Whoever asked to cancel takes the request back."""
    with STEPS.take("withdraw_cancel", promise, by=by) as step:
        _clear_cancel(step.obj)


def _clear_cancel(promise: Promise) -> None:
    promise.cancel_requested_by = None
    promise.cancel_requested_at = None
    promise.cancel_series = False


# The clock


def promise_mark_missed(*, promise: Promise, now: dt.datetime | None = None) -> bool:
    """Mark an open promise whose due time passed as missed. Returns False
    (and does nothing) if it was already moved on, so reruns and two workers
    change it once. A pending proposal or request to cancel lapses."""
    now = now or timezone.now()
    with transaction.atomic():
        updated = Promise.objects.filter(
            pk=promise.pk, state=State.OPEN, due_at__lte=now
        ).update(state=State.MISSED, settled_at=now)
        if not updated:
            return False
        fresh = Promise.objects.select_related("space", "author", "promisee").get(
            pk=promise.pk
        )
        if fresh.has_proposal:
            HISTORY.append(fresh, by=None, kind=EventKind.LAPSED, now=now)
        _clear_proposal(fresh)
        _clear_cancel(fresh)
        fresh.save()
        HISTORY.append(fresh, by=None, kind=EventKind.MISSED, now=now, created=now)
        activity_record(
            space=fresh.space, actor=fresh.author, verb="promise.missed", target=fresh
        )
    copy_back(promise, fresh)
    return True
