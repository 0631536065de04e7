"""Everything that changes the calendar.

The steps are declared in `troth.schedule.steps`; each function here takes
one (`Steps.take`, or `take_on_date` for one date of an event), which locks
the row and checks the partner (unless the step is open in a closed space
too) and the person, and does the step's own work. A step that is not
allowed raises `Refused` with words for the person; input that isn't right
raises `ValidationError`; nothing changes then.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import vRecur

from troth.lib.content import Visibility
from troth.schedule.importer import read_calendar
from troth.schedule.models import (
    Event,
    EventReminder,
    EventVisibility,
    FeedToken,
    OccurrenceChange,
    RitualMark,
    new_uid,
)
from troth.schedule.recurrence import (
    as_utc,
    event_rule_problem,
    floating_utc,
    is_occurrence,
    last_before,
    series_end,
)
from troth.schedule.reminders import reminders_schedule
from troth.schedule.steps import EVENT_STEPS, take_on_date
from troth.spaces.membership import active_membership
from troth.spaces.models import Space
from troth.spaces.services import activity_record, activity_record_private
from troth.spaces.steps import NOBODY, require_partner

TITLE_MAX = 200
LOCATION_MAX = 200
NOTE_MAX = 5000
FEED_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")


@dataclass(frozen=True)
class EventFields:
    """What a person sets on an event. Timed: aware datetimes; all-day:
    midnight UTC of the first day and of the day after the last."""

    title: str
    start: datetime
    end: datetime
    time_zone: str
    all_day: bool = False
    location: str = ""
    note: str = ""
    visibility: str = EventVisibility.PRIVATE
    rrule: str = ""
    kind: str = Event.Kind.EVENT


def _timing(event: Event | EventFields) -> tuple:
    """When an event (or what a person set on one) happens: equal timings
    mean the same dates."""
    return (
        as_utc(event.start),
        as_utc(event.end),
        event.all_day,
        event.time_zone,
        event.rrule,
    )


def _activity_visibility(event: Event) -> str:
    # A busy-only or private event's activity is its author's alone: the
    # partner's timeline must not even say that something was added.
    return (
        Visibility.SHARED
        if event.visibility == EventVisibility.SHARED
        else (Visibility.PRIVATE)
    )


def _partner(event: Event, user):
    return event.space.partner_of(user)


def _apply(event: Event, fields: EventFields) -> None:
    title = fields.title.strip()
    if not title:
        raise ValidationError(_("Give the event a title."))
    if len(title) > TITLE_MAX:
        raise ValidationError(
            _("Keep the title under %(n)s characters.") % {"n": TITLE_MAX}
        )
    if len(fields.location) > LOCATION_MAX:
        raise ValidationError(
            _("Keep the place under %(n)s characters.") % {"n": LOCATION_MAX}
        )
    if len(fields.note) > NOTE_MAX:
        raise ValidationError(
            _("Keep the note under %(n)s characters.") % {"n": NOTE_MAX}
        )
    if fields.end < fields.start:
        raise ValidationError(_("The end is before the start."))
    if fields.kind == Event.Kind.RITUAL:
        if not fields.rrule:
            raise ValidationError(_("A ritual repeats: choose how often."))
        if fields.visibility != EventVisibility.SHARED:
            raise ValidationError(
                _("A ritual is time you share, so your partner sees it.")
            )
    event.title = title
    event.location = fields.location.strip()
    event.note = fields.note.strip()
    event.all_day = fields.all_day
    # Calendar times are whole seconds: an occurrence is named by its start
    # to the second (occurrence_key).
    event.start = as_utc(fields.start).replace(microsecond=0)
    event.end = as_utc(fields.end).replace(microsecond=0)
    event.time_zone = fields.time_zone
    event.rrule = fields.rrule
    event.visibility = fields.visibility
    event.kind = fields.kind
    _check_rule(event)


def _check_rule(event: Event) -> None:
    """Refuse a repeat Troth could not expand cheaply on every page (see
    recurrence.rule_problem): the form offers none, but an imported rule
    kept as it was may be one."""
    if event_rule_problem(event) is not None:
        raise ValidationError(
            _("That repeat rule doesn't work. Choose how often again.")
        )


def event_create(
    *,
    space: Space,
    author,
    fields: EventFields,
    reminder_minutes: int | None = None,
    announce: bool = True,
) -> Event:
    """Add an event (or a ritual) to `author`'s calendar in `space`.

    `announce=False` records the event without telling the partner: for
    features that make an event as part of something they announce
    themselves (an adventure, an exercise), so nobody is told twice."""
    with transaction.atomic():
        require_partner(space, author)
        event = Event(space=space, author=author, uid=new_uid())
        _apply(event, fields)
        event.last_end = series_end(event)
        event.full_clean()
        event.save()
        if reminder_minutes is not None:
            EventReminder.objects.create(
                event=event, user=author, minutes=reminder_minutes
            )
        reminders_schedule([event.pk])
        activity_record(
            space=space,
            actor=author,
            verb="ritual.created" if event.is_ritual else "event.created",
            target=event,
            recipient=_partner(event, author)
            if announce and event.visibility == EventVisibility.SHARED
            else None,
            visibility=_activity_visibility(event),
        )
    return event


def _drop_stale_changes(event: Event) -> None:
    for change in list(event.changes.all()):
        if not is_occurrence(event, change.original):
            change.delete()


def _end_series_before(event: Event, moment: datetime) -> None:
    """End `event`'s series with its last occurrence before `moment`."""
    if not event.is_recurring:
        return
    # Strictly before `moment`: starts are whole seconds.
    last = last_before(event, moment - timedelta(seconds=1))
    if last is None:
        return
    parts = vRecur.from_ical(event.rrule) if event.rrule else vRecur(freq="DAILY")
    parts.pop("COUNT", None)
    parts["UNTIL"] = [last.date() if event.all_day else as_utc(last)]
    event.rrule = parts.to_ical().decode()
    event.rdates = [
        value
        for value in event.rdates
        if datetime.fromisoformat(value) < as_utc(moment)
    ]
    event.changes.filter(original__gte=as_utc(moment)).delete()


