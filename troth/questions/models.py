"""Questions answered in turn.

A Round is one question put to the space on one day. Each partner writes an
Answer privately. The rule that answers stay hidden until every partner has
answered lives in one place, `AnswerQuerySet.visibility_q`: an answer is
visible to its author, and to a partner only once its round is revealed. A
round that is passed closes without ever being revealed, so what was
written stays with its author.

What a partner may know before the reveal is only *whether* the other has
answered (the dashboard shows it; `RoundQuerySet.with_progress`); never the
answer, its length, or when it was written or changed.
"""

from __future__ import annotations

from django.db import models
from django.db.models import BooleanField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import IsNull
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, ContentQuerySet, Visibility, partner_space_ids
from troth.lib.fields import EncryptedTextField
from troth.lib.models import (
    Linked,
    LinkedModel,
    ReadableQuerySet,
    is_set,
    one_per,
    optional_link,
    person,
)
from troth.questions.deck import DECK_BY_KEY, PACKS, Level


def all_levels() -> list[int]:
    return list(Level.values)


class DeckSettings(LinkedModel):
    """The couple's choices for their deck: the levels the daily question
    comes from, and the packs they switched off.

    The packs kept are the ones switched *off*, so that a pack added to
    Troth later is on for everyone until they switch it off."""

    label = "Deck of {space_id}"
    url_name = "questions:deck"
    url_pk = None

    space = models.OneToOneField(
        "spaces.Space", on_delete=models.CASCADE, related_name="question_settings"
    )
    levels = models.JSONField(default=all_levels)
    packs_off = models.JSONField(default=list, blank=True)
    updated = models.DateTimeField(default=timezone.now)
    updated_by = person(optional=True, on_delete=models.SET_NULL)

    @property
    def packs_on(self) -> list[str]:
        return [pack.key for pack in PACKS if pack.key not in self.packs_off]


class NextRound(models.Model):
    """When a space's next daily round is due: the start of its next shared
    day (services.space_day), the latest of the partners' next midnights.

    Kept for each space with both partners, so the clock reads only the
    spaces whose day has turned (questions_next_round_due) instead of every
    open space and its partners' zones. Moved on by the job when it has put
    the day's question; set to now when a partner joins or leaves (receivers)
    or changes time zone (reminders), so the job works it out again."""

    space = models.OneToOneField(
        "spaces.Space", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["at"], name="questions_next_round_due")]

    def __str__(self) -> str:
        return f"Next round of {self.space_id} at {self.at:%Y-%m-%d %H:%M}"


class OwnQuestionQuerySet(ContentQuerySet):
    def in_deck(self) -> OwnQuestionQuerySet:
        return self.filter(retired_at__isnull=True)


