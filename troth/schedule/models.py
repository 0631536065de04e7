"""The shared calendar: events, rituals, and what hangs off them.

An event belongs to its author's space like every piece of content, but it
has three levels of visibility instead of two: private (the author only),
busy-only (the partner sees that the author is busy, and when, and nothing
else) and shared. The busy level is enforced twice: `visible_to` lets the
partner read the row, and `Event.redact_for` blanks every word in it before
anything renders it, so no page, fragment, feed or export can show a busy
event's title, place or note by accident.

Times are stored in UTC together with the event's IANA zone, so a weekly
event at 19:30 in London stays at 19:30 London time on both sides of a
daylight-saving change (see recurrence.py). An all-day event is a floating
date: its `start` and `end` hold midnight UTC of its first day and of the day
after its last, and it shows on those dates whatever the viewer's zone.
"""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, ContentQuerySet, partner_space_ids
from troth.lib.fields import EncryptedTextField
from troth.lib.models import Linked, ReadableQuerySet, one_per, person, state_is
from troth.lib.time import zone


class OptionalText(EncryptedTextField):
    """Encrypted text that may be empty. The library stores empty text as
    NULL; this reads it back as "" so Python code sees one kind of empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        return "" if value is None else value


class EventVisibility(models.TextChoices):
    """troth.lib.content.Visibility plus the busy-only level."""

    SHARED = "shared", _("Shared with my partner")
    BUSY = "busy", _("Busy only: my partner sees the time, nothing else")
    PRIVATE = "private", _("Only me")


# Rituals remind both partners this long before, unless they choose.
RITUAL_REMINDER_MINUTES = 120

# The fields only troth/schedule/reminders.py writes (Event.save leaves them).
JOB_MOMENTS = ("next_reminder_at", "next_ask_at")

# The visibilities that let the partner read the row at all.
PARTNER_VISIBLE = (EventVisibility.SHARED, EventVisibility.BUSY)


def new_uid() -> str:
    return f"{uuid.uuid4()}@troth"


def occurrence_key(original: datetime) -> str:
    """The stable name of one occurrence in URLs and reminder keys."""
    return original.astimezone(zoneinfo.ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")


# The years the calendar works in: wide enough for any plan, narrow enough
# that date arithmetic near the ends of Python's range never overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_occurrence_key(key: str) -> datetime | None:
    try:
        moment = datetime.strptime(key, "%Y%m%dT%H%M%SZ").replace(
            tzinfo=zoneinfo.ZoneInfo("UTC")
        )
    except (TypeError, ValueError):
        return None
    return moment if FIRST_YEAR <= moment.year <= LAST_YEAR else None


class EventQuerySet(ContentQuerySet):
    def visibility_q(self, user) -> Q:
        """The author sees everything; the partner sees shared and busy-only
        rows (a busy-only row only as busy: see Event.redact_for).

        The same rule as ContentQuerySet's, in a form the database can
        answer from the (author, start) and (space, start) indexes: a person
        has at most one space they have not left (the constraint
        `one_active_space_per_person`), so their space is one value, looked
        up once by a scalar subquery, and each side of the OR is an index
        scan. `space_id IN (subquery)` OR'd with the author made PostgreSQL
        read every couple's events (issue 14)."""
        spaces = partner_space_ids(user)
        own_space = (
            (spaces[0] if spaces else None)
            if isinstance(spaces, list)
            else Subquery(spaces.order_by()[:1])
        )
        return Q(author=user) | Q(visibility__in=PARTNER_VISIBLE, space_id=own_space)

    def detailed_for(self, user) -> EventQuerySet:
        """Rows whose words `user` may read: their own, and shared ones."""
        return self.filter(Q(author=user) | Q(visibility=EventVisibility.SHARED))

    def overlapping(self, start: datetime, end: datetime) -> EventQuerySet:
        """Events that may have an occurrence in [start, end).

        A cheap superset: the exact answer comes from expanding the rule in
        Python. The window is widened by a day on each side because all-day
        events are floating dates, and by the longest event a moved
        occurrence could be dragged to."""
        slack = timedelta(days=1)
        return self.filter(start__lt=end + slack).filter(
            Q(last_end__isnull=True) | Q(last_end__gt=start - slack)
        )

    def rituals(self) -> EventQuerySet:
        return self.filter(kind=Event.Kind.RITUAL)


