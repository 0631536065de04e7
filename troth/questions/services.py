"""Operations on questions answered in turn.

Each does its whole job in one transaction and records an Activity; a step
that is not allowed raises ValidationError with words for the person, and
changes nothing. Answering, passing and revealing lock the round row, so two
partners answering at the same moment still reveal exactly once.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.lib.content import Visibility
from troth.lib.time import space_day_start, space_today
from troth.questions.deck import DECK_BY_KEY, PACK_BY_KEY, PACKS, Level, deck_for
from troth.questions.models import (
    Answer,
    DeckSettings,
    FollowUp,
    NextRound,
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


# No question of the deck comes back within this many days (unless the
# couple's choice holds fewer questions: then none comes back before every
# one has been asked).
NO_REPEAT_DAYS = 365
# A pass weighs its pack down for this long: each pass within it halves the
# chance that the pack's questions are picked.
PASS_MEMORY_DAYS = 60
# A couple's first questions come from the lightest level they chose.
WARM_UP_ROUNDS = 14


def deck_settings(space) -> DeckSettings:
    """The couple's deck settings; unsaved defaults if they never chose."""
    return DeckSettings.objects.filter(space=space).first() or DeckSettings(space=space)


def deck_candidates(space, levels, packs) -> list[tuple[str, OwnQuestion | None, str]]:
    """Every question the couple's deck holds at `levels` in `packs`, as
    (key, own question, pack): ours, then the deck's. The couple's own
    questions are in no pack (pack ""), and come with any chosen pack."""
    built_in = [(q.key, None, q.pack) for q in deck_for(levels, packs)]
    own = [
        (q.key, q, "")
        for q in OwnQuestion.objects.filter(space=space, level__in=levels).in_deck()
    ]
    return own + built_in


