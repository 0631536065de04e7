"""Alex and Sam's agreements: their online lives, agreed after one
counter-proposal and later changed (version 2); time together and apart,
which Alex has paused; and a money proposal from Sam still half answered.

Rows are written directly with past timestamps, as the services would have
left them, so the demo raises no fresh notifications.
"""

from __future__ import annotations

import datetime as dt

from troth.agreements.models import (
    Agreement,
    AgreementEvent,
    Clause,
    ClauseVersion,
    ConsentWithdrawal,
    EventKind,
    Status,
    Topic,
    VersionState,
)


class _Builder:
    """Writes an agreement's clauses, versions and history in order."""

    def __init__(self, demo, agreement: Agreement):
        self.demo = demo
        self.agreement = agreement
        self.clauses: list[Clause] = []
        self.numbers: dict[int, int] = {}

    def event(self, kind, at, actor=None, clause=None, version=None, on_date=None):
        AgreementEvent.objects.create(
            agreement=self.agreement,
            actor=actor,
            kind=kind,
            created=at,
            clause=clause,
            version=version,
            agreement_version=self.agreement.version,
            on_date=on_date,
        )

    def version(self, clause, text, by, at, state=VersionState.PENDING, **decided):
        self.numbers[clause.pk] = self.numbers.get(clause.pk, 0) + 1
        return ClauseVersion.objects.create(
            clause=clause,
            agreement=self.agreement,
            number=self.numbers[clause.pk],
            text=text,
            author=by,
            created=at,
            state=state,
            **decided,
        )

    def propose(self, texts, by, at):
        versions = []
        for position, text in enumerate(texts, start=1):
            clause = Clause.objects.create(
                agreement=self.agreement, position=position, created=at
            )
            self.clauses.append(clause)
            versions.append(self.version(clause, text, by, at))
        self.event(EventKind.PROPOSED, at, actor=by)
        return versions

    def decide(self, version, state, by, at, kind):
        version.state = state
        version.decided_by = by
        version.decided_at = at
        version.save(update_fields=["state", "decided_by", "decided_at"])
        self.event(kind, at, actor=by, clause=version.clause, version=version)


def _online(demo) -> Agreement:
    alex, sam = demo.alex, demo.sam
    proposed_at = demo.start + dt.timedelta(days=12, hours=20)
    agreement = Agreement.objects.create(
        space=demo.space,
        author=alex,
        title="Our online lives",
        topic=Topic.ONLINE,
        created=proposed_at,
    )
    b = _Builder(demo, agreement)
    first = b.propose(
        [
            "If a former partner gets in touch, I mention it to you within a day "
            "or two, in my own words. I don't need to show you the messages.",
            "We ask each other before posting photos of the other, or anything "
            "about our relationship.",
            "Neither of us looks through the other's phone.",
            "Neither of us keeps an active dating-app profile.",
            "No messaging people we used to date after midnight.",
        ],
        alex,
        proposed_at,
    )
    answered = proposed_at + dt.timedelta(days=1, hours=2)
    for version in (first[0], first[1], first[3]):
        b.decide(version, VersionState.ACCEPTED, sam, answered, EventKind.ACCEPTED)
    # Sam answers two clauses with other wording.
    b.decide(first[2], VersionState.SUPERSEDED, sam, answered, EventKind.COUNTERED)
    phones = b.version(
        b.clauses[2],
        "Our phones are our own. Neither of us goes through the other's phone; "
        "if something worries us, we ask.",
        sam,
        answered,
    )
    b.event(EventKind.COUNTERED, answered, sam, b.clauses[2], phones)
    b.decide(first[4], VersionState.SUPERSEDED, sam, answered, EventKind.COUNTERED)
    late = b.version(
        b.clauses[4],
        "If late-night messages with someone start to feel like more than "
        "friendship, we say so to each other rather than keep quiet.",
        sam,
        answered,
    )
    b.event(EventKind.COUNTERED, answered, sam, b.clauses[4], late)
    agreed_at = answered + dt.timedelta(hours=5)
    b.decide(phones, VersionState.ACCEPTED, alex, agreed_at, EventKind.ACCEPTED)
    b.decide(late, VersionState.ACCEPTED, alex, agreed_at, EventKind.ACCEPTED)
    agreement.status = Status.ACTIVE
    agreement.version = 1
    agreement.activated_at = agreed_at
    agreement.save(update_fields=["status", "version", "activated_at"])
    b.event(EventKind.ACTIVATED, agreed_at)
    # Ninety days on they reviewed it together, and Alex suggested one change.
    reviewed = agreed_at + dt.timedelta(days=88)
    agreement.review_on = (reviewed + dt.timedelta(days=90)).date()
    agreement.save(update_fields=["review_on"])
    b.event(EventKind.REVIEWED, reviewed, alex, on_date=agreement.review_on)
    change_at = reviewed + dt.timedelta(hours=1)
    photos = b.version(
        b.clauses[1],
        "We ask each other before posting photos of the other, or anything "
        "about our relationship. Old photos already online can stay.",
        alex,
        change_at,
    )
    b.event(EventKind.CHANGE_PROPOSED, change_at, alex, b.clauses[1], photos)
    accepted = change_at + dt.timedelta(hours=20)
    b.decide(photos, VersionState.ACCEPTED, sam, accepted, EventKind.ACCEPTED)
    agreement.version = 2
    agreement.save(update_fields=["version"])
    b.event(EventKind.NEW_VERSION, accepted)
    demo.extra["online_clause_former_partner"] = b.clauses[0]
    return agreement


