"""Play and humour: laughing together, being silly, and the lightness that
keeps a couple close on ordinary days and hard ones."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="play",
    name=_("Play and humour"),
    about=_("Laughter, silliness and the fun you have together."),
    cards=(
        Card(
            "play.1",
            1,
            _(
                "Which moment this week made you laugh out loud, and how did you feel afterwards?"
            ),
        ),
        Card(
            "play.2",
            1,
            _(
                "Which silly thing would you love us to do on a free afternoon, and why that one?"
            ),
        ),
        Card(
            "play.3",
            1,
            _(
                "Which childhood game could you still play for hours, and what did it feel like back then?"
            ),
        ),
        Card(
            "play.4",
            1,
            _(
                "Who in your life makes you laugh most easily, and how do you feel around them?"
            ),
        ),
        Card(
            "play.5",
            1,
            _(
                "Which film, show or book always cheers you up, and what does it give you that you need?"
            ),
        ),
        Card(
            "play.6", 1, _("What kind of joke never fails to get a smile out of you?")
        ),
        Card(
            "play.7",
            1,
            _("When did you last feel playful, like a kid again, and what set it off?"),
        ),
        Card(
            "play.8",
            1,
            _(
                "Which little joke between us do you love most, and why does it still land?"
            ),
        ),
        Card(
            "play.9",
            2,
            _(
                "How did the people you grew up with laugh together, and how did it feel to be around?"
            ),
        ),
        Card(
            "play.10",
            2,
            _("How do you like to be teased, and where does it stop feeling fun?"),
        ),
        Card(
            "play.11",
            2,
            _("Has a joke of mine ever landed wrong with you, and what did you feel?"),
        ),
        Card(
            "play.12",
            2,
            _("What stops you from being playful when you feel tired or worried?"),
        ),
        Card(
            "play.13",
            2,
            _("Which side of you comes out only when you feel free to be silly?"),
        ),
        Card(
            "play.14",
            2,
            _(
                "How does humour help you through hard moments, and when does it get in the way?"
            ),
        ),
        Card(
            "play.15",
            2,
            _(
                "Which new thing would you enjoy trying together, even if we turn out to be bad at it?"
            ),
        ),
        Card(
            "play.16", 2, _("What do you need from me to feel relaxed enough to play?")
        ),
        Card(
            "play.17",
            3,
            _("When did you stop letting yourself play, and what would bring it back?"),
            follow_up=_("What is one small way we could make room for play this week?"),
        ),
        Card(
            "play.18",
            3,
            _(
                "Have you ever used a joke to hide how you really felt, and what were you hiding?"
            ),
            follow_up=_(
                "What would you like me to do if I sense a joke is covering something?"
            ),
        ),
        Card(
            "play.19",
            3,
            _("Which moment of laughing together made you feel most loved by me?"),
            follow_up=_("How could we make more room for moments like that?"),
        ),
        Card(
            "play.20",
            3,
            _(
                "Which part of your sense of humour do you fear people don't really get?"
            ),
            follow_up=_("Share a joke or a story that shows that side of you."),
        ),
        Card(
            "play.21",
            3,
            _("When I am playful with you, how does it make you feel about us?"),
        ),
        Card(
            "play.22",
            3,
            _("If laughter went missing between us, what would you miss first?"),
            follow_up=_("What would you want us to do to find it again?"),
        ),
        Card(
            "play.23",
            3,
            _(
                "Is there a lightness you lost along the way, and how does it feel to think of it now?"
            ),
            follow_up=_("What would help you feel a little of it again?"),
        ),
        Card(
            "play.24",
            3,
            _(
                "What would it mean to you if we could still make each other laugh when we are very old?"
            ),
        ),
    ),
)
