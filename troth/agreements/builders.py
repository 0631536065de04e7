"""Builders for an agreement and its history (clauses, versions, answers,
activation, review, consent withdrawn), for the demo and the tests alike
(see troth/spaces/builders.py for what a builder is)."""

from __future__ import annotations

import datetime as dt

from troth.agreements.models import (
    Agreement,
    Clause,
    ClauseVersion,
    ConsentWithdrawal,
    EventKind,
    Status,
    VersionState,
)
from troth.agreements.steps import HISTORY


class AgreementHistory:
    """Writes an agreement's clauses, versions and history in order, each
    step as the services leave it."""

    def __init__(self, agreement: Agreement):
        self.agreement = agreement
        self.clauses: list[Clause] = []

    def event(self, kind, at, actor=None, clause=None, version=None, on_date=None):
        HISTORY.append(
            self.agreement,
            by=actor,
            kind=kind,
            now=at,
            clause=clause,
            version=version,
            on_date=on_date,
        )

    def version(self, clause, text, by, at, state=VersionState.PENDING, **decided):
        """A new wording of `clause` by `by` (no history row: the caller
        says which step it was)."""
        return ClauseVersion.next_for(
            clause, by=by, at=at, text=text, state=state, **decided
        )

    def clause(self, text, by, at, **decided) -> ClauseVersion:
        """The next clause, in `by`'s first wording (no history row)."""
        clause = Clause.objects.create(
            agreement=self.agreement, position=len(self.clauses) + 1, created=at
        )
        self.clauses.append(clause)
        return self.version(clause, text, by, at, **decided)

    def propose(self, texts, by, at) -> list[ClauseVersion]:
        """`by` proposes the agreement with one clause per text."""
        versions = [self.clause(text, by, at) for text in texts]
        self.event(EventKind.PROPOSED, at, actor=by)
        return versions

    def decide(self, version, state, by, at, kind) -> None:
        """`by` answers a clause version (accepted, or superseded by theirs)."""
        version.decide(state, by=by, at=at)
        self.event(kind, at, actor=by, clause=version.clause, version=version)

    def counter(self, version, text, by, at) -> ClauseVersion:
        """`by` answers a clause with other wording."""
        self.decide(version, VersionState.SUPERSEDED, by, at, EventKind.COUNTERED)
        mine = self.version(version.clause, text, by, at)
        self.event(EventKind.COUNTERED, at, by, version.clause, mine)
        return mine

    def activate(self, at, *, review_on: dt.date | None = None) -> None:
        """Every clause agreed: version 1 is in force."""
        agreement = self.agreement
        agreement.status, agreement.version, agreement.activated_at = (
            Status.ACTIVE,
            1,
            at,
        )
        fields = ["status", "version", "activated_at"]
        if review_on:
            agreement.review_on = review_on
            fields.append("review_on")
        agreement.save(update_fields=fields)
        self.event(EventKind.ACTIVATED, at)

    def review(self, by, at, *, next_on: dt.date) -> None:
        """Reviewed together; the next review falls on `next_on`."""
        self.agreement.review_on = next_on
        self.agreement.save(update_fields=["review_on"])
        self.event(EventKind.REVIEWED, at, by, on_date=next_on)

    def propose_change(self, clause, text, by, at) -> ClauseVersion:
        """`by` suggests new wording for a clause in force."""
        version = self.version(clause, text, by, at)
        self.event(EventKind.CHANGE_PROPOSED, at, by, clause, version)
        return version

    def new_version(self, at) -> None:
        """A change agreed: the agreement's next version is in force."""
        self.agreement.version += 1
        self.agreement.save(update_fields=["version"])
        self.event(EventKind.NEW_VERSION, at)

    def withdraw_consent(self, user, at) -> None:
        """`user` withdraws consent: the agreement is paused."""
        ConsentWithdrawal.objects.create(
            agreement=self.agreement, user=user, created=at
        )
        self.agreement.status = Status.PAUSED
        self.agreement.save(update_fields=["status"])
        self.event(EventKind.CONSENT_WITHDRAWN, at, user)


def build_agreement(
    space, author, *, title: str, topic: str, at: dt.datetime, **fields
) -> AgreementHistory:
    """An agreement `author` started at `at`; take it through its steps with
    the returned history (`propose` first). `fields` holds the rest
    (`review_days`, `ends_on`)."""
    agreement = Agreement.objects.create(
        space=space, author=author, title=title, topic=topic, created=at, **fields
    )
    return AgreementHistory(agreement)