def _seed(space, day: date, salt: str) -> float:
    """A number in [0, 1) fixed by the space, the day and `salt`: the same
    day gives the same pick, and couples get different ones."""
    digest = hashlib.sha256(f"{space.pk}:{day.isoformat()}:{salt}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def pack_weights(space, day: date, pool) -> dict[str, float]:
    """How likely each pack in `pool` is to give the question on `day`.

    A pack weighs as many questions as it still has in the pool, so packs
    run out together; each of its questions passed in the last
    PASS_MEMORY_DAYS halves that, so a pass quietly asks fewer of that
    kind for a while. The pack of the last question asked is left out when
    another is there, so no pack comes two days running."""
    sizes: dict[str, float] = {}
    for _key, _own, pack in pool:
        sizes[pack] = sizes.get(pack, 0) + 1
    recent = Round.objects.filter(
        space=space,
        passed_at__isnull=False,
        day__gte=day - timedelta(days=PASS_MEMORY_DAYS),
        day__lt=day,
    ).values_list("key", flat=True)
    for key in recent:
        found = DECK_BY_KEY.get(key)
        if found is not None and found.pack in sizes:
            sizes[found.pack] /= 2
    last = (
        Round.objects.filter(space=space, day__lt=day)
        .order_by("-day", "-id")
        .values_list("key", flat=True)
        .first()
    )
    last_pack = DECK_BY_KEY[last].pack if last in DECK_BY_KEY else None
    if last_pack in sizes and len(sizes) > 1:
        del sizes[last_pack]
    return sizes


def _level_of(candidate) -> int:
    key, own, _pack = candidate
    return own.level if own is not None else DECK_BY_KEY[key].level


def _not_asked_lately(space, candidates, day: date) -> list:
    """The candidates the pick may choose from on `day` (deck_next, step 1
    and 2)."""
    times: dict[str, int] = {}
    last: dict[str, date] = {}
    for key, asked_on in Round.objects.filter(space=space).values_list("key", "day"):
        times[key] = times.get(key, 0) + 1
        last[key] = max(last.get(key, asked_on), asked_on)
    since = day - timedelta(days=NO_REPEAT_DAYS)
    fresh = [c for c in candidates if c[0] not in last or last[c[0]] <= since]
    if fresh:
        fewest = min(times.get(c[0], 0) for c in fresh)
        pool = [c for c in fresh if times.get(c[0], 0) == fewest]
    else:
        oldest = min(last[c[0]] for c in candidates)
        pool = [c for c in candidates if last[c[0]] == oldest]
    if sum(times.values()) < WARM_UP_ROUNDS:
        lowest = min(_level_of(c) for c in pool)
        pool = [c for c in pool if c[1] is not None or _level_of(c) == lowest]
    return pool


def deck_next(space, day: date) -> tuple[str, OwnQuestion | None]:
    """The next question for the space, from its chosen levels and packs.

    1. No repeat within a year: only questions not asked in the last
       NO_REPEAT_DAYS days, and of those the ones asked the fewest times;
       if every question has been asked within the year (a small choice of
       levels and packs), the one asked longest ago, so none comes back
       before all have been asked.
    2. A gentle start: for a couple's first WARM_UP_ROUNDS questions, only
       the lightest of their chosen levels (closeness grows from disclosure
       that deepens step by step; Aron et al. 1997 in RESEARCH.md).
    3. The couple's own questions first among equals.
    4. Otherwise a pack by `pack_weights` (rotation, and fewer after a
       pass), then a question in it, each chosen by `_seed`: stable for a
       given day, different between couples, and no randomness in tests."""
    settings = deck_settings(space)
    candidates = deck_candidates(space, settings.levels, settings.packs_on)
    if not candidates:
        # Every pack was switched off by hand in the database: use them all.
        candidates = deck_candidates(space, settings.levels, PACK_BY_KEY)
    pool = _not_asked_lately(space, candidates, day)
    own_first = [c for c in pool if c[1] is not None]
    if own_first:
        return own_first[0][0], own_first[0][1]
    weights = pack_weights(space, day, pool)
    point = _seed(space, day, "pack") * sum(weights.values())
    chosen = next(reversed(weights))
    for pack, weight in weights.items():
        if point < weight:
            chosen = pack
            break
        point -= weight
    in_pack = [c for c in pool if c[2] == chosen]
    key, own, _pack = in_pack[int(_seed(space, day, "card") * len(in_pack))]
    return key, own


def round_for_day(
    *, space, day: date | None = None, rounds: QuerySet[Round] | None = None
) -> Round | None:
    """The space's daily round for `day` (today, by default), made if needed.

    Idempotent: the daily job and the questions page both call it, any
    number of times, and the unique constraint keeps one daily round per
    space and day. None while the space is closed or waits for a partner.

    `rounds`: where to read the round from, a page's own (read for the
    person, with what it shows of each round), so that the round found is
    the one the page shows, read once; a round made here is read back
    from it too."""
    if space.closed_at is not None or len(space.partners) < 2:
        return None
    day = day or space_day(space)
    read = Round.objects.select_related("own") if rounds is None else rounds
    existing = read.filter(space=space, day=day, origin=Round.Origin.DAILY)
    found = existing.first()
    if found is not None:
        return found
    key, own = deck_next(space, day)
    level = own.level if own is not None else DECK_BY_KEY[key].level
    try:
        with transaction.atomic():
            made = Round.objects.create(
                space=space, day=day, key=key, own=own, level=level
            )
    except IntegrityError:
        # Another worker or request made it first.
        return existing.get()
    return made if rounds is None else existing.get(pk=made.pk)


def next_round_at(partners, now: datetime) -> datetime:
    """When the couple's next shared day begins after `now`: the latest of
    the partners' next local midnights (DST included, troth.lib.time)."""
    return space_day_start(partners, space_today(partners, now) + timedelta(days=1))


def round_clock_reset(*, space_ids, now: datetime | None = None) -> None:
    """Have the daily job look at these spaces on its next tick, because
    who is in them or their zones changed: it puts the day's question if
    it is due and works out when the next one is (tasks.py). One query."""
    now = now or timezone.now()
    NextRound.objects.bulk_create(
        [NextRound(space_id=pk, at=now) for pk in space_ids],
        update_conflicts=True,
        unique_fields=["space"],
        update_fields=["at"],
    )


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


def levels_set(*, space, by, levels: list[int]) -> DeckSettings:
    """Choose the levels the daily question comes from, for both partners."""
    chosen = sorted({int(level) for level in levels})
    if not chosen or not set(chosen) <= set(Level.values):
        raise ValidationError(_("Choose at least one level."))
    return _deck_change(
        space=space, by=by, field="levels", value=chosen, verb="questions.level_changed"
    )


def packs_set(*, space, by, packs: list[str]) -> DeckSettings:
    """Choose the packs the daily question comes from, for both partners.
    At least one stays on."""
    chosen = set(packs)
    if not chosen:
        raise ValidationError(
            _("Keep at least one pack on, so there is a question to ask.")
        )
    if not chosen <= set(PACK_BY_KEY):
        raise ValidationError(_("Choose from the packs listed."))
    off = [pack.key for pack in PACKS if pack.key not in chosen]
    return _deck_change(
        space=space, by=by, field="packs_off", value=off, verb="questions.packs_changed"
    )


def _deck_change(*, space, by, field: str, value, verb: str) -> DeckSettings:
    """Set one of the deck's settings; the partner is told, unless nothing
    changed."""
    with transaction.atomic():
        require_partner(space, by)
        settings, _created = DeckSettings.objects.select_for_update().get_or_create(
            space=space
        )
        if getattr(settings, field) == value:
            return settings
        setattr(settings, field, value)
        settings.updated = timezone.now()
        settings.updated_by = by
        settings.full_clean()
        settings.save()
        activity_record_for_partner(space=space, actor=by, verb=verb, target=settings)
    return settings
