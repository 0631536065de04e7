"""Exercises the two of you planned, and how each of you says it went.

A `Session` is one exercise from the library at one time, planned for both
partners: it is always shared, and it has a shared event on the calendar.
Each partner may log how it went (`ExerciseLog`), private unless shared.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from troth.exercises import library
from troth.lib.content import Content, ContentQuerySet
from troth.lib.fields import EncryptedTextField
from troth.lib.models import Linked, is_set, one_per, optional_link, shared_by_default

NOTE_MAX = 1000


class SessionQuerySet(ContentQuerySet):
    def planned(self) -> SessionQuerySet:
        return self.filter(cancelled_at__isnull=True)


class Session(Linked, Content):
    label = "Session {pk}"
    url_name = "exercises:session"

    visibility = shared_by_default()
    exercise = models.CharField(max_length=60)
    starts_at = models.DateTimeField(_("when"))
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # The shared calendar event; deleting it from the calendar leaves the
    # session as it is.
    event = optional_link("schedule.Event")

    objects = SessionQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["space", "starts_at"]),
            # The clock's reminders around planned sessions (tasks.py).
            models.Index(
                fields=["starts_at"],
                condition=models.Q(cancelled_at__isnull=True),
                name="exercises_session_planned",
            ),
            # A couple's planned sessions in a window (Today, the exercises
            # page): without it they are read from every couple's planned
            # sessions in that window (tests/test_plans.py).
            models.Index(
                fields=["space", "starts_at"],
                condition=models.Q(cancelled_at__isnull=True),
                name="exercises_planned_in_space",
            ),
        ]

    @property
    def item(self) -> library.Exercise | None:
        return library.get(self.exercise)

    @property
    def title(self) -> str:
        item = self.item
        return str(item.title) if item else self.exercise

    is_cancelled = is_set("cancelled_at")


class Outcome(models.TextChoices):
    HELPED = "helped", _("It did us good")
    MIXED = "mixed", _("Mixed")
    HARD = "hard", _("It was hard")
    SKIPPED = "skipped", _("We didn't get to it")


class ExerciseLog(Linked, Content):
    label = "Log {pk} of session {session_id}"
    url_name = "exercises:session"
    url_pk = "session_id"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="logs")
    outcome = models.CharField(_("how it went"), max_length=10, choices=Outcome.choices)
    note = EncryptedTextField(_("note"), null=True, blank=True, default="")

    class Meta:
        ordering = ["created", "id"]
        constraints = [one_per("session", "author", name="exercises_one_log_each")]
