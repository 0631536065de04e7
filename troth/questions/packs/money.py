"""Money: what it means to each of you, where that comes from, and how it
feels to share or keep it. Works whether a couple pools money or not."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="money",
    name=_("Money"),
    about=_("What money means to each of you, without figures or judgement."),
    cards=(
        Card(
            "money.1",
            1,
            _(
                "What small thing do you love spending money on, and why is it worth it to you?"
            ),
        ),
        Card(
            "money.2",
            1,
            _(
                "What was the first money you earned yourself, and how did it feel to have it?"
            ),
        ),
        Card(
            "money.3",
            1,
            _("Which free or almost free pleasure do you enjoy most?"),
        ),
        Card(
            "money.4",
            1,
            _(
                "If a little unexpected money came your way, what would you enjoy doing with it?"
            ),
        ),
        Card(
            "money.5",
            1,
            _("Which feels better to you, saving or spending, and why?"),
        ),
        Card(
            "money.6",
            1,
            _("Which thing you bought still makes you happy every time you use it?"),
        ),
        Card(
            "money.7",
            1,
            _(
                "What did a treat look like when you were a child, and how did it feel to get one?"
            ),
        ),
        Card(
            "money.8",
            1,
            _("Which task would you love to pay someone else to do, and why?"),
        ),
        Card(
            "money.9",
            2,
            _(
                "How was money talked about in the home you grew up in, and how did that feel?"
            ),
        ),
        Card(
            "money.10",
            2,
            _("What would feeling safe about money mean to you?"),
        ),
        Card(
            "money.11",
            2,
            _("When does talking about money with me feel awkward, and why?"),
        ),
        Card(
            "money.12",
            2,
            _("How do you feel about the way we share costs at the moment?"),
        ),
        Card(
            "money.13",
            2,
            _("Is there a money worry on your mind that you haven't mentioned?"),
        ),
        Card(
            "money.14",
            2,
            _(
                "When has money caused tension between you and someone close, and how did you feel?"
            ),
        ),
        Card(
            "money.15",
            2,
            _("If we saved towards one shared thing, what would you choose, and why?"),
        ),
        Card(
            "money.16",
            2,
            _(
                "How much privacy do you want about your own spending, and how much openness would put you at ease?"
            ),
        ),
        Card(
            "money.17",
            3,
            _(
                "What is your deepest fear about money, and where do you think it comes from?"
            ),
            follow_up=_("What would help you feel a little safer?"),
        ),
        Card(
            "money.18",
            3,
            _("Is there a money decision from your past that still weighs on you?"),
            follow_up=_("What would help you set some of that weight down?"),
        ),
        Card(
            "money.19",
            3,
            _("When, if ever, does money make you feel unequal between us?"),
            follow_up=_("What could we change so it feels fair to both of us?"),
        ),
        Card(
            "money.20",
            3,
            _("How would you feel if one of us lost their income for a long time?"),
            follow_up=_("What would you want us to agree on before it ever happens?"),
        ),
        Card(
            "money.21",
            3,
            _("What does generosity mean to you, and when have you felt it from me?"),
            follow_up=_(
                "Where would you like us to be more generous, to each other or to others?"
            ),
        ),
        Card(
            "money.22",
            3,
            _("What do you need from me when we disagree about spending?"),
            follow_up=_("Which words from me would help you feel heard then?"),
        ),
        Card(
            "money.23",
            3,
            _("Which of your habits with money do you think I misunderstand?"),
            follow_up=_("What is really behind it for you?"),
        ),
        Card(
            "money.24",
            3,
            _(
                "What would you do with your life if money were no worry at all, and what does that tell you?"
            ),
            follow_up=_("Is there a small piece of it we could start now?"),
        ),
    ),
)
