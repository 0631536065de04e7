"""Operations on questions answered in turn.

Each does its whole job in one transaction and records an Activity; a step
that is not allowed raises ValidationError with words for the person, and
changes nothing. Answering, passing and revealing lock the round row, so two
partners answering at the same moment still reveal exactly once.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.lib.content import Visibility
from troth.lib.time import space_today
from troth.questions.deck import DECK_BY_KEY, Level, deck_for_level
from troth.questions.models import (
    Answer,
    DeckSettings,
    FollowUp,
    OwnQuestion,
    Reaction,
    Round,
)
from troth.questions.steps import STEPS
from troth.spaces.services import (
    activity_record_for_partner,
    activity_record_private,
)
from troth.spaces.steps import Refused, require_partner

ANSWER_MAX = 3000
FOLLOWUP_MAX = 1000
QUESTION_MAX = 300


def space_day(space, now: datetime | None = None) -> date:
    """The space's shared day: the earliest of the partners' local dates.

    A new question arrives only once it is a new day for both partners, so
    neither is ever shown "tomorrow's" question while it is still today for
    them; the partner further east gets it a few hours into their morning
    instead of at midnight. With one partner (or none) it is their local date
    (or UTC's). See docs/figures/question-day.md.
    """
    return space_today(space.partners, now or timezone.now())


def check_text(text: str, *, limit: int, empty: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(empty)
    if len(text) > limit:
        raise ValidationError(
            _("That is %(n)d characters; the limit is %(limit)d.")
            % {"n": len(text), "limit": limit}
        )
    return text


def deck_level(space) -> int:
    settings = DeckSettings.objects.filter(space=space).first()
    return settings.level if settings else Level.LIGHT


def deck_candidates(space, level: int) -> list[tuple[str, OwnQuestion | None]]:
    """Every question the couple's deck holds at `level`: ours, then theirs."""
    built_in = [(q.key, None) for q in deck_for_level(level)]
    own = [
        (q.key, q)
        for q in OwnQuestion.objects.filter(space=space, level=level).in_deck()
    ]
    return own + built_in


def deck_next(space, level: int, day: date) -> tuple[str, OwnQuestion | None]:
    """The next question for the space: one asked the fewest times so far.

    So no question repeats until every question at the level has been asked
    once (the deck is used up); then a second pass begins, and so on. The
    couple's own questions come first among equals. Among the rest the
    choice is spread by a hash of the space and the day: stable for a given
    day, different between couples."""
    candidates = deck_candidates(space, level)
    asked = dict(
        Round.objects.filter(space=space)
        .values_list("key")
        .annotate(n=Count("id"))
        .values_list("key", "n")
    )
    fewest = min(asked.get(key, 0) for key, _own in candidates)
    pool = [(key, own) for key, own in candidates if asked.get(key, 0) == fewest]
    own_first = [item for item in pool if item[1] is not None]
    if own_first:
        return own_first[0]
    seed = hashlib.sha256(f"{space.pk}:{day.isoformat()}".encode()).digest()
    return pool[int.from_bytes(seed[:4], "big") % len(pool)]


def round_for_day(*, space, day: date | None = None) -> Round | None:
    """The space's daily round for `day` (today, by default), made if needed.

    Idempotent: the daily job and the questions page both call it, any
    number of times, and the unique constraint keeps one daily round per
    space and day. None while the space is closed or waits for a partner."""
    if space.closed_at is not None or len(space.partners) < 2:
        return None
    day = day or space_day(space)
    existing = Round.objects.filter(space=space, day=day, origin=Round.Origin.DAILY)
    found = existing.select_related("own").first()
    if found is not None:
        return found
    level = deck_level(space)
    key, own = deck_next(space, level, day)
    try:
        with transaction.atomic():
            return Round.objects.create(
                space=space, day=day, key=key, own=own, level=level
            )
    except IntegrityError:
        # Another worker or request made it first.
        return existing.select_related("own").get()


def round_pick(*, space, by, key: str) -> Round:
    """A partner puts a question of their choosing to both, today."""
    with transaction.atomic():
        require_partner(space, by)
        if len(space.partners) < 2:
            raise ValidationError(_("Questions need both partners in the space."))
        own = None
        if key.startswith("own:"):
            ident = key.removeprefix("own:")
            own = (
                OwnQuestion.objects.visible_to(by)
                .in_deck()
                .filter(
                    space=space,
                    pk=int(ident) if ident.isdigit() and len(ident) < 12 else 0,
                )
                .first()
            )
            if own is None:
                raise ValidationError(_("That question is not in your deck."))
            level = own.level
        elif key in DECK_BY_KEY:
            level = DECK_BY_KEY[key].level
        else:
            raise ValidationError(_("That question is not in your deck."))
        if (
            Round.objects.select_for_update()
            .filter(space=space, origin=Round.Origin.PICKED)
            .open()
            .exists()
        ):
            raise ValidationError(
                _("A picked question is still open. Answer or pass on it first.")
            )
        round = Round.objects.create(
            space=space,
            day=space_day(space),
            key=key,
            own=own,
            level=level,
            origin=Round.Origin.PICKED,
            picked_by=by,
        )
        activity_record_for_partner(
            space=space, actor=by, verb="questions.picked", target=round
        )
    return round


def answer_create(*, round: Round, by, text: str) -> Answer:
    """Answer a question privately. When the last partner answers, the round
    is revealed to both, in the same transaction."""
    text = check_text(
        text,
        limit=ANSWER_MAX,
        empty=_("Write your answer, or pass if you'd rather not answer."),
    )
    with STEPS.take("answer", round, by=by) as step:
        fresh = step.obj
        space = fresh.space
        answer = Answer.objects.create(
            space=space, author=by, round=fresh, text=text, visibility=Visibility.SHARED
        )
        partners = {p.pk for p in space.partners}
        answered = set(
            Answer.objects.filter(round=fresh).values_list("author_id", flat=True)
        )
        step.save = len(partners) >= 2 and partners <= answered
        if step.save:
            fresh.revealed_at = step.now
            step.verb = "questions.revealed"
        else:
            # Private: the partner's feed must not carry when this was written.
            step.verb = "questions.answered"
            step.private = True
    return answer


def answer_update(*, answer: Answer, by, text: str) -> Answer:
    """Change one's own answer, until both have answered."""
    if answer.author_id != by.pk:
        raise Refused(
            _("Only the person who wrote an answer can change it."), "wrong_person"
        )
    text = check_text(
        text,
        limit=ANSWER_MAX,
        empty=_("Write your answer, or pass if you'd rather not answer."),
    )
    with STEPS.take("change_answer", answer.round, by=by) as step:
        step.save = False
        answer = Answer.objects.get(pk=answer.pk)
        if answer.text != text:
            answer.text = text
            answer.save(update_fields=["text", "updated"])
            step.verb = "questions.answer_changed"
            step.private = True
    return answer


def round_pass(*, round: Round, by) -> Round:
    """Pass on a question: it closes for both and nothing is revealed, ever."""
    with STEPS.take("pass", round, by=by) as step:
        step.obj.passed_at = step.now
        step.obj.passed_by = by
    return round


def reaction_set(*, answer: Answer, by, kind: str) -> Reaction:
    """React to the partner's revealed answer; a new reaction replaces one's
    earlier reaction to the same answer."""
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Choose one of the reactions."))
    if answer.author_id == by.pk:
        raise Refused(
            _("You can react to your partner's answer, not your own."),
            "wrong_person",
        )
    with STEPS.take("react", answer.round, by=by) as step:
        step.save = False
        reaction, created = Reaction.objects.update_or_create(
            answer=answer,
            author=by,
            defaults={
                "kind": kind,
                "space": step.obj.space,
                "visibility": Visibility.SHARED,
            },
        )
        if created:
            step.verb = "questions.reacted"
            step.target = reaction
            step.recipient = answer.author
    return reaction


def followup_create(*, round: Round, by, text: str) -> FollowUp:
    """Add a follow-up once both answers are revealed."""
    text = check_text(text, limit=FOLLOWUP_MAX, empty=_("Write a few words first."))
    with STEPS.take("follow_up", round, by=by) as step:
        step.save = False
        step.target = FollowUp.objects.create(
            space=step.obj.space,
            author=by,
            round=step.obj,
            text=text,
            visibility=Visibility.SHARED,
        )
    return step.target


def own_question_create(*, space, by, text: str, level: int) -> OwnQuestion:
    """Write a question into the couple's deck; it comes up soon."""
    text = check_text(text, limit=QUESTION_MAX, empty=_("Write the question first."))
    if level not in Level.values:
        raise ValidationError(_("Choose a level."))
    with transaction.atomic():
        require_partner(space, by)
        question = OwnQuestion.objects.create(
            space=space, author=by, text=text, level=level, visibility=Visibility.SHARED
        )
        activity_record_for_partner(
            space=space, actor=by, verb="questions.own_added", target=question
        )
    return question


def own_question_retire(*, question: OwnQuestion, by) -> OwnQuestion:
    """Take one's own question out of the deck. Rounds that used it keep it."""
    if question.author_id != by.pk:
        raise Refused(
            _("Only the person who wrote a question can remove it."), "wrong_person"
        )
    with transaction.atomic():
        if question.retired_at is not None:
            raise Refused(_("This question is already out of the deck."), "retired")
        question.retired_at = timezone.now()
        question.save(update_fields=["retired_at", "updated"])
        activity_record_private(
            space=question.space,
            actor=by,
            verb="questions.own_retired",
            target=question,
        )
    return question


def level_set(*, space, by, level: int) -> DeckSettings:
    """Choose the level of the daily question, for both partners."""
    if level not in Level.values:
        raise ValidationError(_("Choose a level."))
    with transaction.atomic():
        require_partner(space, by)
        settings, _created = DeckSettings.objects.select_for_update().get_or_create(
            space=space
        )
        if settings.level == level:
            return settings
        settings.level = level
        settings.updated = timezone.now()
        settings.updated_by = by
        settings.save()
        activity_record_for_partner(
            space=space, actor=by, verb="questions.level_changed", target=settings
        )
    return settings
