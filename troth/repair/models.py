"""Repair after a breach of trust.

A repair is shared by the two partners. It follows the Atone → Attune →
Attach path (a clinical model; RESEARCH.md), with the hurt partner setting
the pace: only they move it on, back, or close it. Nothing here counts
down or asks anyone to forgive.

Heard first (Frantz & Bennigson 2005): the hurt partner writes their
account, the other mirrors it in their own words, and the hurt partner says
whether they were heard. Only then does the apology composer open. Apology
versions are appended, never rewritten, and each gets the hurt partner's
answer.

Each person's notes and therapy log, and the hurt partner's forgiveness
check-ins, are private: `Visibility.PRIVATE`, read only through
`visible_to`, never counted or dated for the partner anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.appendonly import AppendOnly
from troth.lib.content import (
    AlwaysPrivate,
    AlwaysShared,
    AlwaysSharedQuerySet,
    SharedRecord,
)
from troth.lib.fields import EncryptedTextField

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class OpenedAs(models.TextChoices):
    HURT = "hurt", _("Something hurt me")
    BROKE = "broke", _("I broke your trust")


class Phase(models.TextChoices):
    ATONE = "atone", _("Atone")
    ATTUNE = "attune", _("Attune")
    ATTACH = "attach", _("Attach")


PHASE_ORDER: list[str] = [Phase.ATONE, Phase.ATTUNE, Phase.ATTACH]

PHASE_HELP: dict[str, StrOrPromise] = {
    Phase.ATONE: _(
        "Being heard, and an apology that owns what happened. The one who was "
        "hurt says what it was like; the other listens, mirrors it back, and "
        "takes responsibility."
    ),
    Phase.ATTUNE: _(
        "Learning new ways of being with each other: concrete changes kept as "
        "promises, openness you both agree to, and talking it through."
    ),
    Phase.ATTACH: _(
        "Growing close again, at whatever pace feels right. There is no "
        "deadline, and no step that has to happen."
    ),
}


class Touches(models.TextChoices):
    NOTHING = "nothing", _("Nothing in Troth")
    CLAUSE = "clause", _("A clause of one of our agreements")
    PROMISE = "promise", _("A promise")


class Seriousness(models.IntegerChoices):
    STUNG = 1, _("It stung")
    HURT = 2, _("It hurt")
    DEEP = 3, _("It hurt a lot")
    SHOOK = 4, _("It shook my trust deeply")


class Step(models.TextChoices):
    """Where the heard-first exchange and the apology stand."""

    ACCOUNT = "account", _("Waiting for the hurt partner's account")
    MIRROR = "mirror", _("Waiting for the account to be mirrored")
    CONFIRM = "confirm", _("Waiting to hear whether the mirror heard it")
    APOLOGY = "apology", _("Heard: waiting for an apology")
    ANSWER = "answer", _("Waiting for an answer to the apology")
    ANSWERED = "answered", _("The apology has an answer")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Closed")


class RepairQuerySet(AlwaysSharedQuerySet):
    def open(self) -> RepairQuerySet:
        return self.filter(status=Status.OPEN)


class Repair(AlwaysShared):
    """One repair. `author` opened it; `hurt` is who was hurt, `other` who
    broke trust (either may have opened it)."""

    opened_as = models.CharField(max_length=10, choices=OpenedAs.choices)
    hurt = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    other = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    summary = EncryptedTextField(_("what happened"))
    touches = models.CharField(
        max_length=10, choices=Touches.choices, default=Touches.NOTHING
    )
    clause = models.ForeignKey(
        "agreements.Clause",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    promise = models.ForeignKey(
        "promises.Promise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # How serious it feels to the hurt partner; theirs to say.
    seriousness = models.PositiveSmallIntegerField(
        choices=Seriousness.choices, null=True, blank=True
    )
    phase = models.CharField(max_length=10, choices=Phase.choices, default=Phase.ATONE)
    step = models.CharField(max_length=10, choices=Step.choices, default=Step.ACCOUNT)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    heard_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = RepairQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    # Not stored: lists and the dashboard card set it for their page.
    mine_to_do: bool

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"Repair {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("repair:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def is_heard(self) -> bool:
        return self.heard_at is not None

    def role_of(self, user) -> str:
        """ "hurt", "other", or "" for anyone else."""
        if user.pk == self.hurt_id:
            return "hurt"
        if user.pk == self.other_id:
            return "other"
        return ""

    def waits_for(self, user) -> bool:
        """Whether the next step of the heard-first exchange or the apology
        is `user`'s to take."""
        if not self.is_open:
            return False
        hurt_steps = (Step.ACCOUNT, Step.CONFIRM, Step.ANSWER)
        other_steps = (Step.MIRROR, Step.APOLOGY)
        if user.pk == self.hurt_id:
            return self.step in hurt_steps
        if user.pk == self.other_id:
            return self.step in other_steps
        return False


class Shared(SharedRecord):
    """A part of a repair both partners read."""

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return self.repair.get_absolute_url()


class Account(Shared):
    """The hurt partner's account of what happened and how it felt. A new
    version may be written until they have been heard."""

    text = EncryptedTextField()

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"Account {self.pk}"


