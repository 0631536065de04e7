"""Troth's own deck of questions, in three levels of increasing depth, in
themed packs a couple switches on and off.

Written for Troth, in our own words, after the idea in Aron et al. (1997)
that closeness grows from sustained, escalating, reciprocal disclosure, and
Laurenceau et al. (1998) that disclosing feelings matters more than facts
(see RESEARCH.md): so the questions ask how something felt, not what
happened. Each has a stable key; never reuse or renumber a key, since rounds
store it. Every text is marked for translation.

The deck began as 105 questions in seven themes (LEVEL_1..3 below, keys
such as "1.past.3"); they keep their keys and texts as they are, and each
theme now belongs to the nearest pack (THEME_PACK). Every other question
lives in a pack module (packs/<key>.py, keys such as "money.12"); PACKS
lists the packs, in the order the deck page shows them. How to write a
question: docs/content.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from troth.questions.packs import (
    affection,
    everyday,
    family,
    friends,
    future,
    hard_week,
    home,
    memories,
    money,
    play,
    stress,
    trust,
    values,
    work,
)
from troth.questions.packs.base import Pack


class Level(models.IntegerChoices):
    LIGHT = 1, pgettext_lazy("question level", "Warming up")
    DEEPER = 2, pgettext_lazy("question level", "Going deeper")
    DEEPEST = 3, pgettext_lazy("question level", "Close to the heart")


LEVEL_HELP: dict[int, Promise] = {
    Level.LIGHT: _("Light, warm questions about everyday feelings."),
    Level.DEEPER: _("More personal: what shaped you, what you need, what is hard."),
    Level.DEEPEST: _(
        "The most vulnerable questions. Best when you both feel safe and have time."
    ),
}


# The packs of the deck, in the order the deck page lists them. A new pack
# is a module in packs/ and a line here; a couple has it on until they
# switch it off (DeckSettings keeps the packs switched off).
PACKS: tuple[Pack, ...] = (
    everyday.PACK,
    memories.PACK,
    family.PACK,
    friends.PACK,
    money.PACK,
    work.PACK,
    home.PACK,
    play.PACK,
    affection.PACK,
    values.PACK,
    stress.PACK,
    future.PACK,
    hard_week.PACK,
    trust.PACK,
)
PACK_BY_KEY: dict[str, Pack] = {pack.key: pack for pack in PACKS}


class Theme(models.TextChoices):
    """The themes of the first 105 questions, kept in their keys."""

    PAST = "past", _("The past")
    PRESENT = "present", _("Now")
    FUTURE = "future", _("The future")
    FEARS = "fears", _("Fears")
    HOPES = "hopes", _("Hopes")
    APPRECIATION = "appreciation", _("Appreciation")
    TRUST = "trust", _("Trust")


# Which pack each of the first themes belongs to: the nearest in spirit.
THEME_PACK: dict[str, str] = {
    Theme.PAST: "memories",
    Theme.PRESENT: "everyday",
    Theme.FUTURE: "future",
    Theme.FEARS: "stress",
    Theme.HOPES: "future",
    Theme.APPRECIATION: "affection",
    Theme.TRUST: "trust",
}


@dataclass(frozen=True)
class DeckQuestion:
    key: str
    level: int
    # The pack the question belongs to; the first questions also keep the
    # theme their key names.
    pack: str
    text: Promise
    follow_up: Promise | None = None
    theme: str = ""

    @property
    def pack_name(self) -> Promise:
        return PACK_BY_KEY[self.pack].name


# Follow-up prompts for the first deepest questions, written later than
# them, shown once both have answered.
FIRST_FOLLOW_UPS: dict[str, Promise] = {
    "3.past.1": _("What would help that old hurt weigh a little less between us?"),
    "3.past.2": _("How could I offer some of that now, if it ever comes back?"),
    "3.past.3": _("Is there something we could do now to make peace with it?"),
    "3.past.4": _("How would you like me to be with you on the days it feels heavier?"),
    "3.past.5": _("Is there a way I could give you a little of it now?"),
    "3.present.1": _("What would make it a little safer to show?"),
    "3.present.2": _("What is one small way I could start this week?"),
    "3.present.3": _("What would it look like for me to see it?"),
    "3.present.4": _(
        "What would help you feel more at peace, whether or not you forgive?"
    ),
    "3.present.5": _("When would be a good time to come back to it together?"),
    "3.future.1": _("Would you like to say some of it now?"),
    "3.future.2": _("What small habit could keep us paying attention?"),
    "3.future.3": _("Is there anything we should talk through now, while we are well?"),
    "3.future.4": _("What could we do this year that fits that life?"),
    "3.future.5": _("How could I show you that I already do?"),
    "3.fears.1": _("What helps you when that fear is loud?"),
    "3.fears.2": _("What would you need from me to let a little of it show?"),
    "3.fears.3": _("What could we change so it feels safer next time?"),
    "3.fears.4": _("What do you see in yourself that answers that fear?"),
    "3.fears.5": _("What would it be like to want it out loud, here with me?"),
    "3.hopes.1": _("What would you hope to do if it were the other way round?"),
    "3.hopes.2": _("What is one step towards it we could take together?"),
    "3.hopes.3": _(
        "Would you like to write it down for each other, for the days it is needed?"
    ),
    "3.hopes.4": _("What would help you hold it again, even loosely?"),
    "3.hopes.5": _("Where would you like us to begin, and how slowly?"),
    "3.appreciation.1": _("Have you told me before? What would you say now?"),
    "3.appreciation.2": _("What would you like to give me in return?"),
    "3.appreciation.3": _("What helps you feel that way more often?"),
    "3.appreciation.4": _("How does it feel to hear that?"),
    "3.appreciation.5": _(
        "Is there something you would like to hear from me in return?"
    ),
    "3.trust.1": _("What could keep that kind of trust growing?"),
    "3.trust.2": _(
        "What would a first small step look like, at a pace that suits you?"
    ),
    "3.trust.3": _("What could I do the next time you tell me something hard?"),
    "3.trust.4": _("Where do our meanings meet, and where do they differ?"),
    "3.trust.5": _("There is no hurry. What would you like me to remember about this?"),
}


def _level(level: int, themed: dict[str, list[Promise]]) -> list[DeckQuestion]:
    return [
        DeckQuestion(
            f"{level}.{theme}.{n}",
            level,
            THEME_PACK[theme],
            text,
            FIRST_FOLLOW_UPS.get(f"{level}.{theme}.{n}"),
            theme=theme,
        )
        for theme, texts in themed.items()
        for n, text in enumerate(texts, start=1)
    ]


LEVEL_1 = _level(
    1,
    {
        Theme.PAST: [
            _(
                "What small memory from your childhood still makes you smile, and why does it stay with you?"
            ),
            _("When did you first feel at ease with me?"),
            _(
                "Which place from your past would you like to show me, and how did you feel there?"
            ),
            _("On which day this past year did you feel proud of yourself?"),
            _(
                "Which song takes you straight back to a time in your life, and what feeling comes back with it?"
            ),
        ],
        Theme.PRESENT: [
            _("What made you feel good today, even for a moment?"),
            _("What are you enjoying about this season of your life?"),
            _("When during the week do you feel most like yourself?"),
            _("What has been on your mind lately, and how does it sit with you?"),
            _("What small thing would make tomorrow a better day for you?"),
        ],
        Theme.FUTURE: [
            _("What are you looking forward to, and what do you imagine feeling then?"),
            _("If we had a free weekend next month, how would you love to spend it?"),
            _("What would you like to learn, and what draws you to it?"),
            _("Which little tradition would you like us to start?"),
            _("Where would you love to wake up one morning a year from now?"),
        ],
        Theme.FEARS: [
            _("What small worry did you carry this week?"),
            _("Which everyday situation makes you a little nervous, and what helps?"),
            _(
                "When do you feel a bit out of place, and what do you wish people did then?"
            ),
            _("What did you worry about as a child that seems small now?"),
            _("What kind of news makes your heart sink a little?"),
        ],
        Theme.HOPES: [
            _("What are you hoping for this month, just for yourself?"),
            _("What would make this year feel like a good year to you?"),
            _("How do you hope people feel after spending time with you?"),
            _("What do you hope our home feels like on an ordinary evening?"),
            _("What are you hoping for in your friendships right now?"),
        ],
        Theme.APPRECIATION: [
            _("What did I do recently that you liked more than you said?"),
            _("Which of my habits quietly makes your life easier?"),
            _("What about our evenings would you keep exactly as it is?"),
            _("Who are you grateful for this week, and what did they do?"),
            _("What do you appreciate about yourself that others might not notice?"),
        ],
        Theme.TRUST: [
            _(
                "When did you last feel you could rely on someone completely, and how did that feel?"
            ),
            _("What makes you feel free to be silly in front of someone?"),
            _(
                "Who was the first person you trusted with a secret, and how did it feel to tell them?"
            ),
            _("Which small promise someone kept meant a lot to you?"),
            _("What helps you relax when we are together?"),
        ],
    },
)

LEVEL_2 = _level(
    2,
    {
        Theme.PAST: [
            _(
                "What did your family teach you about showing love, and what did you keep or leave behind?"
            ),
            _("Which moment between us made you feel closest to me so far?"),
            _("When did you feel misunderstood, and what did you need then?"),
            _("Which experience changed how you see yourself?"),
            _(
                "What did you learn about arguing from the adults you grew up with, and how does it show in you now?"
            ),
        ],
        Theme.PRESENT: [
            _("Where in your life do you feel stretched thin right now?"),
            _("What do you wish I asked you about more often?"),
            _("Which part of your day is hardest for you, and how does it feel?"),
            _("When do you feel most appreciated by me these days?"),
            _("What are you carrying right now that you haven't said out loud?"),
        ],
        Theme.FUTURE: [
            _("How do you want our relationship to feel in five years?"),
            _("What would you like to do differently the next time we disagree?"),
            _(
                "Which part of yourself would you like to grow, and how could I support it?"
            ),
            _("How do you hope an ordinary Tuesday feels for us ten years from now?"),
            _("Which dream have you put on hold, and how do you feel about it?"),
        ],
        Theme.FEARS: [
            _("What are you afraid I might think if I knew everything about your day?"),
            _("Which worry about the future do you keep coming back to?"),
            _("When do you feel most alone, even with people around?"),
            _("What are you most afraid of losing?"),
            _("Which kind of criticism hurts you most, and why do you think it does?"),
        ],
        Theme.HOPES: [
            _("What do you hope I understand about you without you having to explain?"),
            _(
                "What do you hope the people close to us feel when they see us together?"
            ),
            _("What kind of partner do you hope to be on your harder days?"),
            _(
                "How would you like us both to feel about the way we share time and chores?"
            ),
            _("Which hope for yourself have you never told anyone?"),
        ],
        Theme.APPRECIATION: [
            _("What do I do that makes you feel safe?"),
            _("When did I support you in a way you still remember?"),
            _("Which quality of mine do you hope never changes?"),
            _(
                "Which hard time did we get through together, and what do you value about how we did it?"
            ),
            _("What would you like to thank your younger self for?"),
        ],
        Theme.TRUST: [
            _("What helps you trust that I mean what I say?"),
            _(
                "When is it hard for you to ask me for help, and what goes on inside you then?"
            ),
            _("What does being reliable look like to you in small, daily things?"),
            _("What did an earlier relationship or friendship teach you about trust?"),
            _(
                "What could I do to make it easier for you to tell me something difficult?"
            ),
        ],
    },
)

LEVEL_3 = _level(
    3,
    {
        Theme.PAST: [
            _("Which hurt from your past still shapes the way you love?"),
            _(
                "When have you felt ashamed, and what would you have needed from someone then?"
            ),
            _(
                "Which moment between us do you wish you could live again differently, and how?"
            ),
            _("Which loss changed you the most, and how do you carry it now?"),
            _("What did you need as a child that you didn't get?"),
        ],
        Theme.PRESENT: [
            _(
                "Which part of you do you hide even from me, and what makes it hard to show?"
            ),
            _("What do you most need from me right now that you haven't asked for?"),
            _("Where do you feel unseen in our relationship?"),
            _("What are you struggling to forgive, in yourself or in someone else?"),
            _("What feels unfinished between us?"),
        ],
        Theme.FUTURE: [
            _(
                "If we were apart a year from now, what would you regret not having said?"
            ),
            _(
                "What do you fear we might become if we stop paying attention to each other?"
            ),
            _(
                "How would you want us to care for each other when one of us is ill or old?"
            ),
            _("What does a life well lived mean to you, and where do I fit in it?"),
            _("What would you most want me to remember about you?"),
        ],
        Theme.FEARS: [
            _("What is your deepest fear about our relationship?"),
            _(
                "What do you fear would happen if you let me see how angry or sad you can be?"
            ),
            _(
                "When have you felt it wasn't safe to tell me how you feel, and what made it so?"
            ),
            _("Which fear about yourself do you rarely admit?"),
            _("What are you afraid to want?"),
        ],
        Theme.HOPES: [
            _("If I ever hurt you badly, what would you hope I would do?"),
            _("What is the deepest wish you hold for us?"),
            _("What would you hope to hear from me on your worst day?"),
            _("Which hope have you given up on, and would you like it back?"),
            _("What do you hope we can heal together?"),
        ],
        Theme.APPRECIATION: [
            _("What about me did you come to love slowly, over time?"),
            _("What have I given you that nobody else has?"),
            _("When did you feel most accepted by me, just as you are?"),
            _("What do you admire in how I have lived through something painful?"),
            _("What would you like me to know about how much I mean to you?"),
        ],
        Theme.TRUST: [
            _("When did your trust in me grow the most, and what happened inside you?"),
            _("When did your trust in me waver, and what would help it grow back?"),
            _("What would you need from me to feel safe being completely honest?"),
            _("What does being faithful mean to you, beyond the obvious?"),
            _(
                "What have you never trusted anyone with, and what would make it possible?"
            ),
        ],
    },
)

PACKED = [
    DeckQuestion(card.key, card.level, pack.key, card.text, card.follow_up)
    for pack in PACKS
    for card in pack.cards
]

DECK: tuple[DeckQuestion, ...] = (*LEVEL_1, *LEVEL_2, *LEVEL_3, *PACKED)
DECK_BY_KEY: dict[str, DeckQuestion] = {q.key: q for q in DECK}


def deck_for_level(level: int) -> list[DeckQuestion]:
    return [q for q in DECK if q.level == level]


def deck_for(levels, packs) -> list[DeckQuestion]:
    """The deck's questions at any of `levels` in any of `packs`."""
    return [q for q in DECK if q.level in levels and q.pack in packs]