class Event(Linked, Content):
    class Kind(models.TextChoices):
        EVENT = "event", _("Event")
        RITUAL = "ritual", _("Ritual")

    label = "Event {pk}"
    url_name = "schedule:event"

    visibility = models.CharField(
        _("who can see this"),
        max_length=10,
        choices=EventVisibility.choices,
        default=EventVisibility.PRIVATE,
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.EVENT)
    title = EncryptedTextField(_("title"))
    location = OptionalText(_("place"))
    note = OptionalText(_("note"))
    all_day = models.BooleanField(_("all day"), default=False)
    # The first occurrence, in UTC (all-day: midnight UTC of the first day).
    start = models.DateTimeField()
    end = models.DateTimeField()
    # The zone the event's wall-clock times are in; recurrence follows it.
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    # An RFC 5545 RRULE value without the "RRULE:" prefix, expanded with
    # dateutil. UNTIL is in UTC for timed events and a date for all-day ones.
    rrule = models.CharField(max_length=500, blank=True, default="")
    # Extra occurrences (RDATE) from imported calendars, ISO 8601 in UTC.
    rdates = models.JSONField(default=list, blank=True)
    # When the last occurrence ends (UTC); empty for a series without end.
    last_end = models.DateTimeField(null=True, blank=True)
    uid = models.CharField(max_length=255, default=new_uid)
    sequence = models.PositiveIntegerField(default=0)
    imported = models.BooleanField(default=False)
    # When the reminder job next has to look at this event: the earliest
    # moment a reminder before one of its dates falls due (kept by
    # troth/schedule/reminders.py when the event or a reminder choice is
    # saved, and after each run), or empty when none ever will. The job
    # reads only rows whose moment has come, by the index below.
    next_reminder_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The same for a ritual's question "did it happen?": when its next
    # date ends.
    next_ask_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EventQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    # Set by redact_for on an instance whose words were blanked.
    redacted = False

    class Meta:
        ordering = ["start", "id"]
        constraints = [one_per("author", "uid", name="schedule_one_event_per_uid")]
        indexes = [
            models.Index(fields=["space", "start"]),
            models.Index(fields=["author", "start"]),
            models.Index(
                fields=["next_reminder_at"],
                condition=Q(next_reminder_at__isnull=False),
                name="schedule_event_reminder_due",
            ),
            models.Index(
                fields=["next_ask_at"],
                condition=Q(next_ask_at__isnull=False),
                name="schedule_event_ask_due",
            ),
        ]

    def occurrence_url(self, original: datetime) -> str:
        return reverse(
            "schedule:occurrence",
            kwargs={"pk": self.pk, "when": occurrence_key(original)},
        )

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zone(self.time_zone)

    is_ritual = state_is(Kind.RITUAL, field="kind")

    @property
    def is_recurring(self) -> bool:
        return bool(self.rrule or self.rdates)

    is_busy_only = state_is(EventVisibility.BUSY, field="visibility")

    @property
    def duration(self):
        return self.end - self.start

    def details_visible_to(self, user) -> bool:
        return self.author_id == user.pk or self.visibility == EventVisibility.SHARED

    def redact_for(self, user) -> Event:
        """Blank every word `user` may not read, in place, and return self.

        Called on every event fetched for display, so a template, feed or
        export that reaches for `title` on a busy-only event finds nothing."""
        self.redacted = not self.details_visible_to(user)
        if self.redacted:
            self.title = ""
            self.location = ""
            self.note = ""
            self.uid = f"busy-{self.pk}@troth"
            for change in self._prefetched_changes():
                change.title = ""
                change.location = ""
                change.note = ""
        return self

    def save(self, *args, **kwargs) -> None:
        if self.redacted:
            # A redacted copy has blanked words; saving it would erase them.
            raise RuntimeError("A redacted event can't be saved.")
        if not self._state.adding and not args and kwargs.get("update_fields") is None:
            # The jobs' moments are kept by reminders.py alone: a copy read
            # before a run must not put back the moment the run moved on.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in JOB_MOMENTS
            ]
        super().save(*args, **kwargs)

    def _prefetched_changes(self) -> list[OccurrenceChange]:
        cache = getattr(self, "_prefetched_objects_cache", {})
        return list(cache.get("changes", []))

    @property
    def display_title(self) -> str:
        return str(_("Busy")) if self.redacted else self.title


class OccurrenceChange(models.Model):
    """One occurrence of a recurring event moved, retitled or cancelled.

    `original` is the occurrence's start as the rule gives it (its identity,
    RECURRENCE-ID in iCalendar terms); a cancelled occurrence is an EXDATE.
    Blank words mean "as the series says"."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="changes")
    original = models.DateTimeField()
    cancelled = models.BooleanField(default=False)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    title = OptionalText()
    location = OptionalText()
    note = OptionalText()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            one_per("event", "original", name="schedule_one_change_per_occurrence")
        ]

    def __str__(self) -> str:
        return f"Change to event {self.event_id} at {self.original:%Y-%m-%d %H:%M}"

    @property
    def moved(self) -> bool:
        return not self.cancelled and self.start is not None

    @property
    def key(self) -> str:
        return occurrence_key(self.original)

    @property
    def original_day(self):
        """The date an all-day occurrence stood on (stored as midnight UTC)."""
        return self.original.astimezone(zoneinfo.ZoneInfo("UTC")).date()


class RitualMark(models.Model):
    """One partner's answer to "did it happen?" for one ritual occurrence."""

    # Part of the ritual's record: it stays when a former partner's account
    # is deleted and the ritual is kept (troth.accounts.services).
    RECORD_OF = "event"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="marks")
    original = models.DateTimeField()
    user = person()
    happened = models.BooleanField()
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            one_per("event", "original", "user", name="schedule_one_mark_each")
        ]
        indexes = [models.Index(fields=["event", "original"])]

    def __str__(self) -> str:
        return f"Mark on event {self.event_id} by {self.user_id}"


class EventReminder(models.Model):
    """A person's reminder choice for one event. For rituals, having no row
    means the default (RITUAL_REMINDER_MINUTES); a row with no minutes means
    the person turned the reminder off."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reminders")
    user = person()
    minutes = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        constraints = [one_per("event", "user", name="schedule_one_reminder_each")]

    def __str__(self) -> str:
        return f"Reminder on event {self.event_id} for {self.user_id}"


class FeedTokenQuerySet(ReadableQuerySet):
    def active(self) -> FeedTokenQuerySet:
        return self.filter(revoked_at__isnull=True)

    def visibility_q(self, user) -> Q:
        return Q(user=user)


class FeedToken(models.Model):
    """A secret subscription link to a person's calendar.

    The link carries 256 random bits; only their SHA-256 is stored, so the
    link is shown once when made. It is not a session: it reads one feed and
    nothing else, and revoking it ends the feed at once."""

    user = person()
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = FeedTokenQuerySet.as_manager()

    class Meta:
        constraints = [
            one_per(
                "user",
                condition=Q(revoked_at__isnull=True),
                name="schedule_one_active_feed_each",
            )
        ]

    def __str__(self) -> str:
        return f"Feed token {self.pk} of {self.user_id}"
