"""Starting points for agreements, in our own words.

A starter only fills in the proposal form: every clause can be reworded or
dropped before it is proposed, and the other partner can answer each one.
Each says plainly what an agreement is for: honesty and respect for each
other's freedom, never watching each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from troth.agreements.models import Topic

NOT_SURVEILLANCE = _(
    "An agreement is about being honest with each other and respecting each "
    "other's freedom. It is not a way to watch or check on anyone: Troth never "
    "monitors or enforces it, and either of you can withdraw consent at any time."
)


@dataclass(frozen=True)
class Starter:
    key: str
    topic: str
    title: object
    intro: object
    clauses: tuple


STARTERS = (
    Starter(
        key="online",
        topic=Topic.ONLINE,
        title=_("Our online lives"),
        intro=_(
            "Phones and social media can raise questions neither of you has "
            "said out loud. Writing down what you each expect makes them easier "
            "to talk about. Keep what fits you, change the rest."
        ),
        clauses=(
            _(
                "If a former partner gets in touch, I mention it to you within a "
                "day or two, in my own words. I don't need to show you the "
                "messages."
            ),
            _(
                "We ask each other before posting photos of the other, or "
                "anything about our relationship."
            ),
            _(
                "Our phones are our own. Neither of us goes through the other's "
                "phone; if something worries us, we ask."
            ),
            _(
                "Neither of us keeps an active dating-app profile. If one of us "
                "starts to want one, we talk about it first."
            ),
            _(
                "If late-night messages with someone start to feel like more than "
                "friendship, we say so to each other rather than keep quiet."
            ),
        ),
    ),
    Starter(
        key="time",
        topic=Topic.TIME,
        title=_("Time together and apart"),
        intro=_(
            "Time together keeps you close; time apart keeps you yourselves. "
            "These clauses help you protect both."
        ),
        clauses=(
            _("We keep one evening a week for the two of us, with our phones away."),
            _(
                "Each of us has time alone or with friends, without having to "
                "justify it."
            ),
            _("When plans change, we let each other know as soon as we can."),
            _("We talk about trips away from each other before booking them."),
        ),
    ),
    Starter(
        key="money",
        topic=Topic.MONEY,
        title=_("Money"),
        intro=_(
            "Money is easier to share when neither of you is guessing. Put in "
            "the amounts that make sense for you."
        ),
        clauses=(
            _("We talk before any single purchase over an amount we set together."),
            _("We each keep some money that is ours to spend without explaining."),
            _("Debts and money worries are shared, not hidden."),
            _("Once a month we look at our shared spending together."),
        ),
    ),
    Starter(
        key="household",
        topic=Topic.HOUSEHOLD,
        title=_("Our household"),
        intro=_(
            "Who does what at home is a common source of quiet resentment. "
            "Saying it out loud, and looking at it again now and then, helps."
        ),
        clauses=(
            _(
                "We write down who does which regular chores, and look at it "
                "again when it feels uneven."
            ),
            _("Whoever cooks doesn't wash up."),
            _("We agree together before anyone stays the night."),
            _(
                "When one of us is stretched thin we say so, and the other picks "
                "up what they can."
            ),
        ),
    ),
    Starter(
        key="transparency",
        topic=Topic.TRANSPARENCY,
        title=_("More openness, for a while"),
        intro=_(
            "After trust breaks, some couples agree that one of them will offer "
            "more openness than usual for a while. It helps when it is offered "
            "freely, has an end date, is looked at together, and can be stopped "
            "by the one who offers it. Troth never tracks or checks anything."
        ),
        clauses=(
            _(
                "For the next few weeks, I tell you without being asked if the "
                "person involved gets in touch."
            ),
            _(
                "When you ask me about something that worries you, I answer "
                "plainly and without getting defensive."
            ),
            _(
                "Once a week we talk about how this is going, and either of us "
                "can say it isn't helping."
            ),
        ),
    ),
)

BY_KEY = {starter.key: starter for starter in STARTERS}


def starter_by_key(key: str) -> Starter | None:
    return BY_KEY.get(key or "")
