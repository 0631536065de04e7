"""Work and ambition: paid work, study, caring, volunteering, whatever
fills a person's days, and what each hopes to make of their life."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="work",
    name=_("Work and ambition"),
    about=_("Work, study or whatever fills your days, and what you hope for from it."),
    cards=(
        Card(
            "work.1",
            1,
            _(
                "Where in your work, study or daily tasks did you have a small win this week, and how did it feel?"
            ),
        ),
        Card(
            "work.2",
            1,
            _("What did you want to be when you grew up, and what drew you to it?"),
        ),
        Card(
            "work.3",
            1,
            _(
                "Who do you work, study or volunteer with that makes your days easier, and how?"
            ),
        ),
        Card(
            "work.4",
            1,
            _("Which skill of yours are you quietly proud of?"),
        ),
        Card(
            "work.5",
            1,
            _(
                "How do you like to switch off at the end of a working day, and what helps you relax?"
            ),
        ),
        Card(
            "work.6",
            1,
            _(
                "What would your ideal working day look like, and how would you feel at the end of it?"
            ),
        ),
        Card(
            "work.7",
            1,
            _("Which of your tasks makes time fly, and how does that feel?"),
        ),
        Card(
            "work.8",
            1,
            _(
                "What is the best advice you were given about work, and why has it stayed with you?"
            ),
        ),
        Card(
            "work.9",
            2,
            _(
                "When does work leave you drained, and what helps you feel like yourself again?"
            ),
        ),
        Card(
            "work.10",
            2,
            _(
                "How do you feel when I talk about my work, and would you like more or less of it?"
            ),
        ),
        Card(
            "work.11",
            2,
            _(
                "What does success mean to you now, and how has that changed over the years?"
            ),
        ),
        Card(
            "work.12",
            2,
            _(
                "When have you felt undervalued for what you do, and how did you handle it?"
            ),
        ),
        Card(
            "work.13",
            2,
            _("Which ambition of yours do you think I underestimate?"),
        ),
        Card(
            "work.14",
            2,
            _(
                "How do you feel about the balance between your work and our time together right now?"
            ),
        ),
        Card(
            "work.15",
            2,
            _(
                "Who has believed in you in your working life, and how did it change you?"
            ),
        ),
        Card(
            "work.16",
            2,
            _(
                "What work would you try if you knew you couldn't fail, and what fear holds you back?"
            ),
        ),
        Card(
            "work.17",
            3,
            _("When has work made you doubt your worth, and what did you need then?"),
            follow_up=_("What would you like me to remind you of on days like that?"),
        ),
        Card(
            "work.18",
            3,
            _(
                "How would you feel if one of us had to move, change or give up work for the other's ambitions?"
            ),
            follow_up=_("What would make such a choice feel fair to both of us?"),
        ),
        Card(
            "work.19",
            3,
            _("What are you afraid of failing at, and what would failing mean to you?"),
            follow_up=_("How could I stand by you if it happened?"),
        ),
        Card(
            "work.20",
            3,
            _("Does my work ever make you feel you come second, and when?"),
            follow_up=_("What would help you feel chosen again?"),
        ),
        Card(
            "work.21",
            3,
            _(
                "How much of who you are is tied to what you do, and who would you be without it?"
            ),
            follow_up=_("What would you like me to see in you beyond your work?"),
        ),
        Card(
            "work.22",
            3,
            _("When were you most proud of me in my work, and did I know it?"),
            follow_up=_("What would you like to tell me about it now?"),
        ),
        Card(
            "work.23",
            3,
            _(
                "What would you most want to have given or built by the end of your working life?"
            ),
            follow_up=_("How could we make room for it together?"),
        ),
        Card(
            "work.24",
            3,
            _(
                "How do you feel when you compare yourself with others at your stage of life?"
            ),
            follow_up=_(
                "What would you like to hear from me when the comparing hurts?"
            ),
        ),
    ),
)
