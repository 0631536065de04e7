"""Home and chores: the place (or places) a couple lives, and the work of
keeping life running, seen and unseen. Written for couples who live
together and for those who don't."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="home",
    name=_("Home and chores"),
    about=_("Where you live, and the work of keeping life running."),
    cards=(
        Card(
            "home.1",
            1,
            _(
                "Which spot where you live do you like most, and how does it feel to be there?"
            ),
        ),
        Card(
            "home.2",
            1,
            _("Which household task do you not mind doing, or even enjoy?"),
        ),
        Card(
            "home.3",
            1,
            _("What makes a room feel cosy to you?"),
        ),
        Card(
            "home.4",
            1,
            _("What do you love to cook or eat at home on a lazy day?"),
        ),
        Card(
            "home.5",
            1,
            _(
                "Which object at home would you save first, and what does it mean to you?"
            ),
        ),
        Card(
            "home.6",
            1,
            _(
                "Do you prefer a tidy space or a lived-in one, and how does each feel to you?"
            ),
        ),
        Card(
            "home.7",
            1,
            _("What one change to where you live would make you feel better there?"),
        ),
        Card(
            "home.8",
            1,
            _("What music, or what kind of quiet, do you love in the evening at home?"),
        ),
        Card(
            "home.9",
            2,
            _("Which chore do you dread, and what makes it hard for you?"),
        ),
        Card(
            "home.10",
            2,
            _("Which part of keeping life running do you think I don't see you doing?"),
        ),
        Card(
            "home.11",
            2,
            _(
                "When does mess or clutter get to you, and what goes on inside you then?"
            ),
        ),
        Card(
            "home.12",
            2,
            _(
                "How was housework shared in the home you grew up in, and how do you feel about that now?"
            ),
        ),
        Card(
            "home.13",
            2,
            _(
                "What would a fair split of the work at home look like to you, and how close do we feel to it?"
            ),
        ),
        Card(
            "home.14",
            2,
            _("How much time alone at home do you need, and are you getting it?"),
        ),
        Card(
            "home.15",
            2,
            _(
                "Who does most of the remembering in our lives, the birthdays, the bills, the shopping lists, and how does that feel?"
            ),
        ),
        Card(
            "home.16",
            2,
            _(
                "How do you feel when someone visits and the place isn't how you'd like it?"
            ),
        ),
        Card(
            "home.17",
            3,
            _(
                "When have you felt resentful about housework or the things nobody sees, and did you say so?"
            ),
            follow_up=_("What would make it easier to say next time?"),
        ),
        Card(
            "home.18",
            3,
            _("What does home mean to you beyond a place to live?"),
            follow_up=_("What would make the places we share feel more like that?"),
        ),
        Card(
            "home.19",
            3,
            _("Have you ever felt you had no place of your own, and how was that?"),
            follow_up=_("What helps you feel at home now?"),
        ),
        Card(
            "home.20",
            3,
            _(
                "If we lived somewhere else entirely, what would you miss and what would you be glad to leave?"
            ),
            follow_up=_("What does that tell you about what you need from a home?"),
        ),
        Card(
            "home.21",
            3,
            _(
                "Does asking for help around the house ever feel like nagging or like giving up, and why?"
            ),
            follow_up=_(
                "How could we ask each other in a way that feels good to both?"
            ),
        ),
        Card(
            "home.22",
            3,
            _(
                "If the way we live were designed around both our needs, what would be different?"
            ),
            follow_up=_("Which small change could we try this month?"),
        ),
        Card(
            "home.23",
            3,
            _(
                "When have you felt uneasy or unwelcome in a home, and how does it stay with you?"
            ),
            follow_up=_("What makes a place feel safe to you now?"),
        ),
        Card(
            "home.24",
            3,
            _(
                "How do you feel when you imagine us growing old, in one home or in homes near each other?"
            ),
            follow_up=_("What would you want that home to have?"),
        ),
    ),
)
