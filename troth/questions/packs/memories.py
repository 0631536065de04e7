"""Memories: the lives you each lived before, and the story you share."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="memories",
    name=_("Memories"),
    about=_("Where you have been, apart and together, and what stayed with you."),
    cards=(
        Card(
            "memories.1",
            1,
            _(
                "What is the best meal you remember eating, and what made it feel special?"
            ),
        ),
        Card(
            "memories.2",
            1,
            _(
                "Which toy, book or game from when you were young do you remember fondly, and how did it make you feel?"
            ),
        ),
        Card(
            "memories.3",
            1,
            _("What funny thing that happened to us still makes you laugh?"),
        ),
        Card(
            "memories.4",
            1,
            _(
                "Is there a smell that carries you back somewhere at once? Where do you land?"
            ),
        ),
        Card(
            "memories.5",
            1,
            _(
                "Which photo of us do you like best, and what do you remember feeling that day?"
            ),
        ),
        Card(
            "memories.6",
            1,
            _(
                "Which teacher, coach or older friend made you feel capable, and how did they do it?"
            ),
        ),
        Card(
            "memories.7",
            1,
            _(
                "What did you look forward to most on free days as a child, and how did those days feel?"
            ),
        ),
        Card(
            "memories.8",
            1,
            _(
                "What was the first thing you noticed about me, and how did you feel about it?"
            ),
        ),
        Card(
            "memories.9",
            2,
            _(
                "Which birthday or celebration from your past stands out, and how do you feel when you think of it?"
            ),
        ),
        Card(
            "memories.10",
            2,
            _(
                "Which memory of us do you think I remember differently, and how do you remember it?"
            ),
        ),
        Card(
            "memories.11",
            2,
            _(
                "Which friendship from your younger years shaped you, and how do you feel about where it went?"
            ),
        ),
        Card(
            "memories.12",
            2,
            _("When did you feel brave as a young person, and what gave you courage?"),
        ),
        Card(
            "memories.13",
            2,
            _("What did home feel like for you as a teenager?"),
        ),
        Card(
            "memories.14",
            2,
            _(
                "Which moment early on made you think that we might matter to each other?"
            ),
        ),
        Card(
            "memories.15",
            2,
            _(
                "What were you like at twenty, and what would you want that person to know now?"
            ),
        ),
        Card(
            "memories.16",
            2,
            _(
                "Which mistake from your past taught you something you are grateful for now?"
            ),
        ),
        Card(
            "memories.17",
            3,
            _("Which memory do you return to when you need to feel loved?"),
            follow_up=_("Is there a way I could give you more moments like it?"),
        ),
        Card(
            "memories.18",
            3,
            _(
                "Is there a memory you would like to share with me but haven't found the moment for?"
            ),
            follow_up=_(
                "What would help you feel ready, whenever that is, and how would you like me to listen?"
            ),
        ),
        Card(
            "memories.19",
            3,
            _(
                "At which time in your life did you feel most alone, and what got you through?"
            ),
            follow_up=_("What would you want from me if you felt like that again?"),
        ),
        Card(
            "memories.20",
            3,
            _("Which memory of us do you wish we could talk about more openly?"),
            follow_up=_("What makes it hard to bring up?"),
        ),
        Card(
            "memories.21",
            3,
            _("Which person from your past do you miss, and what did they give you?"),
            follow_up=_("What of them do you carry with you today?"),
        ),
        Card(
            "memories.22",
            3,
            _(
                "Is there a time you feel you let someone down, and how do you carry it now?"
            ),
            follow_up=_("What would you say to yourself back then, if you could?"),
        ),
        Card(
            "memories.23",
            3,
            _(
                "Which moment from our time together would you most want to keep, if you could keep only one?"
            ),
            follow_up=_("What does it say about what matters to you?"),
        ),
        Card(
            "memories.24",
            3,
            _(
                "Which earlier version of yourself do you miss, and what would you like to bring back?"
            ),
            follow_up=_("How could I help make room for that part of you?"),
        ),
    ),
)
