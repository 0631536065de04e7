"""Values and beliefs: what each of you cares about and lives by, with
respect for any faith or none and room to differ."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="values",
    name=_("Values and beliefs"),
    about=_("What you each care about and live by, with room to differ."),
    cards=(
        Card(
            "values.1",
            1,
            _(
                "Which small kindness from a stranger stayed with you, and what did it mean to you?"
            ),
        ),
        Card(
            "values.2",
            1,
            _(
                "What do you believe in that makes an ordinary day feel a little better?"
            ),
        ),
        Card(
            "values.3",
            1,
            _(
                "Which everyday habit of yours quietly says something about what you care about?"
            ),
        ),
        Card(
            "values.4",
            1,
            _(
                "Who do you admire for the way they live, and what moves you about them?"
            ),
        ),
        Card(
            "values.5",
            1,
            _(
                "Which cause or community are you glad exists, and what does it mean to you?"
            ),
        ),
        Card("values.6", 1, _("What does being a good neighbour mean to you?")),
        Card(
            "values.7",
            1,
            _(
                "Which saying or line do you catch yourself repeating, and what does it mean to you?"
            ),
        ),
        Card(
            "values.8",
            1,
            _(
                "How did it feel the last time you did the decent thing when nobody was watching?"
            ),
        ),
        Card(
            "values.9",
            2,
            _(
                "Which of your beliefs has changed most over the years, and how did the change feel?"
            ),
        ),
        Card(
            "values.10",
            2,
            _("When have your values been tested, and how did you feel afterwards?"),
        ),
        Card(
            "values.11",
            2,
            _(
                "Where do you find meaning or peace, whether in faith, nature, people or something else?"
            ),
        ),
        Card(
            "values.12",
            2,
            _("Which of my values do you most respect, even where we differ?"),
        ),
        Card(
            "values.13",
            2,
            _(
                "How would you like us to talk when we see something important differently?"
            ),
        ),
        Card(
            "values.14",
            2,
            _(
                "What does honesty ask of you in daily life, and where does it feel hardest?"
            ),
        ),
        Card(
            "values.15",
            2,
            _(
                "Which rituals, religious or not, give your year its shape, and how do they feel?"
            ),
        ),
        Card(
            "values.16",
            2,
            _("What would you stand up for even if it cost you something?"),
        ),
        Card(
            "values.17",
            3,
            _(
                "When have you acted against your own values, and how do you carry that now?"
            ),
            follow_up=_("What would you like me to understand about it?"),
        ),
        Card(
            "values.18",
            3,
            _(
                "Which belief of yours would you want me to honour even if I never share it?"
            ),
            follow_up=_("How could I show that respect in small ways?"),
        ),
        Card(
            "values.19",
            3,
            _("What gives your life meaning on the days when little else makes sense?"),
            follow_up=_("How could I help you hold on to it on those days?"),
        ),
        Card(
            "values.20",
            3,
            _(
                "Which difference in what we believe worries you, and what would ease it?"
            ),
            follow_up=_("What could each of us hold on to while we differ?"),
        ),
        Card(
            "values.21",
            3,
            _("What do you hope people will say you stood for?"),
        ),
        Card(
            "values.22",
            3,
            _(
                "When has doubt shaken something you held dear, and who or what helped you through?"
            ),
            follow_up=_("If doubt comes again, what would you like from me?"),
        ),
        Card(
            "values.23",
            3,
            _(
                "Which values do you hope we pass on to those who come after us, whoever they are?"
            ),
            follow_up=_("Which of them do we already live well, together?"),
        ),
        Card(
            "values.24",
            3,
            _("What do you need from me when your conscience is troubled?"),
            follow_up=_(
                "Is there something troubling it now that you would like to share?"
            ),
        ),
    ),
)
