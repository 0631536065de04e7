"""Guided dialogue: mirror, validate, empathise, then swap.

One partner speaks (the sender), the other listens (the receiver): the
receiver mirrors what they heard and asks "is there more?", then sums up,
says how it makes sense, and guesses at the feeling, which the sender
checks. Then the roles swap. It is a communication skill, presented as
one, not a therapy (Gehlert et al. 2017 found modest, fading effects).

Two modes: together on one phone (nothing is written down; the phone shows
large prompts), or written, one turn at a time, for couples apart. A
summary is kept only when both agree.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from troth.lib.content import (
    AlwaysShared,
    AlwaysSharedQuerySet,
    Content,
    SharedRecord,
    Visibility,
)
from troth.lib.fields import EncryptedTextField
from troth.lib.models import Linked, person, state_is

# A break when someone is overwhelmed: at least this long (RESEARCH.md,
# the antidote to stonewalling is a break of at least 20 minutes).
BREAK_MINUTES = 20


class Mode(models.TextChoices):
    TOGETHER = "together", _("Together, on one phone")
    WRITTEN = "written", _("In writing, one turn at a time")


class Step(models.TextChoices):
    SEND = "send", _("Speaking")
    MIRROR = "mirror", _("Mirroring")
    MORE = "more", _("Is there more?")
    SUMMARISE = "summarise", _("Summing up")
    VALIDATE = "validate", _("Validating")
    EMPATHISE = "empathise", _("Empathising")
    CHECK = "check", _("Checking the feeling")
    PASS = "pass", _("Swapping roles")
    DONE = "done", _("Done")


# Who takes each step: the sender (speaks) or the receiver (listens). In
# together mode the receiver holds the phone throughout a round.
SENDER_STEPS = (Step.SEND, Step.MORE, Step.CHECK)
RECEIVER_STEPS = (Step.MIRROR, Step.SUMMARISE, Step.VALIDATE, Step.EMPATHISE)
# Steps whose written turn needs words.
WRITTEN_STEPS = (
    Step.SEND,
    Step.MIRROR,
    Step.SUMMARISE,
    Step.VALIDATE,
    Step.EMPATHISE,
)


class Status(models.TextChoices):
    ACTIVE = "active", _("In progress")
    BREAK = "break", _("On a break")
    FINISHED = "finished", _("Finished")
    STOPPED = "stopped", _("Stopped")


class DialogueQuerySet(AlwaysSharedQuerySet):
    def ongoing(self) -> DialogueQuerySet:
        return self.filter(status__in=[Status.ACTIVE, Status.BREAK])


class Dialogue(Linked, AlwaysShared):
    """One dialogue. `author` started it; `first_sender` speaks first."""

    label = "Dialogue {pk}"
    url_name = "dialogue:detail"

    mode = models.CharField(max_length=10, choices=Mode.choices)
    topic = EncryptedTextField(null=True, blank=True)
    first_sender = person()
    first_receiver = person()
    round = models.PositiveSmallIntegerField(default=1)
    step = models.CharField(max_length=10, choices=Step.choices, default=Step.SEND)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    break_by = person(optional=True)
    break_until = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = DialogueQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    # Not stored: the dialogue list sets these for its page.
    my_turn: bool
    summary: Summary | None

    class Meta:
        ordering = ["-created", "-id"]

    is_written = state_is(Mode.WRITTEN, field="mode")
    is_ongoing = state_is(Status.ACTIVE, Status.BREAK)

    @property
    def sender(self):
        return self.first_sender if self.round == 1 else self.first_receiver

    @property
    def receiver(self):
        return self.first_receiver if self.round == 1 else self.first_sender

    @property
    def actor(self):
        """Whose step it is now (None once finished)."""
        if self.step in SENDER_STEPS:
            return self.sender
        if self.step in RECEIVER_STEPS:
            return self.receiver
        if self.step == Step.PASS:
            # Set at the start of round two: its receiver takes the phone.
            return self.receiver
        return None

    def waits_for(self, user) -> bool:
        """In writing, whether the next turn is `user`'s."""
        actor = self.actor
        return (
            self.is_written
            and self.status == Status.ACTIVE
            and actor is not None
            and actor.pk == user.pk
        )

    def is_party(self, user) -> bool:
        return user.pk in (self.first_sender_id, self.first_receiver_id)

    def partner_of(self, user):
        return (
            self.first_receiver
            if user.pk == self.first_sender_id
            else self.first_sender
        )

    @property
    def break_minutes(self) -> int:
        return BREAK_MINUTES

    def break_over(self, now: dt.datetime) -> bool:
        return self.break_until is not None and now >= self.break_until

    def add[M: models.Model](
        self, model: type[M], author, *, at: dt.datetime, **fields
    ) -> M:
        """A row of `model` (a turn, a summary) that `author` adds to the
        dialogue at `at`."""
        return model._default_manager.create(
            space=self.space, author=author, dialogue=self, created=at, **fields
        )


class Turn(Linked, SharedRecord):
    """One written turn, appended and never changed."""

    label = "Turn {pk}"
    url_name = "dialogue:detail"
    url_pk = "dialogue_id"

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.CASCADE, related_name="turns"
    )
    round = models.PositiveSmallIntegerField()
    step = models.CharField(max_length=10, choices=Step.choices)
    text = EncryptedTextField(null=True, blank=True)
    # For the "is there more?" and "is that how you feel?" answers.
    answer = models.CharField(max_length=12, blank=True)

    class Meta:
        ordering = ["created", "id"]


class Summary(Linked, Content):
    """What the two of you want to remember. Shared only while both agree:
    proposed by its author, kept when the partner agrees; if either says
    no (now or later) it becomes private to its author."""

    label = "Summary {pk}"
    url_name = "dialogue:detail"
    url_pk = "dialogue_id"
    url_fragment = "summary"

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.CASCADE, related_name="summaries"
    )
    text = EncryptedTextField()
    kept_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name_plural = "summaries"

    @property
    def is_kept(self) -> bool:
        return self.kept_at is not None and self.visibility == Visibility.SHARED

    @property
    def is_proposed(self) -> bool:
        return self.kept_at is None and self.visibility == Visibility.SHARED
