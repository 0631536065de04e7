"""Who may reach each agreement view: both partners, nobody else."""

from tests.matrix import Case
from troth.agreements.tests.factories import active, proposed

BOTH = {"alice", "bob"}


def _proposal(world):
    agreement = proposed(world.space, world.alice, "One clause.", "Another clause.")
    return {"pk": agreement.pk}


def _active(world):
    agreement = active(world.space, world.alice, world.bob, "One.", "Two.")
    return {"pk": agreement.pk}


def _timeboxed(world):
    import datetime as dt

    from django.utils import timezone

    agreement = active(
        world.space,
        world.alice,
        world.bob,
        "One.",
        ends_on=timezone.now().date() + dt.timedelta(days=30),
    )
    return {"pk": agreement.pk}


def _clause_of_proposal(world):
    agreement = proposed(world.space, world.alice, "One clause.", "Another clause.")
    return {"pk": agreement.pk, "clause_pk": agreement.clauses.first().pk}


def _clause_of_active(world):
    agreement = active(world.space, world.alice, world.bob, "One.", "Two.")
    return {"pk": agreement.pk, "clause_pk": agreement.clauses.first().pk}


def _other_couples(world):
    agreement = proposed(world.other_space, world.carol, "Theirs.")
    return {"pk": agreement.pk}


def _cases(make, method="GET", data=None):
    return [
        Case("alice's proposal", make, BOTH, method=method, data=data or {}),
        Case(
            "carol's proposal",
            _other_couples
            if make in (_proposal, _active, _timeboxed)
            else _other_clause,
            {"carol", "dave"},
            method=method,
            data=data or {},
        ),
    ]


def _other_clause(world):
    agreement = proposed(world.other_space, world.carol, "Theirs.", "Also theirs.")
    return {"pk": agreement.pk, "clause_pk": agreement.clauses.first().pk}


CASES = {
    "agreements:detail": _cases(_proposal),
    "agreements:history": _cases(_active),
    "agreements:accept_all": _cases(_proposal, "POST"),
    "agreements:clause_add": _cases(_active, "POST", {"add-text": "A new one."}),
    "agreements:clause_accept": _cases(_clause_of_proposal, "POST"),
    "agreements:clause_change": _cases(_clause_of_active, "POST"),
    "agreements:clause_decline": _cases(_clause_of_proposal, "POST"),
    "agreements:clause_withdraw": _cases(_clause_of_proposal, "POST"),
    "agreements:clause_remove": _cases(_clause_of_active, "POST"),
    "agreements:consent_withdraw": _cases(_active, "POST"),
    "agreements:consent_give": _cases(_active, "POST"),
    "agreements:set_aside": _cases(_proposal, "POST"),
    "agreements:end": _cases(_active, "POST"),
    "agreements:review": _cases(_active, "POST"),
    "agreements:renewal_propose": _cases(_timeboxed, "POST"),
    "agreements:renewal_accept": _cases(_timeboxed, "POST"),
    "agreements:renewal_decline": _cases(_timeboxed, "POST"),
    "agreements:renewal_withdraw": _cases(_timeboxed, "POST"),
}