def _time(demo) -> Agreement:
    alex, sam = demo.alex, demo.sam
    proposed_at = demo.start + dt.timedelta(days=40, hours=19)
    agreement = Agreement.objects.create(
        space=demo.space,
        author=sam,
        title="Time together and apart",
        topic=Topic.TIME,
        created=proposed_at,
    )
    b = _Builder(demo, agreement)
    versions = b.propose(
        [
            "Friday evening is for the two of us, with our phones away.",
            "Each of us has time alone or with friends, without having to justify it.",
            "When plans change, we let each other know as soon as we can.",
        ],
        sam,
        proposed_at,
    )
    agreed_at = proposed_at + dt.timedelta(hours=30)
    for version in versions:
        b.decide(version, VersionState.ACCEPTED, alex, agreed_at, EventKind.ACCEPTED)
    agreement.status = Status.ACTIVE
    agreement.version = 1
    agreement.activated_at = agreed_at
    agreement.review_on = (agreed_at + dt.timedelta(days=90)).date()
    agreement.save(update_fields=["status", "version", "activated_at", "review_on"])
    b.event(EventKind.ACTIVATED, agreed_at)
    # Alex's new job has late Fridays: Alex paused it rather than keep
    # breaking it, and they haven't found a new evening yet.
    paused_at = demo.now - dt.timedelta(days=6, hours=3)
    ConsentWithdrawal.objects.create(agreement=agreement, user=alex, created=paused_at)
    agreement.status = Status.PAUSED
    agreement.save(update_fields=["status"])
    b.event(EventKind.CONSENT_WITHDRAWN, paused_at, alex)
    return agreement


def _money(demo) -> Agreement:
    alex, sam = demo.alex, demo.sam
    proposed_at = demo.now - dt.timedelta(days=2, hours=4)
    agreement = Agreement.objects.create(
        space=demo.space,
        author=sam,
        title="Money",
        topic=Topic.MONEY,
        created=proposed_at,
    )
    b = _Builder(demo, agreement)
    versions = b.propose(
        [
            "We talk before any single purchase over 200.",
            "We each keep some money that is ours to spend without explaining.",
            "Debts and money worries are shared, not hidden.",
            "On the first Sunday of the month we look at our shared spending.",
        ],
        sam,
        proposed_at,
    )
    answered = proposed_at + dt.timedelta(hours=20)
    for version in versions[1:3]:
        b.decide(version, VersionState.ACCEPTED, alex, answered, EventKind.ACCEPTED)
    return agreement


def populate(demo) -> None:
    demo.extra["agreements"] = {
        "online": _online(demo),
        "time": _time(demo),
        "money": _money(demo),
    }