def _update_ritual_from(event: Event, by, fields: EventFields, now) -> Event:
    """A ritual's new time from a first date onward: the old series ends
    before it and a new one starts there."""
    today = floating_utc(now.date()) if fields.all_day else now
    if fields.start < today:
        raise ValidationError(
            _(
                "A change to a ritual's time applies from now on: "
                "choose a first date from today onward."
            )
        )
    successor = Event(space=event.space, author=by, uid=new_uid())
    _apply(successor, fields)
    successor.last_end = series_end(successor)
    successor.full_clean()
    _end_series_before(event, fields.start)
    event.last_end = series_end(event, event.changes.all())
    event.sequence += 1
    event.save()
    successor.save()
    EventReminder.objects.bulk_create(
        [
            EventReminder(event=successor, user=r.user, minutes=r.minutes)
            for r in event.reminders.all()
        ]
    )
    return successor


def event_update(*, event: Event, by, fields: EventFields) -> Event:
    """Change an event.

    A ritual whose time changes after some of it has happened keeps its past
    as it was: the old series ends before the new first date and a new one
    starts there, so what the two of you marked stays true."""
    with EVENT_STEPS.take("update", event, by=by) as step:
        step.save = False  # saved below, in the order the series needs
        fresh, now = step.obj, step.now
        if fresh.is_ritual and _timing(fields) != _timing(fresh) and fresh.start < now:
            result = _update_ritual_from(fresh, by, fields, now)
        else:
            _apply(fresh, fields)
            fresh.sequence += 1
            fresh.full_clean()
            fresh.save()
            _drop_stale_changes(fresh)
            fresh.last_end = series_end(fresh, fresh.changes.all())
            fresh.save(update_fields=["last_end"])
            result = fresh
        reminders_schedule([fresh.pk, result.pk], now=now)
        step.verb = "ritual.updated" if result.is_ritual else "event.updated"
        step.target = result
        step.private = result.visibility != EventVisibility.SHARED
    return event if result.pk == event.pk else result


