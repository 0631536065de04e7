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

from troth.questions.builders import (
    build_answer,
    build_deck_settings,
    build_followup,
    build_own_question,
    build_reaction,
    build_round,
)
from troth.questions.deck import DECK_BY_KEY, Level
from troth.questions.demo_answers import ANSWERS, FOLLOWUPS, OWN
from troth.questions.models import Answer, FollowUp, Reaction, Round
from troth.questions.services import round_clock_reset, space_day

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
    space = demo.space
    # Each level's questions in a shuffled order, on days drawn from its
    # window; Sam's own questions go in among them, each asked the day
    # after Sam wrote it (the deck puts a couple's own questions first).
    today = space_day(space, demo.now)
    plan, days = _plan(demo, today)
    rounds, answers_of = _rounds(demo, plan, days)
    first_deeper = next(n for n, step in enumerate(plan) if step[0] == Level.DEEPER)
    answers, reactions_for, followups = _answered(
        demo, rounds, answers_of, today=today, first_deeper=first_deeper
    )
    Round.objects.bulk_update(rounds, ["revealed_at", "passed_at", "passed_by"])
    answers = Answer.objects.bulk_create(answers)
    FollowUp.objects.bulk_create(followups)
    # `updated` is set on save: make the demo's answers unedited, as written.
    Answer.objects.filter(pk__in=[a.pk for a in answers]).update(updated=F("created"))
    FollowUp.objects.filter(space=space).update(updated=F("created"))
    _reactions(demo, answers, reactions_for)
    deepest = next(n for n, step in enumerate(plan) if step[0] == Level.DEEPEST)
    build_deck_settings(
        space,
        levels=[Level.DEEPER, Level.DEEPEST],
        by=demo.sam,
        at=_at(demo, days[deepest] - timedelta(days=1), 21),
    )
    demo.extra["question_rounds"] = len(rounds)
    # Built without the joining that starts the daily question's clock.
    round_clock_reset(space_ids=[space.pk], now=demo.now)


def _at(demo, day, hours: float) -> datetime:
    """A moment of a round's day, never later than the demo's now."""
    moment = datetime.combine(day, time(0), tzinfo=UTC) + timedelta(hours=hours)
    return min(moment, demo.now - timedelta(minutes=2))


def _plan(demo, today) -> tuple[list[tuple[int, str | None, int]], list]:
    """The order of questions, as (level, deck key, own index), and the day
    each is asked."""
    rng = demo.rng
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
    return plan, days


def _rounds(demo, plan, days) -> tuple[list[Round], dict]:
    """Sam's own questions, then a round for every question in the plan,
    with the answers each will get."""
    space, sam = demo.space, demo.sam
    own = {}
    for offset, (_level, _key, n) in enumerate(plan):
        if n >= 0:
            text, own_level, _answers = OWN[n]
            own[n] = build_own_question(
                space,
                sam,
                text=str(text),
                level=own_level,
                at=_at(demo, days[offset] - timedelta(days=1), 20),
            )
    rounds, answers_of = [], {}
    for offset, (level, key, n) in enumerate(plan):
        own_q = own.get(n)
        key = own_q.key if own_q else key
        assert key is not None  # a deck question, or Sam's own
        rounds.append(
            build_round(
                space,
                days[offset],
                key=key,
                own=own_q,
                level=level,
                at=_at(demo, days[offset], 0),
                save=False,
            )
        )
        answers_of[offset] = OWN[n][2] if own_q else ANSWERS[key]
    return Round.objects.bulk_create(rounds), answers_of


def _answered(demo, rounds, answers_of, *, today, first_deeper: int) -> tuple:
    """Who answered each round and when, its reveal, and which revealed
    rounds get reactions and follow-ups (none saved yet)."""
    rng = demo.rng
    voice = {demo.alex.pk: "alex", demo.sam.pk: "sam"}
    answers, reactions_for, followups = [], [], []
    for n, round in enumerate(rounds):
        who = _who_answers(demo, round, today=today, first_deeper=n == first_deeper)
        written = {}
        for person in who:
            written[person.pk] = _at(demo, round.day, rng.randint(8, 18) + rng.random())
            answers.append(
                build_answer(
                    round,
                    person,
                    text=str(answers_of[n][voice[person.pk]]),
                    at=written[person.pk],
                    save=False,
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
                    build_followup(
                        round,
                        demo.alex if writer == "alex" else demo.sam,
                        text=str(text),
                        save=False,
                        at=min(
                            round.revealed_at + timedelta(hours=2),
                            demo.now - timedelta(minutes=1),
                        ),
                    )
                )
    return answers, reactions_for, followups


def _who_answers(demo, round: Round, *, today, first_deeper: bool) -> list:
    """Mostly both; a few still waiting or nobody; some passed."""
    rng, alex, sam = demo.rng, demo.alex, demo.sam
    days_ago = (today - round.day).days
    roll = rng.random()
    if days_ago == 0:
        return [sam]  # today: Sam has answered, Alex not yet
    if first_deeper:
        # The first question after those days: Sam wasn't ready for it.
        round.passed_at = _at(demo, round.day, 19)
        round.passed_by = sam
        return []
    if days_ago <= 6 and roll < 0.3:
        return [rng.choice([alex, sam])]  # a few still waiting
    if roll < 0.06:
        round.passed_at = _at(demo, round.day, rng.randint(9, 20))
        round.passed_by = rng.choice([alex, sam])
        return [round.passed_by] if rng.random() < 0.3 else []
    if roll < 0.09:
        return []  # nobody got to it
    return [alex, sam]


def _reactions(demo, answers: list[Answer], reactions_for: list[Round]) -> None:
    """Most answers in the chosen revealed rounds get the partner's reaction."""
    rng, alex, sam = demo.rng, demo.alex, demo.sam
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
                    build_reaction(
                        answer,
                        other,
                        kind=rng.choice(list(Reaction.Kind.values)),
                        save=False,
                        at=min(
                            round.revealed_at + timedelta(hours=1),
                            demo.now - timedelta(minutes=1),
                        ),
                    )
                )
    Reaction.objects.bulk_create(reactions)