class MirrorAnswer(models.TextChoices):
    PENDING = "pending", _("Waiting")
    HEARD = "heard", _("You heard me")
    AGAIN = "again", _("Please try again")


class Mirror(SharedRecord):
    """The other partner's account of the account, in their own words, and
    the hurt partner's answer (recorded once)."""

    # The one change allowed after creation: the answer, once.
    SETTABLE_LATER = frozenset({"answer", "answer_note", "answered_at"})

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="+")
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField()
    answer = models.CharField(
        max_length=10, choices=MirrorAnswer.choices, default=MirrorAnswer.PENDING
    )
    # What the hurt partner felt was missed (optional; NULL when empty).
    answer_note = EncryptedTextField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"Mirror {self.pk}"

    def get_absolute_url(self) -> str:
        return self.repair.get_absolute_url()


class ApologyVersion(Shared):
    """One version of the apology, as sent. Revising sends a new version."""

    number = models.PositiveSmallIntegerField()
    text = EncryptedTextField()

    # Not stored: the repair page sets it to the answers it may show.
    replies: list[ApologyAnswer]

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["repair", "number"], name="one_apology_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"Apology {self.repair_id}.{self.number}"

    def get_absolute_url(self) -> str:
        return self.repair.get_absolute_url() + "#apology"


class Answer(models.TextChoices):
    HELPS = "helps", _("It helps")
    NOT_YET = "not_yet", _("Not yet")
    NEED_ELSE = "need_else", _("I need something else")


class ApologyAnswer(Shared):
    """The hurt partner's answer to one version of the apology."""

    apology = models.ForeignKey(
        ApologyVersion, on_delete=models.CASCADE, related_name="answers"
    )
    answer = models.CharField(max_length=10, choices=Answer.choices)
    note = EncryptedTextField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"Answer {self.pk}"

    @property
    def pill(self) -> str:
        pills: dict[str, str] = {
            Answer.HELPS: "pill-good",
            Answer.NOT_YET: "pill-warn",
            Answer.NEED_ELSE: "pill-accent",
        }
        return pills[self.answer]


class PlanItem(Shared):
    """A piece of the repair plan: a promise (a concrete change of
    behaviour) or a time-boxed agreement (openness both consent to)."""

    promise = models.ForeignKey(
        "promises.Promise",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(promise__isnull=False, agreement__isnull=True)
                | models.Q(promise__isnull=True, agreement__isnull=False),
                name="plan_item_is_a_promise_or_an_agreement",
            )
        ]

    def __str__(self) -> str:
        return f"Plan item {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("repair:plan", kwargs={"pk": self.repair_id})


class EventKind(models.TextChoices):
    OPENED = "opened", _("opened this repair")
    ACCOUNT = "account", _("wrote their account")
    MIRRORED = "mirrored", _("mirrored the account in their own words")
    HEARD = "heard", _("said: you heard me")
    AGAIN = "again", _("asked for another try at mirroring")
    APOLOGY = "apology", _("sent an apology")
    REVISED = "revised", _("sent a revised apology")
    ANSWERED = "answered", _("answered the apology")
    PHASE = "phase", _("moved the repair to")
    PLAN = "plan", _("added to the repair plan")
    RESOLVED = "resolved", _("closed the repair")
    REOPENED = "reopened", _("reopened the repair")


class RepairEvent(AppendOnly):
    """The shared history of a repair, appended and never changed. It never
    mentions anyone's private notes, check-ins or therapy log."""

    # Part of the repair's record: it stays when a former partner's account
    # is deleted and the repair is kept (troth.accounts.services).
    RECORD_OF = "repair"

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    created = models.DateTimeField(default=timezone.now)
    phase = models.CharField(max_length=10, choices=Phase.choices, blank=True)
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"{self.kind} on repair {self.repair_id}"


# Private to their author


class Private(AlwaysPrivate):
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return reverse("repair:private", kwargs={"pk": self.repair_id})


class Note(Private):
    """A note only its author reads."""

    text = EncryptedTextField()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"Note {self.pk}"


class SessionKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual therapy")
    COUPLES = "couples", _("Couples therapy")


class TherapySession(Private):
    """One therapy session in its author's private log."""

    kind = models.CharField(max_length=12, choices=SessionKind.choices)
    on = models.DateField()
    note = EncryptedTextField(null=True, blank=True)

    class Meta:
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"Session {self.pk}"


RATING = [MinValueValidator(1), MaxValueValidator(7)]


class ForgivenessCheckin(Private):
    """Three 1–7 ratings by the hurt partner, for them alone. The parts of
    forgiveness follow Fincham, Beach & Davila (2004): less avoidance, less
    urge to get even, more goodwill. Our own wording; not a clinical
    instrument and never a goal (docs/figures/forgiveness-checkins.md)."""

    distance = models.PositiveSmallIntegerField(validators=RATING)
    even = models.PositiveSmallIntegerField(validators=RATING)
    goodwill = models.PositiveSmallIntegerField(validators=RATING)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"Check-in {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("repair:forgiveness", kwargs={"pk": self.repair_id})
