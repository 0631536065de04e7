"""Affection and closeness: tenderness, touch, warm words and the small
signs of care; tender, never explicit."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="affection",
    name=_("Affection and closeness"),
    about=_("Tenderness, warm words and feeling close, gently put."),
    cards=(
        Card(
            "affection.1",
            1,
            _("Which small gesture from me makes you feel warm inside?"),
        ),
        Card(
            "affection.2",
            1,
            _(
                "Which would feel warmest to you today: a kind word, a hug, or a cup of tea made for you?"
            ),
        ),
        Card(
            "affection.3",
            1,
            _(
                "When did you last feel really cared for by anyone, and how did it feel?"
            ),
        ),
        Card(
            "affection.4",
            1,
            _(
                "Which word of affection do you love being called, and which makes you cringe?"
            ),
        ),
        Card(
            "affection.5",
            1,
            _(
                "What is your favourite way to be close without doing anything much, and how does it feel?"
            ),
        ),
        Card(
            "affection.6",
            1,
            _(
                "Which message from me, however short, would make you feel remembered on a dull afternoon?"
            ),
        ),
        Card(
            "affection.7",
            1,
            _(
                "When we are apart, what small sign makes you feel I am thinking of you?"
            ),
        ),
        Card(
            "affection.8",
            1,
            _("Which cosy moment of ours would you happily repeat every week?"),
        ),
        Card(
            "affection.9",
            2,
            _(
                "Who has made you feel truly welcome in your life, and how did they show it?"
            ),
        ),
        Card(
            "affection.10",
            2,
            _("When do you long for closeness, and when do you need a little space?"),
        ),
        Card(
            "affection.11",
            2,
            _(
                "Which kinds of touch comfort you, like a hand held or a head on a shoulder, and which don't?"
            ),
        ),
        Card(
            "affection.12",
            2,
            _(
                "When do you find it hard to receive affection, and what is going on for you then?"
            ),
        ),
        Card(
            "affection.13",
            2,
            _("Which words of warmth would you love to hear from me more often?"),
        ),
        Card(
            "affection.14",
            2,
            _("How do you show love on the days when words don't come easily?"),
        ),
        Card(
            "affection.15",
            2,
            _(
                "Has there been a time you reached out for closeness and it missed, and how did that feel?"
            ),
        ),
        Card(
            "affection.16",
            2,
            _(
                "What helps you feel close to me again after days of being busy or apart?"
            ),
        ),
        Card(
            "affection.17",
            3,
            _(
                "When did you first feel truly loved by me, and what was it like inside?"
            ),
            follow_up=_("What would you like to tell me about that moment now?"),
        ),
        Card(
            "affection.18",
            3,
            _("Which part of you do you most long to have treated gently?"),
            follow_up=_("How could I show that gentleness in an ordinary week?"),
        ),
        Card(
            "affection.19",
            3,
            _(
                "Is there a kind of closeness you miss between us, and how does missing it feel?"
            ),
            follow_up=_("What is one small step toward it that we would both enjoy?"),
        ),
        Card(
            "affection.20",
            3,
            _("What holds you back from asking for tenderness when you need it?"),
            follow_up=_("How could you let me know in a way that feels easy?"),
        ),
        Card(
            "affection.21",
            3,
            _(
                "Which memory of being comforted, by anyone, do you return to when things are hard?"
            ),
            follow_up=_("What in that comfort could I learn to offer you?"),
        ),
        Card(
            "affection.22",
            3,
            _("How do you hope our tenderness will look when we are both much older?"),
        ),
        Card(
            "affection.23",
            3,
            _("What does feeling cherished mean to you, deep down?"),
            follow_up=_(
                "Tell me about a moment between us that gave you that feeling."
            ),
        ),
        Card(
            "affection.24",
            3,
            _(
                "What did you once believe about being loved that you see differently now?"
            ),
            follow_up=_("What helped you come to see it differently?"),
        ),
    ),
)