def event_delete(*, event: Event, by) -> None:
    """Delete an event with its moved dates, answers and reminders. Open in
    a closed space too."""
    with EVENT_STEPS.take("delete", event, by=by) as step:
        step.save = False
        fresh = step.obj
        # Recorded here, not by the step: the event is gone, so the
        # activity names no target.
        activity_record_private(
            space=fresh.space,
            actor=by,
            verb="ritual.deleted" if fresh.is_ritual else "event.deleted",
        )
        fresh.delete()


def event_visibility_set(*, event: Event, by, visibility: str) -> Event:
    """Share an event, show it as busy only, or make it private again.
    Making something private never notifies the partner. Open in a closed
    space too (nobody is told there)."""
    if visibility not in EventVisibility.values:
        raise ValidationError(_("Choose who can see this event."))
    if event.is_ritual and visibility == EventVisibility.BUSY:
        raise ValidationError(_("A ritual is either shared or yours alone."))
    with EVENT_STEPS.take("set_visibility", event, by=by) as step:
        fresh = step.obj
        newly_shared = (
            visibility == EventVisibility.SHARED
            and fresh.visibility != EventVisibility.SHARED
        )
        fresh.visibility = visibility
        step.verb = "event.shared" if newly_shared else "event.visibility"
        step.private = visibility != EventVisibility.SHARED
        if not (newly_shared and fresh.space.is_open):
            step.recipient = NOBODY
    return event


def _save_change(event: Event, change: OccurrenceChange) -> None:
    change.full_clean()
    change.save()
    event.last_end = series_end(event, event.changes.all())
    event.sequence += 1
    event.save(update_fields=["last_end", "sequence", "updated"])
    reminders_schedule([event.pk])


def _date_activity(event: Event, by, verb: str) -> None:
    """Record a change to one date; a shared event's reaches the partner."""
    activity_record(
        space=event.space,
        actor=by,
        verb=verb,
        target=event,
        recipient=_partner(event, by)
        if event.visibility == EventVisibility.SHARED
        else None,
        visibility=_activity_visibility(event),
    )


def occurrence_cancel(*, event: Event, by, original: datetime) -> OccurrenceChange:
    """Call off one occurrence of a recurring event (the others stay)."""
    with take_on_date("cancel_once", event, original=original, by=by) as occurrence:
        fresh = occurrence.event
        change = occurrence.change or OccurrenceChange(
            event=fresh, original=occurrence.original
        )
        change.cancelled = True
        change.start = change.end = None
        _save_change(fresh, change)
        _date_activity(
            fresh,
            by,
            "ritual.cancelled_once" if fresh.is_ritual else "event.cancelled_once",
        )
    return change


def occurrence_move(
    *, event: Event, by, original: datetime, start: datetime, end: datetime
) -> OccurrenceChange:
    """Move one occurrence of a recurring event to another time."""
    if end < start:
        raise ValidationError(_("The end is before the start."))
    with take_on_date("move_once", event, original=original, by=by) as occurrence:
        fresh = occurrence.event
        change = occurrence.change or OccurrenceChange(
            event=fresh, original=occurrence.original
        )
        change.cancelled = False
        change.start = as_utc(start).replace(microsecond=0)
        change.end = as_utc(end).replace(microsecond=0)
        _save_change(fresh, change)
        _date_activity(
            fresh, by, "ritual.moved_once" if fresh.is_ritual else "event.moved_once"
        )
    return change


def occurrence_restore(*, event: Event, by, original: datetime) -> None:
    """Put one moved or cancelled occurrence back where the series has it."""
    with take_on_date("restore_once", event, original=original, by=by) as occurrence:
        fresh = occurrence.event
        fresh.changes.filter(original=occurrence.original).delete()
        fresh.last_end = series_end(fresh, fresh.changes.all())
        fresh.sequence += 1
        fresh.save(update_fields=["last_end", "sequence", "updated"])
        reminders_schedule([fresh.pk])
        activity_record(
            space=fresh.space,
            actor=by,
            verb="event.restored_once",
            target=fresh,
            visibility=_activity_visibility(fresh),
        )


