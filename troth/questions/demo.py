"""Seven weeks of daily questions for the demo couple, going deeper as they
go: most answered by both and revealed, some passed, a few still waiting,
with reactions, follow-ups and two questions of Sam's own.

The demo asks only questions it has answers for (`demo_answers.py`), each
once, so every answer answers its question in its author's voice.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from django.db.models import F

from troth.lib.content import Visibility
from troth.questions.deck import DECK_BY_KEY, Level
from troth.questions.demo_answers import ANSWERS, FOLLOWUPS, OWN
from troth.questions.models import (
    Answer,
    DeckSettings,
    FollowUp,
    OwnQuestion,
    Reaction,
    Round,
)
from troth.questions.services import space_day


def _keys(level: int) -> list[str]:
    """The deck's questions at `level` the demo has answers for, deck order."""
    return [key for key in ANSWERS if DECK_BY_KEY[key].level == level]


def populate(demo) -> None:
    rng = demo.rng
    space, alex, sam = demo.space, demo.alex, demo.sam
    # The order of questions: each level's in a shuffled order, Sam's own
    # questions first within their level (the deck puts a couple's own
    # questions first), warming up, then deeper, then close to the heart.
    plan: list[tuple[int, str | None, int]] = []  # (level, deck key, own index)
    for level in Level.values:
        own_here = [(level, None, n) for n, own in enumerate(OWN) if own[1] == level]
        keys = _keys(level)
        rng.shuffle(keys)
        plan += own_here + [(level, key, -1) for key in keys]
    today = space_day(space, demo.now)
    first_day = today - timedelta(days=len(plan) - 1)
    voice = {alex.pk: "alex", sam.pk: "sam"}

    def at(day, hours: float) -> datetime:
        """A moment of a round's day, never later than the demo's now."""
        moment = datetime.combine(day, time(0), tzinfo=UTC) + timedelta(hours=hours)
        return min(moment, demo.now - timedelta(minutes=2))

    own = {}
    for offset, (_level, _key, n) in enumerate(plan):
        if n >= 0:
            text, own_level, _answers = OWN[n]
            own[n] = OwnQuestion.objects.create(
                space=space,
                author=sam,
                text=text,
                level=own_level,
                visibility=Visibility.SHARED,
                created=at(first_day + timedelta(days=offset - 3), 20),
            )
    rounds, answers_of = [], {}
    for offset, (level, key, n) in enumerate(plan):
        own_q = own.get(n)
        key = own_q.key if own_q else key
        assert key is not None  # a deck question, or Sam's own
        rounds.append(
            Round(
                space=space,
                day=first_day + timedelta(days=offset),
                key=key,
                own=own_q,
                level=level,
                created=at(first_day + timedelta(days=offset), 0),
            )
        )
        answers_of[offset] = OWN[n][2] if own_q else ANSWERS[key]
    rounds = Round.objects.bulk_create(rounds)
    answers, reactions_for, followups = [], [], []
    for n, round in enumerate(rounds):
        days_ago = len(rounds) - 1 - n
        roll = rng.random()
        if days_ago == 0:
            who = [sam]  # today: Sam has answered, Alex not yet
        elif days_ago <= 6 and roll < 0.3:
            who = [rng.choice([alex, sam])]  # a few still waiting
        elif roll < 0.06:
            round.passed_at = at(round.day, rng.randint(9, 20))
            round.passed_by = rng.choice([alex, sam])
            who = [round.passed_by] if rng.random() < 0.3 else []
        elif roll < 0.09:
            who = []  # nobody got to it
        else:
            who = [alex, sam]
        written = {}
        for person in who:
            written[person.pk] = at(round.day, rng.randint(8, 18) + rng.random())
            answers.append(
                Answer(
                    space=space,
                    author=person,
                    round=round,
                    text=answers_of[n][voice[person.pk]],
                    visibility=Visibility.SHARED,
                    created=written[person.pk],
                )
            )
        if len(who) == 2:
            # Revealed the moment the second answer came in.
            round.revealed_at = max(written.values())
            if rng.random() < 0.4:
                reactions_for.append(round)
            if round.key in FOLLOWUPS:
                writer, text = FOLLOWUPS[round.key]
                followups.append(
                    FollowUp(
                        space=space,
                        author=alex if writer == "alex" else sam,
                        round=round,
                        text=text,
                        visibility=Visibility.SHARED,
                        created=min(
                            round.revealed_at + timedelta(hours=2),
                            demo.now - timedelta(minutes=1),
                        ),
                    )
                )
    Round.objects.bulk_update(rounds, ["revealed_at", "passed_at", "passed_by"])
    answers = Answer.objects.bulk_create(answers)
    FollowUp.objects.bulk_create(followups)
    # `updated` is set on save: make the demo's answers unedited, as written.
    Answer.objects.filter(pk__in=[a.pk for a in answers]).update(updated=F("created"))
    FollowUp.objects.filter(space=space).update(updated=F("created"))
    by_round: dict[int, list[Answer]] = {}
    for answer in answers:
        by_round.setdefault(answer.round_id, []).append(answer)
    reactions = []
    for round in reactions_for:
        assert round.revealed_at is not None  # only revealed rounds are listed
        for answer in by_round.get(round.pk, []):
            if rng.random() < 0.7:
                other = sam if answer.author_id == alex.pk else alex
                reactions.append(
                    Reaction(
                        space=space,
                        author=other,
                        answer=answer,
                        kind=rng.choice(list(Reaction.Kind.values)),
                        visibility=Visibility.SHARED,
                        created=min(
                            round.revealed_at + timedelta(hours=1),
                            demo.now - timedelta(minutes=1),
                        ),
                    )
                )
    Reaction.objects.bulk_create(reactions)
    deepest = next(n for n, step in enumerate(plan) if step[0] == Level.DEEPEST)
    DeckSettings.objects.create(
        space=space,
        level=Level.DEEPEST,
        updated=at(first_day + timedelta(days=deepest - 1), 21),
        updated_by=sam,
    )
    demo.extra["question_rounds"] = len(rounds)
