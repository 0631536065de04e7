"""Small helpers the agreements tests (and other apps' tests) use."""

from __future__ import annotations

from troth.agreements import services


def proposed(space, by, *clauses, **terms):
    return services.agreement_propose(
        space=space,
        by=by,
        title=terms.pop("title", "Our phones"),
        clauses=list(clauses or ["We ask before posting photos of each other."]),
        **terms,
    )


def active(space, by, partner, *clauses, **terms):
    agreement = proposed(space, by, *clauses, **terms)
    services.agreement_accept_all(agreement=agreement, by=partner)
    agreement.refresh_from_db()
    return agreement