def ritual_mark(*, event: Event, by, original: datetime, happened: bool) -> RitualMark:
    """Say whether one occurrence of a ritual happened. Each partner answers
    for themselves and can change their answer, in a closed space too."""
    with take_on_date("mark", event, original=original, by=by) as occurrence:
        fresh = occurrence.event
        mark, _created = RitualMark.objects.update_or_create(
            event=fresh,
            original=occurrence.original,
            user=by,
            defaults={"happened": happened, "marked_at": timezone.now()},
        )
        partner = _partner(fresh, by)
        waiting = (
            partner is not None
            and fresh.space.is_open
            and not RitualMark.objects.filter(
                event=fresh, original=occurrence.original, user=partner
            ).exists()
        )
        activity_record(
            space=fresh.space,
            actor=by,
            verb="ritual.marked",
            target=fresh,
            recipient=partner
            if waiting and fresh.visibility == EventVisibility.SHARED
            else None,
            visibility=_activity_visibility(fresh),
        )
    return mark


def reminder_set(*, event: Event, by, minutes: int | None) -> EventReminder:
    """Choose when (or whether) `by` is reminded before this event, in a
    closed space too."""
    with EVENT_STEPS.take("remind", event, by=by) as step:
        step.save = False  # the event itself doesn't change
        if minutes is not None and not 0 <= minutes <= 7 * 24 * 60:
            raise ValidationError(_("Choose a reminder from the list."))
        reminder, _created = EventReminder.objects.update_or_create(
            event=step.obj, user=by, defaults={"minutes": minutes}
        )
        reminders_schedule([step.obj.pk])
    return reminder


# The subscription feed.


def hash_feed_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_token_create(*, user) -> tuple[FeedToken, str]:
    """Make a new subscription link for `user`; any earlier one stops working."""
    with transaction.atomic():
        FeedToken.objects.active().filter(user=user).update(revoked_at=timezone.now())
        token = secrets.token_urlsafe(32)
        feed = FeedToken.objects.create(user=user, token_hash=hash_feed_token(token))
        membership = active_membership(user)
        if membership is not None:
            activity_record_private(
                space=membership.space, actor=user, verb="calendar.feed_created"
            )
    return feed, token


def feed_token_revoke(*, user) -> int:
    """End `user`'s subscription link at once. Returns how many were ended."""
    with transaction.atomic():
        ended = (
            FeedToken.objects.active()
            .filter(user=user)
            .update(revoked_at=timezone.now())
        )
        membership = active_membership(user)
        if ended and membership is not None:
            activity_record_private(
                space=membership.space, actor=user, verb="calendar.feed_revoked"
            )
    return ended


def feed_owner(token: str):
    """The person whose live feed `token` opens, or None."""
    if not FEED_TOKEN_RE.match(token or ""):
        return None
    feed = (
        FeedToken.objects.active()
        .filter(token_hash=hash_feed_token(token), user__is_active=True)
        .select_related("user")
        .first()
    )
    return feed.user if feed is not None else None


# Importing a calendar file.


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int
    converted_zones: tuple[str, ...] = ()
    # Events whose title, place or note was cut to the length Troth keeps.
    shortened: int = 0


def _change_signature(c) -> tuple:
    return (
        as_utc(c.original),
        c.cancelled,
        c.start and as_utc(c.start),
        c.end and as_utc(c.end),
        c.title,
        c.location,
        c.note,
    )


def _signature(event, changes) -> tuple:
    """What an import compares: a stored Event or an importer.ParsedEvent,
    with its changed dates."""
    return (
        event.title,
        event.location,
        event.note,
        event.all_day,
        as_utc(event.start),
        as_utc(event.end),
        event.time_zone,
        event.rrule,
        tuple(event.rdates),
        tuple(sorted(_change_signature(c) for c in changes)),
    )


