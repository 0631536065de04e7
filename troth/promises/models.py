"""Promises one partner makes to the other, and their history.

A promise is always shared. Its wording and due time are set when it is made
and change only through renegotiation (the promiser proposes, the partner
accepts); every step is appended to `PromiseEvent`, which both partners read.

Repeating promises: a `PromiseSeries` holds the rule (daily, weekly on chosen
weekdays, monthly) and the wording. It never has a life cycle of its own.
Instead each due date becomes its own `Promise` row (an *occurrence*), made a
little ahead of time by a scheduled job (`promise_series_extend`), with its
own state, renegotiations, confirmations and history. The unique constraint
on (series, occurrence_date) keeps reruns and concurrent workers from making
an occurrence twice; renegotiating one occurrence changes only that one.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, F, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.content import AlwaysShared, AlwaysSharedQuerySet
from troth.lib.fields import EncryptedTextField
from troth.lib.models import (
    HistoryEntry,
    Linked,
    is_set,
    one_per,
    optional_link,
    person,
    state_is,
)
from troth.lib.recurrence import dates_between, simple_rule
from troth.lib.time import local_instant, zone

# When the promiser is reminded before a promise with a time of day is due.
DUE_SOON_BEFORE = dt.timedelta(hours=3)
# A promise for a whole day is recalled at noon of that day, promiser's time.
DAY_REMINDER_AT = dt.time(12, 0)


def local_moment(day: dt.date, at: dt.time, tz_name: str) -> dt.datetime:
    """The UTC instant of a wall-clock time on a day in the zone called
    `tz_name` (DST gaps and folds as troth/lib/time.py reads them)."""
    return local_instant(day, at, zone(tz_name))


def due_moment(day: dt.date, at: dt.time | None, tz_name: str) -> dt.datetime:
    """When a promise is due: the given time, or the end of that local day."""
    if at is not None:
        return local_moment(day, at, tz_name)
    return local_moment(day + dt.timedelta(days=1), dt.time(0, 0), tz_name)


def reminder_moment(day: dt.date, at: dt.time | None, tz_name: str) -> dt.datetime:
    if at is not None:
        return local_moment(day, at, tz_name) - DUE_SOON_BEFORE
    return local_moment(day, DAY_REMINDER_AT, tz_name)


class Repeat(models.TextChoices):
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class PromiseSeries(AlwaysShared):
    """The rule of a repeating promise; its occurrences are Promise rows."""

    promisee = person()
    text = EncryptedTextField(_("what"))
    repeat = models.CharField(max_length=10, choices=Repeat.choices)
    # Weekly: the chosen weekdays, 0 = Monday. Monthly: the start date's day.
    weekdays = models.JSONField(default=list, blank=True)
    starts_on = models.DateField()
    until = models.DateField(null=True, blank=True)
    due_time = models.TimeField(null=True, blank=True)
    tz = models.CharField(max_length=64, default="UTC")
    # Occurrences exist up to this date; the job extends it.
    made_until = models.DateField(null=True, blank=True)
    # When the job next has an occurrence to make: the moment the two-week
    # horizon reaches the next due date after `made_until`. None once the
    # last day is made. Kept on the row so the hourly job reads only the
    # series due (an index range), not every series there is.
    extend_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The agreement clause this promise concerns, if any (copied to each
    # occurrence).
    clause = optional_link("agreements.Clause")

    class Meta:
        verbose_name_plural = "promise series"
        indexes = [
            models.Index(
                fields=["extend_at"],
                condition=Q(ended_at__isnull=True),
                name="series_extend_due",
            )
        ]

    def __str__(self) -> str:
        return f"Promise series {self.pk}"

    def rule(self) -> str:
        """The series as an RRULE (troth/lib/recurrence.py): weekly on the
        chosen weekdays, or the start date's; monthly on the start date's
        day, or in a shorter month its last day."""
        return simple_rule(
            self.repeat, start=self.starts_on, weekdays=self.weekdays, until=self.until
        )

    def dates(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Due dates of this rule from `start` to `end`, both included."""
        # Every repeat falls at least once a month, so the range bounds the
        # work: no step limit, whatever range a caller asks for.
        return dates_between(
            self.rule(), first=self.starts_on, start=start, end=end, limit=None
        )

    def matches(self, day: dt.date) -> bool:
        return bool(self.dates(day, day))

    def describe(self) -> str:
        if self.repeat == Repeat.DAILY:
            return str(_("Every day"))
        if self.repeat == Repeat.WEEKLY:
            names = dict(WEEKDAYS)
            days = ", ".join(str(names[d]) for d in sorted(self.weekdays or []))
            return str(_("Every week on %(days)s")) % {"days": days}
        return str(_("Every month on day %(day)s")) % {"day": self.starts_on.day}


