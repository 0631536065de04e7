"""Family and where we come from: the people and places that made each of
you, by birth or by choice. Written so that it works for someone with no
family contact, too."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="family",
    name=_("Family and where we come from"),
    about=_("The people and places that made you, by birth or by choice."),
    cards=(
        Card(
            "family.1",
            1,
            _(
                "Which food from where you grew up tastes most like home, and how do you feel when you eat it?"
            ),
        ),
        Card(
            "family.2",
            1,
            _(
                "Which saying or joke from the home you grew up in still pops into your head?"
            ),
        ),
        Card(
            "family.3",
            1,
            _(
                "Who in your family, by birth or by choice, always makes you feel welcome?"
            ),
        ),
        Card(
            "family.4",
            1,
            _("What did a good day feel like in the home you grew up in?"),
        ),
        Card(
            "family.5",
            1,
            _("Which family tradition, big or small, do you enjoy the most, and why?"),
        ),
        Card(
            "family.6",
            1,
            _(
                "Which habit of the people who raised you do you notice in yourself, with a smile?"
            ),
        ),
        Card(
            "family.7",
            1,
            _("What do you love about the place you come from?"),
        ),
        Card(
            "family.8",
            1,
            _(
                "Which story from an older generation, in your family or beyond, do you like to tell?"
            ),
        ),
        Card(
            "family.9",
            2,
            _(
                "What was expected of you growing up that you have since let go of, and how did letting go feel?"
            ),
        ),
        Card(
            "family.10",
            2,
            _(
                "How do you honestly feel after time with each other's families or close people?"
            ),
        ),
        Card(
            "family.11",
            2,
            _("Which part of your background do you wish I understood better?"),
        ),
        Card(
            "family.12",
            2,
            _(
                "How were feelings handled in your home growing up: said out loud, shown, or kept quiet?"
            ),
        ),
        Card(
            "family.13",
            2,
            _(
                "What role did you play in your family as a child, the peacemaker, the joker, the responsible one or another, and how did it feel?"
            ),
        ),
        Card(
            "family.14",
            2,
            _(
                "Which family occasion or holiday is hardest for you, and what would make it easier?"
            ),
        ),
        Card(
            "family.15",
            2,
            _(
                "Which value from your upbringing do you still hold firmly, and which have you come to question?"
            ),
        ),
        Card(
            "family.16",
            2,
            _(
                "When you hear the word family, who comes to mind first, and how do you feel about them?"
            ),
        ),
        Card(
            "family.17",
            3,
            _(
                "What about your family is painful to talk about, and how would you like me to respond when it comes up?"
            ),
            follow_up=_("Is there anything I do now that makes it harder?"),
        ),
        Card(
            "family.18",
            3,
            _("Where do you feel you belong, and where have you felt you didn't?"),
            follow_up=_("What helps you feel you belong with me?"),
        ),
        Card(
            "family.19",
            3,
            _("Which pattern from your family are you afraid of repeating?"),
            follow_up=_("What would help you notice it early, and could I help?"),
        ),
        Card(
            "family.20",
            3,
            _("What do you need from me when your family and I don't see eye to eye?"),
            follow_up=_(
                "What would help you feel I am with you, without turning against them?"
            ),
        ),
        Card(
            "family.21",
            3,
            _(
                "Who in your family would you like to make peace with, or understand better, and what stands in the way?"
            ),
            follow_up=_("Is there something I could do, or is it yours to hold?"),
        ),
        Card(
            "family.22",
            3,
            _(
                "Did you have to grow up too fast in some way, and how does it show now?"
            ),
            follow_up=_("What would the younger you have liked to hear?"),
        ),
        Card(
            "family.23",
            3,
            _(
                "How do you want the family we make, whatever shape it takes, to feel different from the one you came from?"
            ),
            follow_up=_("Which one thing would you like us to start now?"),
        ),
        Card(
            "family.24",
            3,
            _("When have you felt torn between me and the people you come from?"),
            follow_up=_("What would help us both the next time it happens?"),
        ),
    ),
)