# Rows looked up per query when matching a file's UIDs: well under every
# database's limit on parameters in one statement.
IMPORT_BATCH = 500


def _imported_before(author, uids: list[str]) -> dict[str, Event]:
    """The author's events already imported with these UIDs, by UID."""
    existing: dict[str, Event] = {}
    for first in range(0, len(uids), IMPORT_BATCH):
        existing.update(
            (event.uid, event)
            for event in Event.objects.filter(
                author=author, uid__in=uids[first : first + IMPORT_BATCH]
            ).prefetch_related("changes")
        )
    return existing


def _imported_changes(item) -> list[OccurrenceChange]:
    """One change per date: the last the file gives for it (not yet saved)."""
    # A ParsedChange names exactly the fields of an OccurrenceChange.
    return [
        OccurrenceChange(**asdict(c))
        for c in {c.original: c for c in item.changes}.values()
    ]


def _copy_imported(item, changes: list[OccurrenceChange], *, to: Event) -> None:
    """Give the event what the file says of it (not yet saved)."""
    to.title = item.title
    to.location = item.location
    to.note = item.note
    to.all_day = item.all_day
    to.start = item.start
    to.end = item.end
    to.time_zone = item.time_zone
    to.rrule = item.rrule
    to.rdates = item.rdates
    to.last_end = series_end(to, changes)


def _create_imported(added: list[tuple[Event, list[OccurrenceChange]]]) -> None:
    """Write the new events, then their changed dates, in batches."""
    Event.objects.bulk_create([event for event, _c in added], batch_size=IMPORT_BATCH)
    for event, changes in added:
        for change in changes:
            change.event = event
    OccurrenceChange.objects.bulk_create(
        [change for _e, changes in added for change in changes],
        batch_size=IMPORT_BATCH,
    )


def calendar_import(
    *, space: Space, author, data: bytes, visibility: str
) -> ImportResult:
    """Bring the events of an .ics file into `author`'s calendar.

    All or nothing: the file is read and every event checked before anything
    is written (importer.Reader refuses a repeat rule that recurrence.
    rule_problem does not allow). An event whose UID was imported before is
    updated in place (keeping who can see it), so importing the same file
    twice adds nothing. New events and their changed dates are written in
    batches: the number of queries grows with the file's size divided by
    IMPORT_BATCH, plus two or three per updated event.
    """

    if visibility not in EventVisibility.values:
        raise ValidationError(_("Choose who sees the imported events."))
    parsed = read_calendar(data, default_zone=author.timezone)
    with transaction.atomic():
        require_partner(space, author)
        existing = _imported_before(author, [p.uid for p in parsed.events])
        added: list[tuple[Event, list[OccurrenceChange]]] = []
        changed: list[int] = []
        updated = unchanged = 0
        for item in parsed.events:
            changes = _imported_changes(item)
            event = existing.get(item.uid)
            if event is not None and _signature(
                event, event.changes.all()
            ) == _signature(item, changes):
                unchanged += 1
                continue
            if event is None:
                event = Event(
                    space=space,
                    author=author,
                    uid=item.uid,
                    visibility=visibility,
                    imported=True,
                )
            else:
                event.sequence += 1
                updated += 1
            _copy_imported(item, changes, to=event)
            if event.pk is None:
                added.append((event, changes))
                continue
            event.save()
            event.changes.all().delete()
            for change in changes:
                change.event = event
            OccurrenceChange.objects.bulk_create(changes)
            changed.append(event.pk)
        _create_imported(added)
        # New imported events have no reminder yet; changed ones may.
        reminders_schedule(changed)
        activity_record_private(space=space, actor=author, verb="calendar.imported")
    return ImportResult(
        added=len(added),
        updated=updated,
        unchanged=unchanged,
        skipped=parsed.skipped,
        converted_zones=tuple(sorted(parsed.converted_zones)),
        shortened=parsed.shortened,
    )
