"""Exercises the two of you planned, and how each of you says it went.

A `Session` is one exercise from the library at one time, planned for both
partners: it is always shared, and it has a shared event on the calendar.
Each partner may log how it went (`ExerciseLog`), private unless shared.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from troth.exercises import library
from troth.lib.content import Content, ContentQuerySet, Visibility
from troth.lib.fields import EncryptedTextField

NOTE_MAX = 1000


class SessionQuerySet(ContentQuerySet):
    def planned(self) -> SessionQuerySet:
        return self.filter(cancelled_at__isnull=True)


class Session(Content):
    visibility = models.CharField(
        _("who can see this"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.SHARED,
    )
    exercise = models.CharField(max_length=60)
    starts_at = models.DateTimeField(_("when"))
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # The shared calendar event; deleting it from the calendar leaves the
    # session as it is.
    event = models.ForeignKey(
        "schedule.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = SessionQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["space", "starts_at"])]

    def __str__(self) -> str:
        return f"Session {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("exercises:session", kwargs={"pk": self.pk})

    @property
    def item(self) -> library.Exercise | None:
        return library.get(self.exercise)

    @property
    def title(self) -> str:
        item = self.item
        return str(item.title) if item else self.exercise

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class Outcome(models.TextChoices):
    HELPED = "helped", _("It did us good")
    MIXED = "mixed", _("Mixed")
    HARD = "hard", _("It was hard")
    SKIPPED = "skipped", _("We didn't get to it")


class ExerciseLogQuerySet(ContentQuerySet):
    pass


class ExerciseLog(Content):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="logs")
    outcome = models.CharField(_("how it went"), max_length=10, choices=Outcome.choices)
    note = EncryptedTextField(_("note"), null=True, blank=True, default="")

    objects = ExerciseLogQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "author"], name="exercises_one_log_each"
            )
        ]

    def __str__(self) -> str:
        return f"Log {self.pk} of session {self.session_id}"

    def get_absolute_url(self) -> str:
        return reverse("exercises:session", kwargs={"pk": self.session_id})
