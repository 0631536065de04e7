"""Six months of daily questions for the demo couple: most answered by both
and revealed, some passed, a few still waiting, with reactions, follow-ups,
two questions of their own, and a level that deepened over time."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F

from troth.lib.content import Visibility
from troth.questions.deck import Level, deck_for_level
from troth.questions.models import (
    Answer,
    DeckSettings,
    FollowUp,
    OwnQuestion,
    Reaction,
    Round,
)
from troth.questions.services import space_day

ANSWERS = {
    "past": [
        "It's the smell of my grandmother's kitchen on Sunday mornings. I felt completely safe there, like nothing could go wrong.",
        "I remember feeling relieved, mostly. As if I could finally stop pretending I had everything under control.",
        "Honestly it still stings a bit when I think about it. I was trying so hard to be liked.",
        "Our first trip to the coast. I remember thinking: oh, this is what easy feels like.",
        "I was proud and embarrassed at the same time, which is a strange mix. Mostly proud, looking back.",
        "Being the new kid at school, three times. I learned to read a room fast, and I think I still do it too much.",
        "The evening you cooked for me when I'd had the worst week. I felt looked after in a way I hadn't for years.",
        "It taught me that being quiet isn't the same as being fine. I wish someone had noticed back then.",
    ],
    "present": [
        "Tired but hopeful. Work is a lot at the moment, but coming home to you helps more than you know.",
        "A bit scattered. Too many small things and none of them finished. Writing this is helping.",
        "Lighter than last month. I think the walks are working.",
        "Honestly, a little lonely this week, even though we've been together a lot. I think I've been in my head.",
        "Content. Nothing big, just a good ordinary week, and I want to notice that.",
        "Restless. I want something to change but I can't name what yet.",
        "Grateful, mostly. And a little anxious about my mum's appointment on Thursday.",
        "Calm this morning. The coffee on the balcony with you set the tone for the whole day.",
    ],
    "future": [
        "A small house with a garden, a dog, and friends over on Sundays. It makes me feel warm just writing it.",
        "I'd love us to learn something together. Dancing, maybe, even though I'd be terrible at it.",
        "I hope we still laugh at the same stupid things. That matters more to me than where we live.",
        "Somewhere by the sea, with time to read. I imagine feeling unhurried, which I rarely do now.",
        "I want us to take a proper trip every year, even a short one. Something to look forward to together.",
        "Slower mornings. And me being braver about saying what I want.",
        "I picture us older and still holding hands in the supermarket. That's the whole dream, really.",
        "I'd like to feel settled in my work, so I can give more attention to us.",
    ],
    "fears": [
        "That I'll disappoint you and you won't say so, and it'll build up quietly.",
        "Losing my health, or yours. I try not to think about it, but it's there.",
        "Being too much. When I'm upset I worry I'm a burden.",
        "That we'll get so busy we become flatmates. I see it happen to people we know.",
        "Failing in front of others. It makes me freeze up, even now.",
        "Money, if I'm honest. It makes me feel small and out of control.",
        "That something from my past will catch up with us. Saying it out loud makes it smaller.",
        "Being left out without knowing why. It makes me replay everything I said.",
    ],
    "hopes": [
        "That we keep choosing each other, especially on the boring days.",
        "I hope I can be kinder to myself this year. You're better at being kind to me than I am.",
        "That our home is a place where people can drop by and feel welcome.",
        "I hope you feel you can tell me anything, even the messy stuff.",
        "That I find a job that doesn't drain me. I think I'd be a better partner too.",
        "I hope we grow old curious about each other.",
        "That my family and you get closer. It would mean a lot to me.",
        "I hope we keep doing these questions. I've learned things about you I never knew to ask.",
    ],
    "appreciation": [
        "The way you always leave the last bit of coffee for me. Small, but I notice every time.",
        "You listened last week without trying to fix anything. That was exactly what I needed.",
        "How patient you were with my dad at dinner. I saw it and I loved you for it.",
        "You make ordinary evenings feel like something. I don't say that enough.",
        "The note you left before my interview. I kept it in my wallet.",
        "You remember things I mention once, months ago. It makes me feel seen.",
        "How you apologise: straight away, no excuses. I'm learning from you.",
        "You make me laugh when I'm taking myself too seriously. Thank you for that.",
    ],
    "trust": [
        "When you told me about the money worries before I found out myself. It made me trust you more, not less.",
        "Knowing you'll do what you say, even small things like calling back. That's what trust is to me.",
        "It's easier when I feel you won't use it against me later. You've never done that.",
        "I trust you most when you tell me something I don't want to hear, kindly.",
        "I find it hard to ask for help. I'm trying, and you make it easier.",
        "Honestly, I still hold back sometimes. Not because of you, because of old habits.",
        "When I was ill and you just took over without being asked. I'll never forget that.",
        "I need to know where I stand. You've been good at telling me, even when it's awkward.",
    ],
}

TAILS = [
    " I hadn't thought about it like that before.",
    " Does that make sense?",
    " I'd like to talk about this more over dinner.",
    " Funny what a question brings up.",
    " That's all I've got tonight.",
    "",
]

FOLLOWUPS = [
    "I didn't know that. Thank you for telling me.",
    "Can we talk about this on our walk this weekend?",
    "Reading yours made me want to change my answer a little.",
    "That made me smile all afternoon.",
    "I'd like to hear more about this, when you feel like it.",
]

OWN = [
    (
        "What is one thing I could do this month to make you feel more at home with me?",
        Level.DEEPER,
    ),
    ("Which of our rituals would you miss most if it stopped?", Level.LIGHT),
]


def _answer_text(rng, theme: str) -> str:
    return rng.choice(ANSWERS[theme]) + (
        rng.choice(TAILS) if rng.random() < 0.35 else ""
    )


def _plan_levels(days: int) -> list[int]:
    """Warming up for two months, going deeper for three, then closer."""
    return [
        Level.LIGHT if d < 60 else Level.DEEPER if d < 150 else Level.DEEPEST
        for d in range(days)
    ]


def populate(demo) -> None:
    rng = demo.rng
    space, alex, sam = demo.space, demo.alex, demo.sam
    first_day = space_day(space, demo.start)
    today = space_day(space, demo.now)
    days = (today - first_day).days + 1
    levels = _plan_levels(days)
    decks = {
        level: rng.sample(deck_for_level(level), len(deck_for_level(level)))
        for level in Level.values
    }
    used = dict.fromkeys(Level.values, 0)
    own = [
        OwnQuestion.objects.create(
            space=space,
            author=sam,
            text=text,
            level=level,
            visibility=Visibility.SHARED,
            created=demo.start + timedelta(days=40 + 30 * n),
        )
        for n, (text, level) in enumerate(OWN)
    ]
    rounds = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        level = levels[offset]
        if offset == 75:  # Sam's own question came up first after she wrote it
            key, own_q = own[0].key, own[0]
        else:
            deck = decks[level]
            question = deck[used[level] % len(deck)]
            used[level] += 1
            key, own_q = question.key, None
        rounds.append(
            Round(
                space=space,
                day=day,
                key=key,
                own=own_q,
                level=own_q.level if own_q else level,
                created=demo.start + timedelta(days=offset),
            )
        )
    rounds = Round.objects.bulk_create(rounds)
    answers, reactions_for, followups = [], [], []
    for n, round in enumerate(rounds):
        days_ago = len(rounds) - 1 - n
        theme = round.theme or "trust"
        noon = demo.start + timedelta(days=n, hours=12)
        roll = rng.random()
        if days_ago == 0:
            who = [sam]  # today: Sam has answered, Alex not yet
        elif days_ago <= 6 and roll < 0.3:
            who = [rng.choice([alex, sam])]  # a few still waiting
        elif roll < 0.06:
            round.passed_at = noon + timedelta(hours=rng.randint(1, 9))
            round.passed_by = rng.choice([alex, sam])
            who = [round.passed_by] if rng.random() < 0.3 else []
        elif roll < 0.09:
            who = []  # nobody got to it
        else:
            who = [alex, sam]
        for person in who:
            written = noon + timedelta(
                hours=rng.randint(0, 10), minutes=rng.randint(0, 59)
            )
            answers.append(
                Answer(
                    space=space,
                    author=person,
                    round=round,
                    text=_answer_text(rng, theme),
                    visibility=Visibility.SHARED,
                    created=written,
                )
            )
        if len(who) == 2:
            round.revealed_at = noon + timedelta(hours=11)
            if rng.random() < 0.4:
                reactions_for.append(round)
            if rng.random() < 0.15:
                followups.append(
                    FollowUp(
                        space=space,
                        author=rng.choice([alex, sam]),
                        round=round,
                        text=rng.choice(FOLLOWUPS),
                        visibility=Visibility.SHARED,
                        created=round.revealed_at + timedelta(hours=2),
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
                        created=round.revealed_at + timedelta(hours=1),
                    )
                )
    Reaction.objects.bulk_create(reactions)
    DeckSettings.objects.create(
        space=space,
        level=Level.DEEPEST,
        updated=demo.start + timedelta(days=150),
        updated_by=sam,
    )
    demo.extra["question_rounds"] = len(rounds)
