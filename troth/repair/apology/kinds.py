"""What the checker looks for, in words for the writer (translatable).

The order of COMPONENTS is the order the composer suggests, by how much
each part mattered in Lewicki, Polin & Lount (2016): acknowledging
responsibility most, an offer of repair second, then regret, explanation
and repentance, and a request for forgiveness least. The words that find
each one are per language, in `patterns_<code>.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    label: object
    guide: object
    example: object = ""
    optional: bool = False


COMPONENTS = (
    Kind(
        "responsibility",
        _("Own what you did"),
        _(
            "Say plainly what you did, in your own name: “I…”. Of all the "
            "parts, this one matters most."
        ),
        _("I read your messages without asking you."),
    ),
    Kind(
        "repair",
        _("Offer to put it right"),
        _(
            "Offer something concrete you can do now, or ask what would help. "
            "This matters next most."
        ),
        _("What can I do to help put this right?"),
    ),
    Kind(
        "regret",
        _("Say you're sorry"),
        _("Say you're sorry for what you did, without “if” and without “but”."),
        _("I'm sorry."),
    ),
    Kind(
        "explanation",
        _("Explain, briefly"),
        _(
            "If it helps your partner understand, say why it happened. An "
            "explanation isn't an excuse: keep it short, and own it."
        ),
        _("I did it because I was scared, and that's no excuse."),
    ),
    Kind(
        "repentance",
        _("Say what will change"),
        _("Say what you will do differently from now on."),
        _("It won't happen again. From now on, I'll tell you first."),
    ),
    Kind(
        "forgiveness",
        _("Ask for forgiveness"),
        _(
            "You may ask, or not. Your partner owes you nothing, and this part "
            "matters least; it's fine to leave it out."
        ),
        _("I hope that, in time, you can forgive me."),
        optional=True,
    ),
)

FLAGS = (
    Kind(
        "conditional",
        _("A conditional apology"),
        _(
            "“If” makes the hurt sound uncertain. Your partner has told you it "
            "hurt; saying so plainly acknowledges it."
        ),
        _("Try: “I'm sorry I…” or “I hurt you when I…”."),
    ),
    Kind(
        "sorry_you_feel",
        _("Sorry for their feelings, not for your act"),
        _(
            "This apologises for how your partner feels rather than for what "
            "you did. It can sound as if the problem is their reaction."
        ),
        _("Name what you did: “I'm sorry I…”."),
    ),
    Kind(
        "sorry_but",
        _("“Sorry, but…”"),
        _(
            "What follows “but” tends to cancel what came before it, so the "
            "apology can sound like a defence."
        ),
        _(
            "End the apology at “sorry”. If there is context, give it "
            "separately and without “but”."
        ),
    ),
    Kind(
        "blame",
        _("Turning it back on your partner"),
        _(
            "This points at something your partner did: who started it, what "
            "they did too, or what they should have done instead. There may be "
            "more to talk about, but inside an apology it can sound as if the "
            "fault is really theirs."
        ),
        _("Keep to your own part. What they did can wait for another talk."),
    ),
    Kind(
        "minimising",
        _("Making it smaller"),
        _(
            "Saying it was only small, or that you meant well, can tell your "
            "partner the hurt is smaller than they feel it is. Your intentions "
            "may have been good; the hurt is still real."
        ),
        _("Let it be as big as it is for them: “I know this hurt you.”"),
    ),
    Kind(
        "passive",
        _("Leaving yourself out"),
        _(
            "Words like “mistakes were made” or “things got out of hand” say "
            "what happened without saying who did it. Your partner needs to "
            "hear that you know it was you."
        ),
        _("Say who: “I made a mistake when I…”, “I let it get out of hand.”"),
    ),
    Kind(
        "pressure",
        _("Hurrying them to forgive"),
        _(
            "Asking to move on, or to be forgiven now, puts your wish for relief "
            "ahead of their hurt. Forgiveness can't be asked for on a timetable: "
            "it may take time, and it is theirs to give or not."
        ),
        _(
            "Try: “Take the time you need.” or “I hope that, in time, you can forgive me.”"
        ),
    ),
)

COMPONENT_KEYS = tuple(k.key for k in COMPONENTS)
FLAG_KEYS = tuple(k.key for k in FLAGS)
BY_KEY = {k.key: k for k in (*COMPONENTS, *FLAGS)}
