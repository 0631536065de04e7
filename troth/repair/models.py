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

from typing import TYPE_CHECKING, ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from troth.lib.content import (
    AlwaysPrivate,
    AlwaysShared,
    AlwaysSharedQuerySet,
    SharedRecord,
)
from troth.lib.fields import EncryptedTextField
from troth.lib.models import (
    HistoryEntry,
    Linked,
    LinkedModel,
    is_set,
    one_per,
    optional_link,
    person,
    state_is,
)

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


class Repair(Linked, AlwaysShared):
    """One repair. `author` opened it; `hurt` is who was hurt, `other` who
    broke trust (either may have opened it)."""

    label = "Repair {pk}"
    url_name = "repair:detail"

    opened_as = models.CharField(max_length=10, choices=OpenedAs.choices)
    hurt = person()
    other = person()
    summary = EncryptedTextField(_("what happened"))
    touches = models.CharField(
        max_length=10, choices=Touches.choices, default=Touches.NOTHING
    )
    clause = optional_link("agreements.Clause")
    promise = optional_link("promises.Promise")
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

    is_open = state_is(Status.OPEN)
    is_heard = is_set("heard_at")

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


class OnRepair(LinkedModel):
    """A row written on a repair, shown on a page of it."""

    url_pk: ClassVar[str | None] = "repair_id"

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class Shared(OnRepair, SharedRecord):
    """A part of a repair both partners read, on the repair's page."""

    url_name = "repair:detail"

    class Meta:
        abstract = True


class Account(Shared):
    """The hurt partner's account of what happened and how it felt. A new
    version may be written until they have been heard."""

    label = "Account {pk}"

    text = EncryptedTextField()

    class Meta:
        ordering = ["created", "id"]


class MirrorAnswer(models.TextChoices):
    PENDING = "pending", _("Waiting")
    HEARD = "heard", _("You heard me")
    AGAIN = "again", _("Please try again")


class Mirror(Shared):
    """The other partner's account of the account, in their own words, and
    the hurt partner's answer (recorded once)."""

    label = "Mirror {pk}"

    # The one change allowed after creation: the answer, once.
    SETTABLE_LATER = frozenset({"answer", "answer_note", "answered_at"})

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


class ApologyVersion(Shared):
    """One version of the apology, as sent. Revising sends a new version."""

    label = "Apology {repair_id}.{number}"
    url_fragment = "apology"

    number = models.PositiveSmallIntegerField()
    text = EncryptedTextField()

    # Not stored: the repair page sets it to the answers it may show.
    replies: list[ApologyAnswer]

    class Meta:
        ordering = ["number"]
        constraints = [one_per("repair", "number", name="one_apology_version_number")]


class Answer(models.TextChoices):
    HELPS = "helps", _("It helps")
    NOT_YET = "not_yet", _("Not yet")
    NEED_ELSE = "need_else", _("I need something else")


class ApologyAnswer(Shared):
    """The hurt partner's answer to one version of the apology."""

    label = "Answer {pk}"

    apology = models.ForeignKey(
        ApologyVersion, on_delete=models.CASCADE, related_name="answers"
    )
    answer = models.CharField(max_length=10, choices=Answer.choices)
    note = EncryptedTextField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]

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

    label = "Plan item {pk}"
    url_name = "repair:plan"

    promise = optional_link("promises.Promise", on_delete=models.CASCADE)
    agreement = optional_link("agreements.Agreement", on_delete=models.CASCADE)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(promise__isnull=False, agreement__isnull=True)
                | models.Q(promise__isnull=True, agreement__isnull=False),
                name="plan_item_is_a_promise_or_an_agreement",
            )
        ]


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


class RepairEvent(HistoryEntry):
    """The shared history of a repair. It never mentions anyone's private
    notes, check-ins or therapy log. Every step has a person behind it."""

    RECORD_OF = "repair"

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="events")
    actor = person()
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    phase = models.CharField(max_length=10, choices=Phase.choices, blank=True)
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)


# Private to their author


class Private(OnRepair, AlwaysPrivate):
    """A row on a repair only its author reads, on their private page."""

    url_name = "repair:private"

    class Meta:
        abstract = True


class Note(Private):
    """A note only its author reads."""

    label = "Note {pk}"

    text = EncryptedTextField()

    class Meta:
        ordering = ["-created", "-id"]


class SessionKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual therapy")
    COUPLES = "couples", _("Couples therapy")


class TherapySession(Private):
    """One therapy session in its author's private log."""

    label = "Session {pk}"

    kind = models.CharField(max_length=12, choices=SessionKind.choices)
    on = models.DateField()
    note = EncryptedTextField(null=True, blank=True)

    class Meta:
        ordering = ["-on", "-id"]


RATING = [MinValueValidator(1), MaxValueValidator(7)]


class ForgivenessCheckin(Private):
    """Three 1–7 ratings by the hurt partner, for them alone. The parts of
    forgiveness follow Fincham, Beach & Davila (2004): less avoidance, less
    urge to get even, more goodwill. Our own wording; not a clinical
    instrument and never a goal (docs/figures/forgiveness-checkins.md)."""

    label = "Check-in {pk}"
    url_name = "repair:forgiveness"

    distance = models.PositiveSmallIntegerField(validators=RATING)
    even = models.PositiveSmallIntegerField(validators=RATING)
    goodwill = models.PositiveSmallIntegerField(validators=RATING)

    class Meta:
        ordering = ["created", "id"]
