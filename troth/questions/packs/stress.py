"""Stress and support: how each of you carries pressure, and how to lean
on each other without adding to the weight."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="stress",
    name=_("Stress and support"),
    about=_("How you each carry pressure, and how to lean on each other."),
    cards=(
        Card(
            "stress.1",
            1,
            _("Which small thing helped you feel lighter this week?"),
        ),
        Card(
            "stress.2",
            1,
            _("How can I tell you have had a stressful day, even if you don't say so?"),
        ),
        Card(
            "stress.3",
            1,
            _("Which place helps you breathe a little easier when things pile up?"),
        ),
        Card(
            "stress.4", 1, _("What is your favourite way to shake off a tense moment?")
        ),
        Card(
            "stress.5",
            1,
            _(
                "On a busy day, does it feel better when I check in or when I give you room?"
            ),
        ),
        Card(
            "stress.6",
            1,
            _("Which little kindness from me helps most on a hectic day?"),
        ),
        Card(
            "stress.7", 1, _("How does your body let you know that you need a break?")
        ),
        Card(
            "stress.8",
            1,
            _("Which worry did you manage to put down today, and how did that feel?"),
        ),
        Card(
            "stress.9",
            2,
            _(
                "When stress builds up, what do you need first: to talk, to be held, or to be left alone?"
            ),
        ),
        Card(
            "stress.10",
            2,
            _(
                "How was stress handled around you growing up, and what did you learn from it?"
            ),
        ),
        Card(
            "stress.11",
            2,
            _(
                "What kind of help from me feels supportive, and what feels like pressure?"
            ),
        ),
        Card(
            "stress.12",
            2,
            _(
                "When I am stressed, how does it affect you, and what do you wish I knew?"
            ),
        ),
        Card(
            "stress.13",
            2,
            _(
                "Which worries do you tend to keep to yourself, and how does it feel to hold them alone?"
            ),
        ),
        Card(
            "stress.14",
            2,
            _(
                "Think of a stressful time I helped with: what exactly made the difference?"
            ),
        ),
        Card(
            "stress.15",
            2,
            _("How do you feel when I try to fix a problem you only wanted to share?"),
        ),
        Card(
            "stress.16",
            2,
            _(
                "Which responsibilities weigh on you most right now, and how could we share the load?"
            ),
        ),
        Card(
            "stress.17",
            3,
            _(
                "When has stress turned you into someone you didn't like being, and what did you need then?"
            ),
            follow_up=_(
                "How could I reach that need next time, even if you can't ask?"
            ),
        ),
        Card(
            "stress.18",
            3,
            _("What keeps you from telling me when you are overwhelmed?"),
            follow_up=_("What would make it easier to tell me next time?"),
        ),
        Card(
            "stress.19",
            3,
            _("When I lean on you, does it ever feel like too much?"),
            follow_up=_("How could we both say so gently when it does?"),
        ),
        Card(
            "stress.20",
            3,
            _("Which old pressure from your past still shows up when life gets hard?"),
            follow_up=_("How could I be gentle with it when I notice it?"),
        ),
        Card(
            "stress.21",
            3,
            _(
                "What does it feel like to be truly supported, and when have you felt it most?"
            ),
        ),
        Card(
            "stress.22",
            3,
            _(
                "How would you want us to treat each other if we were both overwhelmed at once?"
            ),
            follow_up=_("What could be our small signal that we both need gentleness?"),
        ),
        Card(
            "stress.23",
            3,
            _("What would you like me never to say when you are struggling?"),
            follow_up=_("And what would you like to hear instead?"),
        ),
        Card(
            "stress.24",
            3,
            _("Have you felt alone with something heavy while I was close by?"),
            follow_up=_("What might help us reach each other sooner next time?"),
        ),
    ),
)
