"""The future: plans, hopes and the unknown ahead, from next month's small
pleasures to growing older side by side."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="future",
    name=_("The future"),
    about=_("Plans, hopes and the unknown ahead, near and far."),
    cards=(
        Card(
            "future.1",
            1,
            _("Which small thing in the coming weeks are you excited about?"),
        ),
        Card(
            "future.2",
            1,
            _(
                "By this time next year, what would you enjoy being better at, just for fun?"
            ),
        ),
        Card(
            "future.3",
            1,
            _("Which trip, near or far, would you love us to take someday?"),
        ),
        Card(
            "future.4", 1, _("Which season coming up are you most glad about, and why?")
        ),
        Card(
            "future.5",
            1,
            _(
                "How would you like to celebrate your next birthday, and what would make it feel special?"
            ),
        ),
        Card(
            "future.6",
            1,
            _(
                "Which dish would you love to learn to cook, and who would you share it with?"
            ),
        ),
        Card(
            "future.7",
            1,
            _("What is on your someday list that makes you smile just to imagine?"),
        ),
        Card(
            "future.8",
            1,
            _(
                "Whom would you like to see more of in the year ahead, and what do they bring out in you?"
            ),
        ),
        Card(
            "future.9",
            2,
            _("Whatever else changes, what do you hope stays the same about us?"),
        ),
        Card(
            "future.10",
            2,
            _(
                "How do you feel about growing older, and what part of it appeals to you?"
            ),
        ),
        Card(
            "future.11",
            2,
            _(
                "Which decision ahead of us feels biggest to you, and how do you feel facing it?"
            ),
        ),
        Card(
            "future.12",
            2,
            _(
                "How would you like us to handle it when our plans for the future don't match?"
            ),
        ),
        Card(
            "future.13",
            2,
            _("Beyond money, what would make you feel secure about the years ahead?"),
        ),
        Card(
            "future.14",
            2,
            _(
                "Which change would you like to make in your life, and what makes it feel hard?"
            ),
        ),
        Card(
            "future.15",
            2,
            _("Picture your later years: where are you, and how does it feel?"),
        ),
        Card(
            "future.16",
            2,
            _(
                "How much do you like to plan ahead, and how does not knowing feel to you?"
            ),
        ),
        Card(
            "future.17",
            3,
            _(
                "Which picture of our future do you hold quietly, hardly daring to want it?"
            ),
            follow_up=_("What would it be like to say it out loud together?"),
        ),
        Card(
            "future.18",
            3,
            _(
                "If life took us somewhere neither of us planned, what would help you feel we are still a team?"
            ),
            follow_up=_("What could we each promise ourselves about facing surprises?"),
        ),
        Card(
            "future.19",
            3,
            _(
                "Looking back one day on our life together, what do you want to be able to say?"
            ),
            follow_up=_("What could we start doing now to make that true?"),
        ),
        Card(
            "future.20",
            3,
            _("Which promise about the future would mean the most to you, and why?"),
            follow_up=_("Is it one we could both make honestly?"),
        ),
        Card(
            "future.21",
            3,
            _("What would you try if you knew I would back you whatever happened?"),
            follow_up=_("How could I show that backing in practice?"),
        ),
        Card(
            "future.22",
            3,
            _("What would you wish for me if one day I had to go on without you?"),
            follow_up=_("How does it feel to hear each other's wishes?"),
        ),
        Card(
            "future.23",
            3,
            _(
                "Which part of your future feels most uncertain, and how could I keep you company in it?"
            ),
        ),
        Card(
            "future.24",
            3,
            _(
                "By the time we are old, what do you hope we will have learned about loving each other?"
            ),
            follow_up=_("Which of those lessons have we already begun?"),
        ),
    ),
)
