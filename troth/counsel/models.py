"""With a counsellor: a window onto part of the couple's space.

A `Window` is proposed by one partner (the counsellor's email, the areas it
shows, how many days) and opens only when the other accepts that same
scope. Each partner chooses for themself whether their own pulse is in it
(`pulse_from`). While it is open and its end date has not passed, the
counsellor who took the invitation reads the areas in scope, read-only,
and every first look at an area on a day is written to the access log
both partners see (`Access`). Either partner closes it alone, at once.

Its history (`WindowEvent`) is append-only; a close records no actor: a
closed window says only that it was closed.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from troth.lib.content import partner_space_ids
from troth.lib.fields import EncryptedTextField
from troth.lib.models import (
    HistoryEntry,
    LinkedModel,
    ReadableQuerySet,
    is_set,
    one_per,
    person,
    state_is,
)
from troth.lib.time import space_today
from troth.spaces.models import Space, hash_token

MAX_DAYS = 90
DEFAULT_DAYS = 30
# The first day the counsellor's area pages read from, when the window has
# been open for less: what the couple did lately, not only since it opened.
READ_BACK = dt.timedelta(days=90)


class Status(models.TextChoices):
    # In context: a window's state agrees with "window" in some languages.
    PROPOSED = "proposed", pgettext_lazy("counsellor window", "Waiting for an answer")
    OPEN = "open", pgettext_lazy("counsellor window", "Open")
    DECLINED = "declined", pgettext_lazy("counsellor window", "Declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("counsellor window", "Withdrawn")
    CLOSED = "closed", pgettext_lazy("counsellor window", "Closed")
    EXPIRED = "expired", pgettext_lazy("counsellor window", "Ended on its date")


LIVE = (Status.PROPOSED, Status.OPEN)


class WindowQuerySet(ReadableQuerySet):
    """Partners read their space's windows; a counsellor reads only the
    windows they hold, through `counselled_by`."""

    def live(self) -> WindowQuerySet:
        return self.filter(status__in=LIVE)

    def past(self) -> WindowQuerySet:
        return self.exclude(status__in=LIVE)

    def counselled_by(self, user) -> WindowQuerySet:
        """The open windows `user` holds as counsellor in spaces still open.
        Whether the end date has passed is the couple's day
        (`Window.is_readable`), checked on every read."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(
            counsellor=user, status=Status.OPEN, space__closed_at__isnull=True
        )


