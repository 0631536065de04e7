"""The agreement's page offers exactly the steps its services allow: for
every situation of an agreement and of each of its clauses, both partners,
every declared step (tests/stepcheck.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from tests.stepcheck import assert_pages_agree
from troth.agreements import services
from troth.agreements.models import Agreement, Clause
from troth.agreements.steps import CLAUSE_STEPS, STEPS
from troth.agreements.tests.factories import active, proposed
from troth.spaces.services import space_leave
from troth.spaces.steps import Steps

pytestmark = pytest.mark.django_db

LATER = dt.timedelta(days=60)

# The steps taken on the agreement itself, each through its service.
AGREEMENT_CALLS = {
    "accept_all": lambda a, u: services.agreement_accept_all(agreement=a, by=u),
    "set_aside": lambda a, u: services.agreement_set_aside(agreement=a, by=u),
    "withdraw_consent": lambda a, u: services.agreement_withdraw_consent(
        agreement=a, by=u
    ),
    "give_consent": lambda a, u: services.agreement_give_consent(agreement=a, by=u),
    "end": lambda a, u: services.agreement_end(agreement=a, by=u),
    "review": lambda a, u: services.agreement_review(agreement=a, by=u),
    "propose_renewal": lambda a, u: services.agreement_renewal_propose(
        agreement=a, by=u, until=timezone.now().date() + LATER
    ),
    "accept_renewal": lambda a, u: services.agreement_renewal_accept(agreement=a, by=u),
    "decline_renewal": lambda a, u: services.agreement_renewal_decline(
        agreement=a, by=u
    ),
    "withdraw_renewal": lambda a, u: services.agreement_renewal_withdraw(
        agreement=a, by=u
    ),
    "add_clause": lambda a, u: services.clause_add(
        agreement=a, by=u, text="A clause nobody wrote before."
    ),
}

# The steps on one clause, each through its service.
CLAUSE_CALLS = {
    "accept_clause": lambda c, u: services.clause_accept(
        agreement=c.agreement, clause=c, by=u
    ),
    "decline_clause": lambda c, u: services.clause_decline(
        agreement=c.agreement, clause=c, by=u
    ),
    "withdraw_clause": lambda c, u: services.clause_withdraw(
        agreement=c.agreement, clause=c, by=u
    ),
    "change_clause": lambda c, u: services.clause_propose_change(
        agreement=c.agreement, clause=c, by=u, text="Wording nobody wrote before."
    ),
    "remove_clause": lambda c, u: services.clause_propose_removal(
        agreement=c.agreement, clause=c, by=u
    ),
}

# The agreement's own steps (those on a clause are offered per clause).
AGREEMENT_STEPS = Steps(
    *(step for name, step in STEPS.steps.items() if name not in CLAUSE_STEPS),
    state=STEPS.state,
)


def _first(agreement) -> Clause:
    return agreement.clauses.order_by("position").first()


def _agreements(space, alice, bob) -> dict[str, Agreement]:
    """Agreements Alice proposed, at every point of their life."""
    today = timezone.now().date()

    def then(agreement, *steps):
        for step in steps:
            step(agreement)
        return agreement

    def countered(a):
        services.clause_propose_change(
            agreement=a, clause=_first(a), by=bob, text="Bob's wording."
        )

    timeboxed = {"ends_on": today + dt.timedelta(days=10)}
    return {
        "a proposal": proposed(space, alice, "One.", "Two."),
        "a proposal of one clause": proposed(space, alice, "Only."),
        "a proposal Bob answered": then(proposed(space, alice, "A.", "B."), countered),
        "a proposal half accepted": then(
            proposed(space, alice, "A.", "B."),
            lambda a: services.clause_accept(agreement=a, clause=_first(a), by=bob),
        ),
        "active": active(space, alice, bob, "One.", "Two."),
        "active with one clause": active(space, alice, bob, "Only."),
        "active, Bob proposes a change": then(
            active(space, alice, bob, "A.", "B."), countered
        ),
        "active, Alice proposes a removal": then(
            active(space, alice, bob, "A.", "B."),
            lambda a: services.clause_propose_removal(
                agreement=a, clause=_first(a), by=alice
            ),
        ),
        "active, Bob adds a clause": then(
            active(space, alice, bob, "A."),
            lambda a: services.clause_add(agreement=a, by=bob, text="B."),
        ),
        "paused by Bob": then(
            active(space, alice, bob, "A."),
            lambda a: services.agreement_withdraw_consent(agreement=a, by=bob),
        ),
        "paused by both": then(
            active(space, alice, bob, "A."),
            lambda a: services.agreement_withdraw_consent(agreement=a, by=bob),
            lambda a: services.agreement_withdraw_consent(agreement=a, by=alice),
        ),
        "paused by Alice, Bob proposes a change": then(
            active(space, alice, bob, "A.", "B."),
            lambda a: services.agreement_withdraw_consent(agreement=a, by=alice),
            countered,
        ),
        "time-boxed": active(space, alice, bob, "A.", **timeboxed),
        "time-boxed, paused by Bob": then(
            active(space, alice, bob, "A.", **timeboxed),
            lambda a: services.agreement_withdraw_consent(agreement=a, by=bob),
        ),
        "time-boxed, Alice proposes renewing": then(
            active(space, alice, bob, "A.", **timeboxed),
            lambda a: services.agreement_renewal_propose(
                agreement=a, by=alice, until=today + LATER
            ),
        ),
        "ended": then(
            active(space, alice, bob, "A.", "B."),
            lambda a: services.agreement_end(agreement=a, by=bob),
        ),
        "set aside": then(
            proposed(space, alice, "A."),
            lambda a: services.agreement_set_aside(agreement=a, by=bob),
        ),
    }


def _agreement(pk: int):
    return lambda: Agreement.objects.select_related("space").get(pk=pk)


def _clause(pk: int):
    return lambda: Clause.objects.select_related("agreement__space").get(pk=pk)


def test_every_declared_step_is_exercised():
    assert set(AGREEMENT_CALLS) | set(CLAUSE_CALLS) == set(STEPS.steps)
    assert set(CLAUSE_CALLS) == set(CLAUSE_STEPS.steps)


def test_the_page_offers_exactly_the_agreement_steps_the_services_allow(
    space, alice, bob
):
    situations = {
        label: _agreement(a.pk) for label, a in _agreements(space, alice, bob).items()
    }
    offered, refused = assert_pages_agree(
        AGREEMENT_STEPS, situations, (alice, bob), AGREEMENT_CALLS
    )
    assert offered > 40 and refused > 150


def test_each_clause_offers_exactly_the_steps_the_services_allow(space, alice, bob):
    situations = {
        f"{label}, clause {clause.position}": _clause(clause.pk)
        for label, agreement in _agreements(space, alice, bob).items()
        for clause in agreement.clauses.all()
    }
    offered, refused = assert_pages_agree(
        CLAUSE_STEPS, situations, (alice, bob), CLAUSE_CALLS
    )
    assert offered > 40 and refused > 100


def test_the_page_shows_the_buttons_of_the_allowed_steps(space, alice, bob):
    agreement = proposed(space, alice, "One.", "Two.")
    mine = client_for(alice).get(agreement.get_absolute_url()).content.decode()
    theirs = client_for(bob).get(agreement.get_absolute_url()).content.decode()
    assert 'data-testid="withdraw-clause"' in mine
    assert 'data-testid="accept-clause"' not in mine
    assert 'data-testid="accept-all"' not in mine
    assert 'data-testid="accept-clause"' in theirs
    assert 'data-testid="accept-all"' in theirs
    assert 'data-testid="set-aside"' in theirs


def test_a_closed_space_shows_no_step_and_refuses_one(space, alice, bob):
    agreement = active(space, alice, bob, "One.", "Two.")
    clause = _first(agreement)
    space_leave(membership=bob.memberships.get())
    client = client_for(alice)
    page = client.get(agreement.get_absolute_url()).content.decode()
    for testid in (
        "withdraw-consent",
        "end-agreement",
        "propose-wording",
        "add-clause",
    ):
        assert f'data-testid="{testid}"' not in page
    response = client.post(f"/agreements/{agreement.pk}/clauses/{clause.pk}/remove")
    assert response.status_code == 409
    text = response.content.decode()
    assert 'data-testid="refusal"' in text
    assert "This space is closed" in text


def test_input_that_isnt_right_is_shown_on_its_form(space, alice, bob):
    agreement = active(space, alice, bob, "One.")
    client = client_for(bob)
    response = client.post(
        f"/agreements/{agreement.pk}/review",
        {"next_review_on": timezone.now().date().isoformat()},
    )
    assert response.status_code == 400
    assert "Choose a date after today." in response.content.decode()
    response = client.post(f"/agreements/{agreement.pk}/clauses/add", {"add-text": ""})
    assert response.status_code == 400
    assert "Write the clause you propose" in response.content.decode()
    assert 'data-testid="refusal"' not in response.content.decode()


def test_the_page_reads_its_steps_in_the_same_number_of_queries_however_many_clauses(
    space, alice, bob
):
    few = active(space, alice, bob, "One.", "Two.")
    many = active(space, alice, bob, *[f"Clause {i}." for i in range(12)])
    for agreement in (few, many):
        services.clause_propose_change(
            agreement=agreement, clause=_first(agreement), by=bob, text="Changed."
        )
    client = client_for(alice)
    client.get(few.get_absolute_url())  # the first request also records the session
    counts = []
    for agreement in (few, many):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(agreement.get_absolute_url())
        assert response.status_code == 200
        assert 'data-testid="accept-clause"' in response.content.decode()
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
