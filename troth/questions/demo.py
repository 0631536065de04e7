"""Six months of daily questions for the demo couple, going deeper as they
go: a question most days but not every day, most answered by both and
revealed, some passed, a few still waiting, with reactions, follow-ups and
Sam's own questions.

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

# When each level was asked, as (first, last) days ago: warming up for the
# first two months; going deeper from ten days after Sam found out about
# Alex's messages (`troth/repair/demo.py`, 120 days ago), days in which
# neither opened the questions; close to the heart for the last eight weeks.
# Each window holds more days than its level has questions, so some days
# have no question, as in a real couple's weeks; each level's first and
# last question fall on its window's ends, so the last one is today's.
WINDOWS: dict[int, tuple[int, int]] = {
    Level.LIGHT: (181, 121),
    Level.DEEPER: (110, 56),
    Level.DEEPEST: (54, 0),
}


def _keys(level: int) -> list[str]:
    """The deck's questions at `level` the demo has answers for, deck order."""
    return [key for key in ANSWERS if DECK_BY_KEY[key].level == level]


def populate(demo) -> None:
    rng = demo.rng
    space, alex, sam = demo.space, demo.alex, demo.sam
    # Each level's questions in a shuffled order, on days drawn from its
    # window; Sam's own questions go in among them, each asked the day
    # after Sam wrote it (the deck puts a couple's own questions first).
    today = space_day(space, demo.now)
    plan: list[tuple[int, str | None, int]] = []  # (level, deck key, own index)
    days = []
    for level in Level.values:
        steps: list[tuple[int, str | None, int]] = [
            (level, key, -1) for key in _keys(level)
        ]
        rng.shuffle(steps)
        for n, (_text, own_level, _answers) in enumerate(OWN):
            if own_level == level:
                steps.insert(rng.randint(2, len(steps) - 2), (level, None, n))
        first, last = WINDOWS[level]
        # A day or two between questions, now and then three or four: a
        # few questions a week, spread over the whole window.
        gaps = [1] * (len(steps) - 1)
        for _ in range(first - last - len(gaps)):
            short = [i for i, gap in enumerate(gaps) if gap < 4]
            gaps[rng.choice(short)] += 1
        offsets = [first]
        for gap in gaps:
            offsets.append(offsets[-1] - gap)
        plan += steps
        days += [today - timedelta(days=offset) for offset in offsets]
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
                created=at(days[offset] - timedelta(days=1), 20),
            )
    rounds, answers_of = [], {}
    for offset, (level, key, n) in enumerate(plan):
        own_q = own.get(n)
        key = own_q.key if own_q else key
        assert key is not None  # a deck question, or Sam's own
        rounds.append(
            Round(
                space=space,
                day=days[offset],
                key=key,
                own=own_q,
                level=level,
                created=at(days[offset], 0),
            )
        )
        answers_of[offset] = OWN[n][2] if own_q else ANSWERS[key]
    rounds = Round.objects.bulk_create(rounds)
    answers, reactions_for, followups = [], [], []
    first_deeper = next(n for n, step in enumerate(plan) if step[0] == Level.DEEPER)
    for n, round in enumerate(rounds):
        days_ago = (today - round.day).days
        roll = rng.random()
        if days_ago == 0:
            who = [sam]  # today: Sam has answered, Alex not yet
        elif n == first_deeper:
            # The first question after those days: Sam wasn't ready for it.
            round.passed_at = at(round.day, 19)
            round.passed_by = sam
            who = []
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
        updated=at(days[deepest] - timedelta(days=1), 21),
        updated_by=sam,
    )
    demo.extra["question_rounds"] = len(rounds)
