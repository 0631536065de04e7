"""Friends and the outside world: the people around a couple, and how the
wider world reaches into it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="friends",
    name=_("Friends and the outside world"),
    about=_("The people around you, and how the wider world reaches you both."),
    cards=(
        Card(
            "friends.1",
            1,
            _("Which friend always leaves you in a better mood, and what do they do?"),
        ),
        Card(
            "friends.2",
            1,
            _(
                "What do you enjoy about meeting new people, and what do you find tiring?"
            ),
        ),
        Card(
            "friends.3",
            1,
            _(
                "Which group, club or place outside home makes you feel part of something?"
            ),
        ),
        Card(
            "friends.4",
            1,
            _(
                "Which kind of get-together do you enjoy most: a big party, a small dinner or one friend at a time?"
            ),
        ),
        Card(
            "friends.5",
            1,
            _("Which neighbour or familiar face brightens your week, and how?"),
        ),
        Card(
            "friends.6",
            1,
            _(
                "Which friend would you call first with good news, and how do you picture them reacting?"
            ),
        ),
        Card(
            "friends.7",
            1,
            _("Which of my friends do you enjoy spending time with, and why?"),
        ),
        Card(
            "friends.8",
            1,
            _("What do you love talking about with friends that we rarely talk about?"),
        ),
        Card(
            "friends.9",
            2,
            _(
                "How much time with friends do you need to feel like yourself, and are you getting it?"
            ),
        ),
        Card(
            "friends.10",
            2,
            _("How do you feel when I spend an evening with my friends without you?"),
        ),
        Card(
            "friends.11",
            2,
            _("Which friendship have you let drift, and how do you feel about it?"),
        ),
        Card(
            "friends.12",
            2,
            _(
                "How much of our life together are you comfortable sharing with friends, and where is your line?"
            ),
        ),
        Card(
            "friends.13",
            2,
            _("When have you felt left out by a group, and how did you cope?"),
        ),
        Card(
            "friends.14",
            2,
            _("What makes you feel you can trust a new friend?"),
        ),
        Card(
            "friends.15",
            2,
            _(
                "How do you feel about the news and the wider world lately, and how does it reach you?"
            ),
        ),
        Card(
            "friends.16",
            2,
            _(
                "Which friend of yours would you like me to know better, and why do they matter to you?"
            ),
        ),
        Card(
            "friends.17",
            3,
            _("Which friendship ended in a way that still hurts?"),
            follow_up=_("What would you say to them now, if you could?"),
        ),
        Card(
            "friends.18",
            3,
            _("When have you felt you had to choose between a friend and me?"),
            follow_up=_("What would help us avoid that feeling?"),
        ),
        Card(
            "friends.19",
            3,
            _("Do you ever feel lonely in the social life we share, and when?"),
            follow_up=_("What could we change so you feel more at home in it?"),
        ),
        Card(
            "friends.20",
            3,
            _(
                "Which friendships have been harder to keep since we became a couple, and what do you miss about them?"
            ),
            follow_up=_("How could I make room for them?"),
        ),
        Card(
            "friends.21",
            3,
            _("What do you fear people would think if they saw our difficult moments?"),
            follow_up=_("Who, if anyone, would you like us to be able to lean on?"),
        ),
        Card(
            "friends.22",
            3,
            _(
                "What kind of friend do you hope to be to others, and where do you feel you fall short?"
            ),
            follow_up=_("Is there someone you would like to reach out to this week?"),
        ),
        Card(
            "friends.23",
            3,
            _(
                "When the world outside feels frightening or unfair, what do you most need from me?"
            ),
            follow_up=_("What is one thing I could do the next time it weighs on you?"),
        ),
        Card(
            "friends.24",
            3,
            _(
                "What feels comfortable, and what uncomfortable, about friendships with people from our pasts, former partners included?"
            ),
            follow_up=_("How would you like to tell me if that ever changes?"),
        ),
    ),
)
