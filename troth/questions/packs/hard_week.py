"""After a hard week: short, gentle questions for tired people, asking
little and offering comfort rather than work."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="hard_week",
    name=_("After a hard week"),
    about=_("Short, gentle questions for when you are both tired."),
    cards=(
        Card("hard_week.1", 1, _("What got you through this week?")),
        Card(
            "hard_week.2",
            1,
            _("Which thought would you like to set aside until tomorrow?"),
        ),
        Card("hard_week.3", 1, _("Can you find one tiny good moment from this week?")),
        Card(
            "hard_week.4",
            1,
            _("What would feel kind right now: quiet, food, a walk or company?"),
        ),
        Card("hard_week.5", 1, _("How tired are you, in your own words?")),
        Card(
            "hard_week.6",
            1,
            _("What could I take off your plate, even something small?"),
        ),
        Card(
            "hard_week.7",
            1,
            _("What small treat would you like to give yourself in the next few days?"),
        ),
        Card("hard_week.8", 1, _("Who or what made this week feel a little easier?")),
        Card(
            "hard_week.9",
            2,
            _("What was the hardest moment this week, and how does it feel now?"),
        ),
        Card(
            "hard_week.10",
            2,
            _("Is there something from this week you haven't had room to feel yet?"),
        ),
        Card(
            "hard_week.11",
            2,
            _("What kind of closeness would feel right for you tonight?"),
        ),
        Card(
            "hard_week.12",
            2,
            _("What did this week ask of you that others might not see?"),
        ),
        Card(
            "hard_week.13", 2, _("Which part of this week would you like to let go of?")
        ),
        Card(
            "hard_week.14",
            2,
            _("Where did you feel let down this week, by anyone or anything?"),
        ),
        Card(
            "hard_week.15",
            2,
            _("What did you manage this week that you are quietly proud of?"),
        ),
        Card("hard_week.16", 2, _("How are you, really, underneath the tiredness?")),
        Card(
            "hard_week.17",
            3,
            _("Is anything from this week too heavy to hold alone?"),
            follow_up=_("How could we hold it together for a while?"),
        ),
        Card(
            "hard_week.18",
            3,
            _(
                "Did this week make you doubt yourself, and what would you like to hear?"
            ),
            follow_up=_("Say it to each other, as simply as you can."),
        ),
        Card(
            "hard_week.19",
            3,
            _("Was there a moment this week you wished I had been beside you?"),
            follow_up=_("What would you have wanted me to do or say?"),
        ),
        Card(
            "hard_week.20",
            3,
            _("What would you like to forgive yourself for this week?"),
            follow_up=_("What would you say to a friend in your place?"),
        ),
        Card(
            "hard_week.21",
            3,
            _("Did this week stir up a fear you would like to name?"),
            follow_up=_("What helps, even a little, when that fear comes?"),
        ),
        Card(
            "hard_week.22",
            3,
            _("What would real rest mean for you right now?"),
            follow_up=_("What could we do tomorrow to give you a little of it?"),
        ),
        Card(
            "hard_week.23",
            3,
            _("What do you need to hear from me before you sleep tonight?"),
        ),
        Card(
            "hard_week.24",
            3,
            _("Has this week changed how you feel about what matters most?"),
            follow_up=_(
                "Is there anything you would like us to do differently because of it?"
            ),
        ),
    ),
)