class Window(LinkedModel):
    """One window onto the couple's space for one counsellor."""

    label = "Window {pk}"
    url_name = "counsel:detail"

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="+")
    # Kept when the proposer's account goes: the record stays the other's.
    proposed_by = person(optional=True, on_delete=models.SET_NULL)
    counsellor_email = models.EmailField(_("their email address"))
    # How the couple names them ("Dr Rivera"); the email stands in when empty.
    counsellor_name = models.CharField(_("their name"), max_length=80, blank=True)
    # The scope: keys of troth.counsel.areas.AREAS.
    areas = models.JSONField(default=list)
    # The partners (user ids) who include their own pulse; each chooses.
    pulse_from = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    days = models.PositiveSmallIntegerField()
    opened_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    counsellor = person(optional=True, on_delete=models.SET_NULL)
    # Only the SHA-256 of the invitation link's secret, as for a space's
    # invitations: a copy of the database opens no window.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    renewal_until = models.DateField(null=True, blank=True)
    renewal_by = person(optional=True)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = WindowQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            one_per(
                "space",
                condition=Q(status__in=["proposed", "open"]),
                name="counsel_one_live_window",
            )
        ]
        indexes = [
            models.Index(fields=["space", "-created"], name="counsel_window_in_space"),
            # The clock's "what has passed its end" (tasks.py): open ones only.
            models.Index(
                fields=["ends_on"],
                condition=Q(status="open"),
                name="counsel_window_ends_due",
            ),
            models.Index(
                fields=["counsellor"],
                condition=Q(status="open"),
                name="counsel_window_counsellor",
            ),
        ]

    is_proposed = state_is(Status.PROPOSED)
    is_open = state_is(Status.OPEN)
    is_live = state_is(*LIVE)
    has_renewal = is_set("renewal_until")

    @property
    def counsellor_label(self) -> str:
        return self.counsellor_name or self.counsellor_email

    @property
    def status_pill(self) -> str:
        pills: dict[str, str] = {
            Status.OPEN: "pill-good",
            Status.PROPOSED: "pill-accent",
        }
        return pills.get(self.status, "")

    def couple_today(self, now: dt.datetime | None = None) -> dt.date:
        """The couple's day (troth.lib.time.space_today)."""
        return space_today(self.space.partners, now or timezone.now())

    def is_past_end(self, now: dt.datetime | None = None) -> bool:
        return self.ends_on is not None and self.couple_today(now) > self.ends_on

    def is_readable(self, now: dt.datetime | None = None) -> bool:
        """Whether the counsellor may read now: open, the space open, and
        the end date not passed for the couple."""
        return (
            self.status == Status.OPEN
            and self.space.closed_at is None
            and not self.is_past_end(now)
        )

    def read_from(self, today: dt.date) -> dt.date:
        """The first day an area page reads: the day it opened or 90 days
        back, whichever is earlier."""
        back = today - READ_BACK
        return min(self.opened_on or back, back)

    def new_token(self) -> str:
        """A fresh invitation secret for the counsellor; only its hash is
        kept on the row."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token


class EventKind(models.TextChoices):
    PROPOSED = "proposed", _("proposed a window")
    ACCEPTED = "accepted", _("accepted: the window opened")
    DECLINED = "declined", _("declined the window")
    WITHDRAWN = "withdrawn", _("withdrew the proposal")
    RENEWAL_PROPOSED = "renewal_proposed", _("proposed a later end")
    RENEWED = "renewed", _("accepted the later end")
    RENEWAL_DECLINED = "renewal_declined", _("declined the later end")
    JOINED = "joined", _("The counsellor took the invitation")
    EXPIRED = "expired", _("The window ended on its date")
    CLOSED = "closed", _("The window was closed")


# History lines that are whole sentences, with no actor's name before them.
SENTENCE_KINDS = frozenset({EventKind.JOINED, EventKind.EXPIRED, EventKind.CLOSED})


class WindowEvent(HistoryEntry):
    """One step in a window's life. A close and an expiry record no actor."""

    RECORD_OF = "window"

    window = models.ForeignKey(Window, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    on_date = models.DateField(null=True, blank=True)

    @property
    def names_actor(self) -> bool:
        """Whether the history line starts with who did it: the partners'
        steps do ("Ana declined the window"); the counsellor's joining, the
        expiry and the close read as sentences of their own."""
        return self.kind not in SENTENCE_KINDS


class WindowPartQuerySet(ReadableQuerySet):
    """Rows of a window, read by the partners of its space."""

    def visibility_q(self, user) -> Q:
        return Q(window__space_id__in=partner_space_ids(user))


class Access(models.Model):
    """The counsellor opened an area on a day: the first time that day."""

    RECORD_OF = "window"

    window = models.ForeignKey(Window, on_delete=models.CASCADE, related_name="+")
    area = models.CharField(max_length=20)
    day = models.DateField()
    at = models.DateTimeField(default=timezone.now)

    objects = WindowPartQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-at", "-id"]
        constraints = [one_per("window", "area", "day", name="counsel_access_once")]
        indexes = [
            models.Index(fields=["window", "-day", "-at"], name="counsel_access_recent")
        ]

    def __str__(self) -> str:
        return f"{self.area} on {self.day} in window {self.window_id}"


class Note(models.Model):
    """The counsellor's note to both partners."""

    RECORD_OF = "window"

    window = models.ForeignKey(Window, on_delete=models.CASCADE, related_name="+")
    author = person()
    text = EncryptedTextField(_("note"))
    created = models.DateTimeField(default=timezone.now)

    objects = WindowPartQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["window", "-created"], name="counsel_note_recent")
        ]

    def __str__(self) -> str:
        return f"Note {self.pk} in window {self.window_id}"


class Suggestion(models.Model):
    """An exercise of the library the counsellor suggests, with a short
    note; the couple may plan it through the exercises app."""

    RECORD_OF = "window"

    window = models.ForeignKey(Window, on_delete=models.CASCADE, related_name="+")
    author = person()
    exercise = models.CharField(max_length=80)
    note = EncryptedTextField(_("note"), blank=True, null=True)
    created = models.DateTimeField(default=timezone.now)

    objects = WindowPartQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(
                fields=["window", "-created"], name="counsel_suggestion_recent"
            )
        ]

    def __str__(self) -> str:
        return f"Suggestion {self.pk} in window {self.window_id}"


def counsellor_of_any(user) -> bool:
    """Whether `user` holds any open window (the link to their clients)."""
    return Window.objects.counselled_by(user).exists()
