"""Alex and Sam's agreements: their online lives, agreed after one
counter-proposal and later changed (version 2); time together and apart,
which Alex has paused; and a money proposal from Sam still half answered.

Rows are written directly with past timestamps, as the services would have
left them, so the demo raises no fresh notifications.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from troth.agreements.builders import build_agreement
from troth.agreements.models import Agreement, EventKind, Topic, VersionState


def _online(demo) -> Agreement:
    alex, sam = demo.alex, demo.sam
    proposed_at = demo.start + dt.timedelta(days=12, hours=20)
    b = build_agreement(
        demo.space,
        alex,
        title=_("Our online lives"),
        topic=Topic.ONLINE,
        at=proposed_at,
    )
    first = b.propose(
        [
            _(
                "If a former partner gets in touch, I mention it to you within a day "
                "or two, in my own words. I don't need to show you the messages."
            ),
            _(
                "We ask each other before posting photos of the other, or anything "
                "about our relationship."
            ),
            _("Neither of us looks through the other's phone."),
            _("Neither of us keeps an active dating-app profile."),
            _("No messaging people we used to date after midnight."),
        ],
        alex,
        proposed_at,
    )
    answered = proposed_at + dt.timedelta(days=1, hours=2)
    for version in (first[0], first[1], first[3]):
        b.decide(version, VersionState.ACCEPTED, sam, answered, EventKind.ACCEPTED)
    # Sam answers two clauses with other wording.
    phones = b.counter(
        first[2],
        _(
            "Our phones are our own. Neither of us goes through the other's phone; "
            "if something worries us, we ask."
        ),
        sam,
        answered,
    )
    late = b.counter(
        first[4],
        _(
            "If late-night messages with someone start to feel like more than "
            "friendship, we say so to each other rather than keep quiet."
        ),
        sam,
        answered,
    )
    agreed_at = answered + dt.timedelta(hours=5)
    b.decide(phones, VersionState.ACCEPTED, alex, agreed_at, EventKind.ACCEPTED)
    b.decide(late, VersionState.ACCEPTED, alex, agreed_at, EventKind.ACCEPTED)
    b.activate(agreed_at)
    # Ninety days on they reviewed it together, and Alex suggested one change.
    reviewed = agreed_at + dt.timedelta(days=88)
    b.review(alex, reviewed, next_on=(reviewed + dt.timedelta(days=90)).date())
    change_at = reviewed + dt.timedelta(hours=1)
    photos = b.propose_change(
        b.clauses[1],
        _(
            "We ask each other before posting photos of the other, or anything "
            "about our relationship. Old photos already online can stay."
        ),
        alex,
        change_at,
    )
    accepted = change_at + dt.timedelta(hours=20)
    b.decide(photos, VersionState.ACCEPTED, sam, accepted, EventKind.ACCEPTED)
    b.new_version(accepted)
    demo.extra["online_clause_former_partner"] = b.clauses[0]
    return b.agreement


def _time(demo) -> Agreement:
    alex, sam = demo.alex, demo.sam
    proposed_at = demo.start + dt.timedelta(days=40, hours=19)
    b = build_agreement(
        demo.space,
        sam,
        title=_("Time together and apart"),
        topic=Topic.TIME,
        at=proposed_at,
    )
    versions = b.propose(
        [
            _("Friday evening is for the two of us, with our phones away."),
            _(
                "Each of us has time alone or with friends, without having to justify it."
            ),
            _("When plans change, we let each other know as soon as we can."),
        ],
        sam,
        proposed_at,
    )
    agreed_at = proposed_at + dt.timedelta(hours=30)
    for version in versions:
        b.decide(version, VersionState.ACCEPTED, alex, agreed_at, EventKind.ACCEPTED)
    b.activate(agreed_at, review_on=(agreed_at + dt.timedelta(days=90)).date())
    # Alex's new job has late Fridays: Alex paused it rather than keep
    # breaking it, and they haven't found a new evening yet.
    b.withdraw_consent(alex, demo.now - dt.timedelta(days=6, hours=3))
    return b.agreement


def _money(demo) -> Agreement:
    alex, sam = demo.alex, demo.sam
    proposed_at = demo.now - dt.timedelta(days=2, hours=4)
    b = build_agreement(
        demo.space, sam, title=_("Money"), topic=Topic.MONEY, at=proposed_at
    )
    versions = b.propose(
        [
            _("We talk before any single purchase over 200."),
            _("We each keep some money that is ours to spend without explaining."),
            _("Debts and money worries are shared, not hidden."),
            _("On the first Sunday of the month we look at our shared spending."),
        ],
        sam,
        proposed_at,
    )
    answered = proposed_at + dt.timedelta(hours=20)
    for version in versions[1:3]:
        b.decide(version, VersionState.ACCEPTED, alex, answered, EventKind.ACCEPTED)
    return b.agreement


def populate(demo) -> None:
    demo.extra["agreements"] = {
        "online": _online(demo),
        "time": _time(demo),
        "money": _money(demo),
    }
