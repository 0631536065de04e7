"""Starting points for agreements, in our own words.

A starter only fills in the proposal form: every clause can be reworded or
dropped before it is proposed, and the other partner can answer each one.
Each says plainly what an agreement is for: honesty and respect for each
other's freedom, never watching each other. Every clause is something both
can consent to: mutual, specific, and never a way to check on the other
(troth/agreements/tests/test_starters.py holds the words it must not use).
How to write one: docs/content.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from troth.agreements.models import Topic

NOT_SURVEILLANCE = _(
    "An agreement is about being honest with each other and respecting each "
    "other's freedom. It is not a way to watch or check on anyone: Troth never "
    "monitors or enforces it, and either of you can withdraw consent at any time."
)


@dataclass(frozen=True)
class Starter:
    """A starting point. `summary` is the one line the list of starters
    shows (a phone shows nine of them at once); `intro` says more above the
    form. Keys are stable: links name them."""

    key: str
    topic: str
    title: Promise
    summary: Promise
    intro: Promise
    clauses: tuple[Promise, ...]


STARTERS: tuple[Starter, ...] = (
    Starter(
        key="online",
        topic=Topic.ONLINE,
        title=_("Our online lives"),
        summary=_("Phones, social media and messages: what you each expect."),
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
        key="privacy",
        topic=Topic.PRIVACY,
        title=_("Our devices and accounts"),
        summary=_("Each person's phone and accounts stay their own."),
        intro=_(
            "Privacy is part of trust, not the opposite of it. These clauses "
            "keep each person's devices and accounts their own, and make any "
            "sharing a choice you both make and either can stop."
        ),
        clauses=(
            _(
                "Our email, messages and other accounts are each our own. Neither "
                "of us reads the other's, even when a screen is left open."
            ),
            _(
                "Neither of us asks for the other's passwords or passcodes, and "
                "neither of us signs in as the other."
            ),
            _(
                "When we borrow each other's phone for something quick, like a "
                "photo or a map, we ask first and stick to what we asked for."
            ),
            _(
                "Anything we share on purpose, like a streaming service or a "
                "calendar, we choose together, and either of us can stop sharing "
                "it at any time."
            ),
            _(
                "Neither of us installs or turns on anything that tracks where "
                "the other is or what they do."
            ),
            _(
                "If something worries one of us, we ask each other directly "
                "rather than looking for proof."
            ),
        ),
    ),
    Starter(
        key="sharing",
        topic=Topic.SHARING,
        title=_("What we tell others about us"),
        summary=_("What stays between you, and what friends and family may hear."),
        intro=_(
            "Friends, family and the internet will hear something about your "
            "relationship. Agreeing what is yours to tell, and what stays "
            "between you, protects you both."
        ),
        clauses=(
            _(
                "Our disagreements and hard times stay between us, unless we "
                "agree who else may hear about them."
            ),
            _(
                "Each of us may talk to a trusted friend or a counsellor about us "
                "when we need support. That is looking after ourselves, not "
                "betraying each other."
            ),
            _(
                "We tell each other before sharing big news about us, like a "
                "move or a decision we've made together."
            ),
            _(
                "Online, we post about our relationship only what we would both "
                "be happy to read."
            ),
            _(
                "What one of us has told the other in confidence, about health, "
                "family or the past, is not the other's to pass on."
            ),
            _(
                "When someone asks about our relationship and we're not sure what "
                "to say, “that's between us” is always a fine answer."
            ),
        ),
    ),
    Starter(
        key="friends",
        topic=Topic.FRIENDS,
        title=_("Friends and former partners"),
        summary=_("Your friendships, and how you talk about former partners."),
        intro=_(
            "Friends keep each of you whole, and former partners are part of "
            "many people's lives. Saying what you each expect takes the "
            "guessing out of both."
        ),
        clauses=(
            _(
                "We each keep our own friendships and are free to make new ones. "
                "Neither of us needs the other's permission to see a friend."
            ),
            _(
                "If one of us plans to meet a former partner, we say so "
                "beforehand, simply, without needing to explain it."
            ),
            _(
                "Where a former partner shares children or a home with one of "
                "us, we agree together how to keep that contact calm and "
                "practical."
            ),
            _(
                "If either of us notices feelings growing for someone else, we "
                "say so to each other early, so we can talk about it together."
            ),
            _(
                "When a friendship makes one of us uneasy, we say what we feel "
                "and what would help, and the other listens before answering. "
                "Neither of us asks the other to give up a friend."
            ),
        ),
    ),
    Starter(
        key="family",
        topic=Topic.FAMILY,
        title=_("Our families"),
        summary=_("Visits, holidays and where your families fit in your life."),
        intro=_(
            "Families bring love, history and sometimes pressure. Agreeing how "
            "you meet them together helps each of you feel backed up."
        ),
        clauses=(
            _(
                "We talk about family visits and holidays before either of us "
                "says yes to anyone, and we take turns where we can."
            ),
            _(
                "When something needs saying to one of our families, the one of "
                "us whose family it is says it, with the other's support."
            ),
            _(
                "We bring a problem between us to each other first, not to our "
                "families."
            ),
            _(
                "If one of us feels criticised or left out by the other's "
                "family, we talk about it calmly and decide together what to do."
            ),
            _(
                "Each of us is free to see our own family without the other, "
                "and to say no to a visit now and then."
            ),
            _(
                "When a relative needs money or care from us, we decide "
                "together what we can offer."
            ),
        ),
    ),
    Starter(
        key="time",
        topic=Topic.TIME,
        title=_("Time together and apart"),
        summary=_("Time for the two of you, and time of your own."),
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
        key="household",
        topic=Topic.HOUSEHOLD,
        title=_("Our household"),
        summary=_("Who does what at home, and what to do when it feels uneven."),
        intro=_(
            "Who does what at home is a common source of quiet resentment. "
            "Saying it out loud, and looking at it again now and then, helps."
        ),
        clauses=(
            _(
                "We write down who does which regular chores, and look at it "
                "again when it feels uneven."
            ),
            _("Whichever of us cooks doesn't wash up."),
            _("We agree together before anyone stays the night."),
            _(
                "When one of us is stretched thin we say so, and the other picks "
                "up what they can."
            ),
        ),
    ),
    Starter(
        key="money",
        topic=Topic.MONEY,
        title=_("Money"),
        summary=_("Spending, saving, and money that is each person's own."),
        intro=_(
            "Money is easier to share when neither of you is guessing. Put in "
            "the amounts that make sense for you."
        ),
        clauses=(
            _("We talk before any single purchase over an amount we set together."),
            _("We each keep some money that is ours to spend without explaining."),
            _(
                "We tell each other about debts and money worries rather than "
                "carry them alone."
            ),
            _("Once a month we look at our shared spending together."),
        ),
    ),
    Starter(
        key="transparency",
        topic=Topic.TRANSPARENCY,
        title=_("More openness, for a while"),
        summary=_(
            "Openness one of you offers freely, for a while, after trust breaks."
        ),
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
