"""Everyday life: the ordinary days a relationship is mostly made of."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="everyday",
    name=_("Everyday life"),
    about=_("The ordinary days: routines, moods, small comforts."),
    cards=(
        Card(
            "everyday.1",
            1,
            _(
                "Which part of an ordinary day do you look forward to most, and what does it give you?"
            ),
        ),
        Card(
            "everyday.2",
            1,
            _("What small comfort do you reach for when a day feels long?"),
        ),
        Card(
            "everyday.3",
            1,
            _(
                "Which meal this week did you enjoy most, and was it the food or the company?"
            ),
        ),
        Card(
            "everyday.4",
            1,
            _(
                "How do you like to be greeted when we see each other after a day apart?"
            ),
        ),
        Card(
            "everyday.5",
            1,
            _("What little thing made you laugh recently, even if it was silly?"),
        ),
        Card(
            "everyday.6",
            1,
            _("Which sound, smell or sight from your usual week do you quietly love?"),
        ),
        Card(
            "everyday.7",
            1,
            _(
                "How do you like to spend the first ten minutes after you wake up, and how do you feel when you get them?"
            ),
        ),
        Card(
            "everyday.8",
            1,
            _(
                "What do you notice on your usual way through the day that nobody else seems to?"
            ),
        ),
        Card(
            "everyday.9",
            2,
            _(
                "Which part of your daily routine feels like it belongs to someone else's life, and how would you change it?"
            ),
        ),
        Card(
            "everyday.10",
            2,
            _(
                "At what time of an ordinary day are you most tired, and what would help you then?"
            ),
        ),
        Card(
            "everyday.11",
            2,
            _(
                "How do you feel when our plans for an evening change at the last minute?"
            ),
        ),
        Card(
            "everyday.12",
            2,
            _(
                "After a bad day, do you want company, quiet or distraction first, and how can I tell which?"
            ),
        ),
        Card(
            "everyday.13",
            2,
            _("Which small habit of ours would you miss most if it stopped?"),
        ),
        Card(
            "everyday.14",
            2,
            _("When do you feel rushed in a way that makes you less like yourself?"),
        ),
        Card(
            "everyday.15",
            2,
            _(
                "How does it feel when I am busy and you want my attention, and how could I notice sooner?"
            ),
        ),
        Card(
            "everyday.16",
            2,
            _(
                "Which part of your day do you rarely tell me about, and would you like to?"
            ),
        ),
        Card(
            "everyday.17",
            3,
            _(
                "When has an ordinary day with me made you feel truly at home, and what made it so?"
            ),
            follow_up=_("What could we do to have more days like that?"),
        ),
        Card(
            "everyday.18",
            3,
            _("Is there a moment in your day when you feel lonely, even close to me?"),
            follow_up=_("What would make that moment feel less lonely?"),
        ),
        Card(
            "everyday.19",
            3,
            _(
                "Which of your everyday moods do you think I misread most, and what are you really feeling then?"
            ),
            follow_up=_("How could I check with you next time instead of guessing?"),
        ),
        Card(
            "everyday.20",
            3,
            _(
                "If our days carried on exactly as they are now for ten years, how would you feel?"
            ),
            follow_up=_("What one thing would you change first?"),
        ),
        Card(
            "everyday.21",
            3,
            _(
                "What do you do each day mostly to keep the peace, and how does it feel to carry that?"
            ),
            follow_up=_("Is there a way we could share that differently?"),
        ),
        Card(
            "everyday.22",
            3,
            _(
                "When did you last feel taken for granted in everyday life, and what would you have needed instead?"
            ),
            follow_up=_("What would a small sign of being noticed look like for you?"),
        ),
        Card(
            "everyday.23",
            3,
            _(
                "Which of your everyday struggles do you keep quiet so that I won't worry?"
            ),
            follow_up=_("What might change for you if you told me more of them?"),
        ),
        Card(
            "everyday.24",
            3,
            _(
                "How does it feel, deep down, when a whole day passes and we have barely talked?"
            ),
            follow_up=_("What is a small way to reach each other on days like that?"),
        ),
    ),
)
