"""Trust and repair: what helps you count on each other, and how you mend
things after a hurt, whoever it came from, at a pace that suits you both.
No blame, and no pressure to forgive."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.questions.packs.base import Card, Pack

PACK = Pack(
    key="trust",
    name=_("Trust and repair"),
    about=_("Counting on each other, and mending things at your own pace."),
    cards=(
        Card(
            "trust.1",
            1,
            _("Which small thing I do helps you feel you can count on me?"),
        ),
        Card(
            "trust.2",
            1,
            _(
                "How do you like to make up after a small disagreement, and what helps you feel close again?"
            ),
        ),
        Card("trust.3", 1, _("Which everyday habit of ours makes you feel steady?")),
        Card(
            "trust.4",
            1,
            _(
                "Has anyone given you an apology that really landed, and how did it feel?"
            ),
        ),
        Card(
            "trust.5",
            1,
            _("When plans change, what kind of heads-up helps you feel considered?"),
        ),
        Card(
            "trust.6",
            1,
            _(
                "What helps you feel settled again after we've been a little out of step?"
            ),
        ),
        Card(
            "trust.7",
            1,
            _("Which little ritual would help us reconnect after a busy day?"),
        ),
        Card(
            "trust.8",
            1,
            _("How can you tell a friendship is solid, and what does that feel like?"),
        ),
        Card(
            "trust.9",
            2,
            _(
                "When you were young, how did people around you make peace after a falling-out, and how did it feel?"
            ),
        ),
        Card(
            "trust.10",
            2,
            _(
                "When someone says sorry to you, which part of it matters most, and why?"
            ),
        ),
        Card(
            "trust.11",
            2,
            _("When something has hurt you, what do you need in order to feel heard?"),
        ),
        Card(
            "trust.12",
            2,
            _(
                "When you have hurt someone, what helps you take responsibility without drowning in shame?"
            ),
        ),
        Card(
            "trust.13",
            2,
            _(
                "After a hurt, how much time do you usually need before you're ready to talk?"
            ),
        ),
        Card(
            "trust.14",
            2,
            _("What makes it feel safe for you to own up to a mistake with me?"),
        ),
        Card(
            "trust.15",
            2,
            _("What does a fresh start mean to you, and what does it not mean?"),
        ),
        Card(
            "trust.16",
            2,
            _(
                "How can we tell the difference between giving each other space and pulling away?"
            ),
        ),
        Card(
            "trust.17",
            2,
            _(
                "Can trust grow back while some hurt remains, and how does that idea sit with you?"
            ),
        ),
        Card(
            "trust.18",
            3,
            _(
                "Is there a hurt between us that still needs tending, whichever way it came?"
            ),
            follow_up=_(
                "What would a first small step look like for you, at your own pace?"
            ),
        ),
        Card(
            "trust.19",
            3,
            _(
                "When trust has been shaken for you, in any relationship, what helped it slowly return?"
            ),
            follow_up=_("What of that might help us, if we ever need it?"),
        ),
        Card(
            "trust.20",
            3,
            _("Is there something you wish you had been able to say after being hurt?"),
            follow_up=_("Would you like to say it now, or keep it for another time?"),
        ),
        Card(
            "trust.21",
            3,
            _("When you have let someone down, what did you most need from them?"),
            follow_up=_("How could we offer that to each other?"),
        ),
        Card(
            "trust.22",
            3,
            _(
                "If we ever hurt each other deeply, what would help you feel safe again?"
            ),
        ),
        Card(
            "trust.23",
            3,
            _(
                "How do you want us to handle it if one of us isn't ready to move on yet?"
            ),
            follow_up=_(
                "How could the other show patience without pretending all is well?"
            ),
        ),
        Card(
            "trust.24",
            3,
            _(
                "Which part of repair feels hardest for you: saying sorry, hearing it, or trusting again?"
            ),
            follow_up=_("What would make that part a little easier?"),
        ),
        Card(
            "trust.25",
            3,
            _("What does it mean to you to be trusted by me, right now?"),
            follow_up=_("Is there a way I could show that trust more clearly?"),
        ),
    ),
)