class State(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Waiting for confirmation")
    KEPT = "kept", _("Kept")
    NOT_QUITE = "not_quite", _("Not quite")
    MISSED = "missed", _("Missed")
    CANCELLED = "cancelled", _("Cancelled")


SETTLED = (State.KEPT, State.NOT_QUITE, State.MISSED, State.CANCELLED)
UNSETTLED = (State.OPEN, State.DONE)

# How long a settled promise stays in the "I promised" and "Promised to me"
# lists: the shortest window of the figures, so every settled promise those
# figures count can be found in the list beside them.
RECENTLY_SETTLED = dt.timedelta(days=30)


class PromiseQuerySet(AlwaysSharedQuerySet):
    def made_by(self, user) -> PromiseQuerySet:
        return self.filter(author=user)

    def made_to(self, user) -> PromiseQuerySet:
        return self.filter(promisee=user)

    def due_between(self, start: dt.datetime, end: dt.datetime) -> PromiseQuerySet:
        return self.filter(due_at__gte=start, due_at__lt=end)

    # What the clock's jobs find due (troth/promises/tasks.py). Each reads a
    # range of a partial index (Promise.Meta.indexes) holding only the rows
    # still waiting for the clock, so a tick costs what is due, not how many
    # promises there are.

    def overdue(self, now: dt.datetime) -> PromiseQuerySet:
        """Open promises whose due time has passed: to be marked missed."""
        return self.filter(state=State.OPEN, due_at__lte=now)

    def due_soon_unreminded(self, now: dt.datetime) -> PromiseQuerySet:
        """Open promises whose reminder time has come, not yet reminded of
        for their current terms. One made after its reminder time (inside
        the three hours) gets none. One already past due is among them
        (the job claims it without a reminder): a `due_at > now` here, which
        PostgreSQL misestimates, made it hash every person and space instead
        of reading the partial index promise_remind_due."""
        return self.filter(
            state=State.OPEN,
            reminded_at__isnull=True,
            remind_at__lte=now,
            remind_at__gt=F("created"),
        )

    def done_unconfirmed_since(self, moment: dt.datetime) -> PromiseQuerySet:
        """Promises marked done at or before `moment`, still not confirmed,
        whose partner has not been reminded yet."""
        return self.filter(
            state=State.DONE, confirm_reminded_at__isnull=True, done_at__lte=moment
        )

    def with_counted_at(self) -> PromiseQuerySet:
        """Annotate `counted_at`: the moment a promise counts in the figures.

        A settled promise counts when it was settled or when it fell due,
        whichever came first: one confirmed as kept ahead of its due time
        counts at once, not days later (docs/figures/promises-figures.md).
        Anything else counts at its due time.
        """
        return self.annotate(
            counted_at=Case(
                When(
                    state__in=SETTLED,
                    settled_at__lt=F("due_at"),
                    then=F("settled_at"),
                ),
                default=F("due_at"),
            )
        )

    def counted_between(self, start: dt.datetime, end: dt.datetime) -> PromiseQuerySet:
        """The promises that count in the period [start, end): not cancelled
        (that takes both partners' consent), and settled or due in it,
        whichever came first. The figures and the lists both read this, so a
        promise the figures count is one the lists show."""
        # counted_at is never later than due_at, so due_at >= start holds for
        # every row counted: said outright, it lets the due_at index narrow.
        return (
            self.exclude(state=State.CANCELLED)
            .filter(due_at__gte=start)
            .with_counted_at()
            .filter(counted_at__gte=start, counted_at__lt=end)
        )

    def current(self, now: dt.datetime) -> PromiseQuerySet:
        """What a list with "any state" holds: every promise not settled yet,
        and the settled ones that count in the last `RECENTLY_SETTLED` up to
        `now` (so one confirmed a moment ago is still there)."""
        recent = self.counted_between(now - RECENTLY_SETTLED, now).values("pk")
        return self.filter(Q(state__in=UNSETTLED) | Q(pk__in=recent))

    def for_page(self) -> PromiseQuerySet:
        """With what a promise's page shows: the two people, the series, the
        space, and the history with who took each step."""
        return self.select_related(
            "author", "promisee", "series", "space"
        ).prefetch_related(
            models.Prefetch("events", PromiseEvent.objects.select_related("actor"))
        )

    def needing(self, user) -> PromiseQuerySet:
        """Promises waiting for `user` to act: to confirm, or to answer new
        terms or a request to cancel."""
        return self.filter(
            Q(promisee=user, state=State.DONE)
            | Q(promisee=user, state=State.OPEN, proposed_at__isnull=False)
            | (
                Q(state=State.OPEN, cancel_requested_by__isnull=False)
                & ~Q(cancel_requested_by=user)
                & (Q(author=user) | Q(promisee=user))
            )
        )


class Promise(Linked, AlwaysShared):
    """One promise with one due time: a single promise, or one occurrence of
    a repeating one. `author` is the promiser; `promisee` the partner."""

    label = "Promise {pk}"
    url_name = "promises:detail"

    promisee = person()
    text = EncryptedTextField(_("what"))
    due_date = models.DateField()
    due_time = models.TimeField(null=True, blank=True)
    # The promiser's zone when the terms were set: due_date/due_time are read
    # in it, and due_at is the UTC instant that results.
    tz = models.CharField(max_length=64, default="UTC")
    due_at = models.DateTimeField(db_index=True)
    remind_at = models.DateTimeField()
    # When the promiser was reminded that it is due soon, for the current
    # terms (new terms clear it), or when the clock found its space closed
    # and no reminder would ever go.
    reminded_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(
        max_length=12, choices=State.choices, default=State.OPEN, db_index=True
    )
    series = optional_link(
        PromiseSeries, on_delete=models.CASCADE, related_name="occurrences"
    )
    occurrence_date = models.DateField(null=True, blank=True)
    renegotiations = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    # When the partner was reminded to confirm it (or the clock found its
    # space closed).
    confirm_reminded_at = models.DateTimeField(null=True, blank=True)
    settled_at = models.DateTimeField(null=True, blank=True)
    # A pending proposal of new terms (by the promiser).
    proposed_text = EncryptedTextField(null=True, blank=True, default="")
    proposed_due_date = models.DateField(null=True, blank=True)
    proposed_due_time = models.TimeField(null=True, blank=True)
    proposed_at = models.DateTimeField(null=True, blank=True)
    # A pending request to cancel (by either partner).
    cancel_requested_by = person(optional=True)
    cancel_requested_at = models.DateTimeField(null=True, blank=True)
    cancel_series = models.BooleanField(default=False)
    # Where the promise came from, when another feature made it (an agreement
    # clause, a repair plan, an audit's commitment). Nullable and generic so
    # those features link here without changing this table.
    origin_type = optional_link(ContentType)
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The agreement clause the promise concerns, chosen by the promiser. Not
    # the same as the origin: a repair plan's promise can concern a clause.
    clause = optional_link("agreements.Clause", related_name="promises")

    objects = PromiseQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            one_per(
                "series",
                "occurrence_date",
                condition=Q(series__isnull=False),
                name="one_promise_per_series_date",
            )
        ]
        indexes = [
            models.Index(fields=["space", "author", "due_at"]),
            models.Index(fields=["state", "remind_at"]),
            # Today's "due soon": a person's own open promises by due time,
            # not every couple's open ones in the window.
            models.Index(
                fields=["author", "due_at"],
                condition=Q(state="open"),
                name="promise_open_author_due",
            ),
            # The clock's "what is due now" (PromiseQuerySet.overdue and the
            # two reminders): each holds only the rows still waiting.
            models.Index(
                fields=["due_at"], condition=Q(state="open"), name="promise_open_due"
            ),
            models.Index(
                fields=["remind_at"],
                condition=Q(state="open", reminded_at__isnull=True),
                name="promise_remind_due",
            ),
            models.Index(
                fields=["done_at"],
                condition=Q(state="done", confirm_reminded_at__isnull=True),
                name="promise_confirm_due",
            ),
        ]

    def set_terms(self, *, text: str, due_date: dt.date, due_time, tz: str) -> None:
        self.text = text
        self.due_date = due_date
        self.due_time = due_time
        self.tz = tz
        self.due_at = due_moment(due_date, due_time, tz)
        self.remind_at = reminder_moment(due_date, due_time, tz)
        # New terms, a new reminder (the job's key has the due time).
        self.reminded_at = None

    @property
    def promiser(self):
        return self.author

    is_settled = state_is(*SETTLED, field="state")
    has_proposal = is_set("proposed_at")
    has_cancel_request = is_set("cancel_requested_by_id")

    def is_past_due(self, now: dt.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.due_at

    @property
    def proposed_due_at(self) -> dt.datetime | None:
        if self.proposed_due_date is None:
            return None
        return due_moment(self.proposed_due_date, self.proposed_due_time, self.tz)

    @property
    def state_pill(self) -> str:
        pills: dict[str, str] = {
            State.KEPT: "pill-good",
            State.NOT_QUITE: "pill-warn",
            State.MISSED: "pill-bad",
            State.DONE: "pill-accent",
        }
        return pills.get(self.state, "")


class EventKind(models.TextChoices):
    MADE = "made", _("made the promise")
    DONE = "done", _("marked it done")
    KEPT = "kept", _("confirmed it was kept")
    NOT_QUITE = "not_quite", _("said it was not quite kept")
    RESPONDED = "responded", _("responded")
    MISSED = "missed", _("The due time passed without it being marked done")
    PROPOSED = "proposed", _("proposed new terms")
    ACCEPTED = "accepted", _("accepted the new terms")
    DECLINED = "declined", _("declined the new terms")
    WITHDRAWN = "withdrawn", _("withdrew the proposal")
    LAPSED = "lapsed", _("The proposal lapsed when the due time passed")
    CANCEL_REQUESTED = "cancel_requested", _("asked to cancel")
    CANCEL_AGREED = "cancel_agreed", _("agreed to cancel")
    CANCEL_DECLINED = "cancel_declined", _("preferred to keep the promise")
    CANCEL_WITHDRAWN = "cancel_withdrawn", _("withdrew the request to cancel")


class PromiseEvent(HistoryEntry):
    """One step in a promise's life (the clock's: passing its due time).
    Changes of terms keep the old and new wording and due time."""

    RECORD_OF = "promise"

    promise = models.ForeignKey(
        Promise, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    note = EncryptedTextField(null=True, blank=True, default="")
    old_text = EncryptedTextField(null=True, blank=True, default="")
    new_text = EncryptedTextField(null=True, blank=True, default="")
    old_due_date = models.DateField(null=True, blank=True)
    old_due_time = models.TimeField(null=True, blank=True)
    new_due_date = models.DateField(null=True, blank=True)
    new_due_time = models.TimeField(null=True, blank=True)

    @property
    def changes_terms(self) -> bool:
        return bool(self.new_text or self.new_due_date)

    @property
    def text_changed(self) -> bool:
        return bool(self.new_text) and self.new_text != self.old_text

    @property
    def due_changed(self) -> bool:
        return self.new_due_date is not None and (
            self.new_due_date != self.old_due_date
            or self.new_due_time != self.old_due_time
        )

    @property
    def old_due_at(self) -> dt.datetime | None:
        if self.old_due_date is None:
            return None
        return due_moment(self.old_due_date, self.old_due_time, self.promise.tz)

    @property
    def new_due_at(self) -> dt.datetime | None:
        if self.new_due_date is None:
            return None
        return due_moment(self.new_due_date, self.new_due_time, self.promise.tz)
