"""The steps an agreement can take, declared once (see `troth.spaces.steps`).

    proposed --(the other accepts every clause)--> active (version 1)
    proposed --(either answers a clause with another wording)--> proposed
    proposed --(either: set_aside)--> ended
    active   --(one proposes a change; the other accepts)--> active, version+1
             (or the other keeps the agreed wording, or the author withdraws)
    active   --(either: withdraw_consent)--> paused
    paused   --(everyone who withdrew: give_consent)--> active
    active/paused --(either: end, or its time box passes)--> ended
    active/paused, time-boxed --(one: propose_renewal; the other:
             accept_renewal or decline_renewal; or the proposer's
             withdraw_renewal)--> the same, perhaps with a later end

Every step is taken on the agreement (`STEPS.take`): its row is locked,
its history written, the partner told about it. The steps on one clause
(accept_clause, decline_clause, withdraw_clause, change_clause,
remove_clause) also need things of that clause, declared in
`CLAUSE_STEPS` and checked on the clause the service was given, after the
agreement's own checks. The agreement's page shows the buttons of
`STEPS.allowed(agreement, user)`, and each clause those of
`CLAUSE_STEPS.allowed(clause, user)` (`{% allowed_steps clause as allowed %}`).

Where a step can't be taken from a state it says why in its own words and
code (a proposal can't be paused: "not_active"), so the states are checks
here rather than `source=`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from troth.agreements.models import (
    MAX_CLAUSES,
    Agreement,
    AgreementEvent,
    Clause,
    EventKind,
    Status,
    clause_state,
    clause_states,
)
from troth.spaces.steps import Check, History, Step, Steps, Text


@dataclass(frozen=True)
class VersionedHistory(History):
    """An agreement's history entry also keeps the agreement's version
    number at that step."""

    def append(self, obj, *, by, kind: str, now, **fields):
        fields.setdefault("agreement_version", obj.version)
        return super().append(obj, by=by, kind=kind, now=now, **fields)


HISTORY = VersionedHistory(AgreementEvent, "agreement")


def partner(agreement: Agreement, user):
    """Who is told about a step: the other partner of the space."""
    return agreement.space.partner_of(user)


def _is(test: Callable[[Agreement, Any], bool], message: Text, code: str) -> Check:
    return Check(lambda a, u, now: test(a, u), message, code)


NOT_ENDED = _is(
    lambda a, u: a.status != Status.ENDED,
    _("This agreement has ended, so it can't change any more."),
    "ended",
)
PROPOSAL = _is(
    lambda a, u: a.status == Status.PROPOSED,
    _(
        "Only a proposal can be set aside. To stop an agreement, withdraw "
        "your consent or end it."
    ),
    "not_proposed",
)


def _not_proposal(message: Text, code: str = "proposed") -> Check:
    return _is(lambda a, u: a.status != Status.PROPOSED, message, code)


RENEWAL_WAITING = _is(
    lambda a, u: a.has_renewal,
    _("No renewal is waiting for an answer."),
    "no_renewal",
)
NOT_MY_RENEWAL = _is(
    lambda a, u: a.renewal_by_id != u.pk,
    _("You proposed this renewal: your partner is the one to answer it."),
    "own_renewal",
)


def _clause_step(name: str, event: str | None, verb: str | None) -> Step:
    """A step on one clause, as the agreement sees it; what it needs of the
    clause is in CLAUSE_STEPS."""
    return Step(name, when=(NOT_ENDED,), event=event, verb=verb)


def _answer_renewal(name: str, event: str, verb: str) -> Step:
    return Step(
        name, when=(NOT_ENDED, RENEWAL_WAITING, NOT_MY_RENEWAL), event=event, verb=verb
    )


STEPS = Steps(
    Step(
        "accept_all",
        when=(
            NOT_ENDED,
            _is(
                lambda a, u: any(s.waits_for(u) for s in clause_states(a)),
                _("Nothing in this agreement is waiting for your answer."),
                "no_pending",
            ),
        ),
        # One history entry per clause (the service's), and a verb that
        # depends on whether the answers settled the agreement.
        verb="agreement.clause_accepted",
    ),
    Step(
        "set_aside",
        when=(NOT_ENDED, PROPOSAL),
        target=Status.ENDED,
        event=EventKind.SET_ASIDE,
        verb="agreement.set_aside",
    ),
    Step(
        "withdraw_consent",
        when=(
            NOT_ENDED,
            _not_proposal(
                _(
                    "This agreement isn't active yet. To say no to it, set the "
                    "proposal aside."
                ),
                "not_active",
            ),
            _is(
                lambda a, u: not a.has_withdrawn(u),
                _("You have already withdrawn your consent."),
                "already_withdrawn",
            ),
        ),
        target=Status.PAUSED,
        event=EventKind.CONSENT_WITHDRAWN,
        verb="agreement.paused",
    ),
    Step(
        "give_consent",
        when=(
            NOT_ENDED,
            _is(
                lambda a, u: a.has_withdrawn(u),
                _(
                    "Your consent isn't withdrawn. Only the partner who paused "
                    "an agreement can give consent again."
                ),
                "not_withdrawn",
            ),
        ),
        event=EventKind.CONSENT_GIVEN,
        verb="agreement.consent_given",
    ),
    Step(
        "end",
        when=(
            NOT_ENDED,
            _not_proposal(_("This is still a proposal: set it aside instead.")),
        ),
        target=Status.ENDED,
        event=EventKind.ENDED,
        verb="agreement.ended",
    ),
    Step(
        "review",
        when=(
            NOT_ENDED,
            _not_proposal(_("A proposal is reviewed by answering its clauses.")),
        ),
        event=EventKind.REVIEWED,
        verb="agreement.reviewed",
    ),
    Step(
        "propose_renewal",
        when=(
            NOT_ENDED,
            _is(
                lambda a, u: a.ends_on is not None,
                _("This agreement has no end date, so there is nothing to renew."),
                "no_time_box",
            ),
            _not_proposal(
                _("Answer the proposal first; it can be renewed once active.")
            ),
            _is(
                lambda a, u: not a.has_renewal,
                _("A renewal is already waiting for an answer."),
                "renewal_pending",
            ),
        ),
        event=EventKind.RENEWAL_PROPOSED,
        verb="agreement.renewal_proposed",
    ),
    _answer_renewal("accept_renewal", EventKind.RENEWED, "agreement.renewed"),
    _answer_renewal(
        "decline_renewal", EventKind.RENEWAL_DECLINED, "agreement.renewal_declined"
    ),
    Step(
        "withdraw_renewal",
        when=(
            NOT_ENDED,
            _is(
                lambda a, u: a.has_renewal and a.renewal_by_id == u.pk,
                _("You have no renewal waiting for an answer."),
                "no_own_renewal",
            ),
        ),
        event=EventKind.RENEWAL_WITHDRAWN,
        verb="agreement.renewal_withdrawn",
    ),
    Step(
        "add_clause",
        when=(
            NOT_ENDED,
            Check(
                lambda a, u, now: len(clause_states(a)) < MAX_CLAUSES,
                lambda a: (
                    _("An agreement can have up to %(n)s clauses.") % {"n": MAX_CLAUSES}
                ),
                "too_many",
            ),
        ),
        event=EventKind.CLAUSE_ADDED,
        verb="agreement.change_proposed",
    ),
    # Accepting: one history entry per answer (the service's), then perhaps
    # the agreement settles; the verb says which. A clause of a proposal
    # still open is accepted without telling anyone.
    _clause_step("accept_clause", None, "agreement.clause_accepted"),
    # The verb becomes "agreement.active" when the answer settles it.
    _clause_step("decline_clause", EventKind.DECLINED, "agreement.change_declined"),
    _clause_step("withdraw_clause", EventKind.WITHDRAWN, "agreement.change_withdrawn"),
    # Recorded as "countered" when it answers the partner's wording
    # (`step.event`).
    _clause_step(
        "change_clause", EventKind.CHANGE_PROPOSED, "agreement.change_proposed"
    ),
    _clause_step(
        "remove_clause", EventKind.REMOVAL_PROPOSED, "agreement.change_proposed"
    ),
    model=Agreement,
    state="status",
    related=("space",),
    history=HISTORY,
    recipient=partner,
)


# What a step on one clause needs of that clause


def _on_clause(test: Callable[[Clause, Any], bool], message: Text, code: str) -> Check:
    return Check(lambda c, u, now: test(c, u), message, code)


CLAUSE_NOT_ENDED = Check(
    lambda c, u, now: NOT_ENDED.test(c.agreement, u, now), NOT_ENDED.message, "ended"
)
LIVE = _on_clause(
    lambda c, u: c.removed_at is None,
    _("That clause is no longer part of the agreement."),
    "clause_removed",
)
PENDING = _on_clause(
    lambda c, u: clause_state(c).pending is not None,
    _("There is nothing waiting for an answer on this clause."),
    "no_pending",
)


def _not_mine(message: Text) -> Check:
    return _on_clause(
        lambda c, u: not clause_state(c).is_mine(u), message, "own_proposal"
    )


def _not_the_last_proposed(clause: Clause) -> bool:
    """A clause never agreed leaves the agreement when its only proposal is
    declined or withdrawn; the proposal's last clause can't."""
    if clause_state(clause).agreed is not None:
        return True
    return any(s.clause.pk != clause.pk for s in clause_states(clause.agreement))


NOT_LAST_PROPOSED = _on_clause(
    lambda c, u: _not_the_last_proposed(c),
    _(
        "This is the proposal's only clause. To say no to the whole "
        "proposal, set it aside instead."
    ),
    "last_clause",
)

CLAUSE_STEPS = Steps(
    Step(
        "accept_clause",
        when=(
            CLAUSE_NOT_ENDED,
            LIVE,
            PENDING,
            _not_mine(
                _("You proposed this wording: your partner is the one to accept it.")
            ),
        ),
    ),
    Step(
        "decline_clause",
        when=(
            CLAUSE_NOT_ENDED,
            LIVE,
            PENDING,
            _not_mine(_("This is your own proposal: you can withdraw it instead.")),
            NOT_LAST_PROPOSED,
        ),
    ),
    Step(
        "withdraw_clause",
        when=(
            CLAUSE_NOT_ENDED,
            LIVE,
            _on_clause(
                lambda c, u: clause_state(c).is_mine(u),
                _("You have no proposal waiting on this clause."),
                "no_own_pending",
            ),
            NOT_LAST_PROPOSED,
        ),
    ),
    # What wording is proposed is checked with the wording (a service's).
    Step("change_clause", when=(CLAUSE_NOT_ENDED, LIVE)),
    Step(
        "remove_clause",
        when=(
            CLAUSE_NOT_ENDED,
            LIVE,
            _on_clause(
                lambda c, u: clause_state(c).agreed is not None,
                _(
                    "This clause hasn't been agreed yet. Withdraw your wording, "
                    "or answer your partner's, instead of removing it."
                ),
                "not_agreed",
            ),
            _on_clause(
                lambda c, u: (
                    not (
                        (pending := clause_state(c).pending) is not None
                        and pending.removal
                    )
                ),
                _("Removing this clause is already proposed."),
                "already_proposed",
            ),
            _on_clause(
                lambda c, u: (
                    sum(1 for s in clause_states(c.agreement) if s.agreed is not None)
                    > 1
                ),
                _(
                    "This is the agreement's only clause. To stop it, withdraw "
                    "your consent or end the agreement instead."
                ),
                "last_clause",
            ),
        ),
    ),
    model=Clause,
    space=lambda clause: clause.agreement.space,
)