class OwnQuestion(Linked, Content):
    """A question a partner wrote into the couple's deck. Always shared: the
    deck is the couple's."""

    label = "Own question {pk}"
    url_name = "questions:deck"
    url_pk = None

    text = EncryptedTextField(_("your question"))
    level = models.PositiveSmallIntegerField(
        choices=Level.choices, default=Level.DEEPER
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = OwnQuestionQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-created", "-id"]

    @property
    def key(self) -> str:
        return f"own:{self.pk}"


class RoundQuerySet(ReadableQuerySet):
    """A round is the space's: every partner who has not left sees it. Its
    answers have their own rule (AnswerQuerySet)."""

    def with_progress(self, user) -> RoundQuerySet:
        """Annotate whether `user` answered and whether anyone else did.

        Only the fact, by design (both partners see who has answered); the
        annotation carries no text, length or time of the other's answer.

        The partner's is a scalar subquery, looked up per round by
        one_answer_per_person_per_round: PostgreSQL may turn an EXISTS with
        `author <> user` into a hash of every couple's answers by anyone
        but `user` (tests/test_plans.py)."""
        answers = Answer.objects.filter(round=OuterRef("pk"))
        theirs = answers.exclude(author=user).annotate(one=Value(True))
        return self.annotate(
            i_answered=Exists(answers.filter(author=user)),
            partner_answered=Coalesce(
                Subquery(theirs.values("one")[:1], output_field=BooleanField()),
                False,
            ),
        )

    def open(self) -> RoundQuerySet:
        return self.filter(revealed_at__isnull=True, passed_at__isnull=True)

    def revealed(self) -> RoundQuerySet:
        return self.filter(revealed_at__isnull=False)


class Round(LinkedModel):
    """One question put to a space: the daily one, or one a partner picked."""

    label = "Round {pk} on {day}"
    url_name = "questions:round"

    class Origin(models.TextChoices):
        DAILY = "daily", _("Question of the day")
        PICKED = "picked", _("Picked by one of you")

    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="+"
    )
    # The space's day this round belongs to (see services.space_day).
    day = models.DateField()
    key = models.CharField(max_length=40)
    own = optional_link(OwnQuestion, related_name="rounds")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    origin = models.CharField(
        max_length=10, choices=Origin.choices, default=Origin.DAILY
    )
    picked_by = person(optional=True, on_delete=models.SET_NULL)
    created = models.DateTimeField(default=timezone.now)
    revealed_at = models.DateTimeField(null=True, blank=True)
    passed_at = models.DateTimeField(null=True, blank=True)
    passed_by = person(optional=True, on_delete=models.SET_NULL)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            one_per(
                "space",
                "day",
                condition=Q(origin="daily"),
                name="one_daily_question_per_space_day",
            )
        ]
        indexes = [
            models.Index(fields=["space", "-day"]),
            # The questions pages look up a couple's revealed rounds.
            models.Index(
                fields=["space", "revealed_at"], name="questions_round_revealed"
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.revealed_at is None and self.passed_at is None

    is_revealed = is_set("revealed_at")
    is_passed = is_set("passed_at")

    @property
    def text(self) -> str:
        if self.own_id is not None and self.own is not None:
            return self.own.text
        found = DECK_BY_KEY.get(self.key)
        if found is not None:
            return str(found.text)
        return str(_("(This question was removed from the deck.)"))

    @property
    def pack(self) -> str:
        """The key of the question's pack; empty for the couple's own."""
        found = DECK_BY_KEY.get(self.key)
        return found.pack if found else ""

    @property
    def theme_label(self) -> str:
        found = DECK_BY_KEY.get(self.key)
        return str(found.pack_name) if found else str(_("Your own question"))

    @property
    def follow_up(self) -> str:
        """The deck's suggested prompt for after both have answered, if any."""
        found = DECK_BY_KEY.get(self.key)
        return str(found.follow_up) if found and found.follow_up else ""


class HiddenUntilRevealedQuerySet(ContentQuerySet):
    """Content that belongs to a round: its author sees it; a partner sees
    it only once the round is revealed (both answered)."""

    round_path = "round"

    def visibility_q(self, user) -> Q:
        return Q(author=user) | Q(
            visibility=Visibility.SHARED,
            space_id__in=partner_space_ids(user),
            **{f"{self.round_path}__revealed_at__isnull": False},
        )


class AnswerQuerySet(HiddenUntilRevealedQuerySet):
    round_path = "round"


class OnRound(Linked, Content):
    """Words a partner writes on a round (an answer, a follow-up): shown on
    the round's page, in the order written, and to the partner only once
    the round is revealed."""

    url_name = "questions:round"
    url_pk = "round_id"

    objects = HiddenUntilRevealedQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        abstract = True
        ordering = ["created", "id"]


class Answer(OnRound):
    label = "Answer {pk} to round {round_id}"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="answers")
    text = EncryptedTextField(_("your answer"))

    objects = AnswerQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta(OnRound.Meta):
        constraints = [
            one_per("round", "author", name="one_answer_per_person_per_round")
        ]


class ReactionQuerySet(HiddenUntilRevealedQuerySet):
    round_path = "answer__round"

    def visibility_q(self, user) -> Q:
        """The rule of HiddenUntilRevealedQuerySet, with the round's reveal
        read per reaction by a scalar subquery instead of a join: a page's
        reactions, picked by their answers, are then read by the
        (answer, author) index, not planned as a join over every couple's
        answers (tests/test_plans.py)."""
        revealed = Subquery(
            Answer.objects.filter(pk=OuterRef("answer_id"))
            .order_by()
            .values("round__revealed_at")[:1]
        )
        return Q(author=user) | (
            Q(visibility=Visibility.SHARED, space_id__in=partner_space_ids(user))
            & Q(IsNull(revealed, False))
        )


class Reaction(Linked, Content):
    """A partner's response to the other's revealed answer: a few words
    chosen from a list, so nothing new has to be written."""

    class Kind(models.TextChoices):
        MOVED = "moved", _("That moved me")
        NEW = "new", _("I didn't know that")
        SAME = "same", _("Me too")
        THANKS = "thanks", _("Thank you for telling me")
        MORE = "more", _("I'd like to hear more")

    label = "{kind} on {answer_id}"
    url_name = "questions:round"
    url_pk = "answer.round_id"

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)

    objects = ReactionQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        constraints = [
            one_per("answer", "author", name="one_reaction_per_person_per_answer")
        ]


class FollowUp(OnRound):
    """More words after the reveal: a thought, a question back."""

    label = "Follow-up {pk} on round {round_id}"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="followups")
    text = EncryptedTextField(_("follow-up"))
