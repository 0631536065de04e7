"""The agreement pages as the partners use them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from troth.agreements.models import (
    Agreement,
    AgreementEvent,
    Clause,
    ClauseVersion,
    Status,
)
from troth.agreements.tests.factories import active, proposed

pytestmark = pytest.mark.django_db


def test_a_starter_fills_the_form_and_says_it_is_not_surveillance(alice, bob, space):
    page = client_for(alice).get("/agreements/new?starter=online")
    text = page.content.decode()
    assert page.status_code == 200
    assert "not a way to watch or check on anyone" in text
    assert "former partner gets in touch" in text
    assert "dating-app profile" in text


def test_the_choice_page_lists_every_starter(alice, bob, space):
    text = client_for(alice).get("/agreements/new").content.decode()
    for title in (
        "Our online lives",
        "Time together and apart",
        "Money",
        "Our household",
    ):
        assert title in text


def test_proposing_from_the_form_creates_a_pending_agreement(alice, bob, space):
    response = client_for(alice).post(
        "/agreements/new",
        {
            "title": "Evenings",
            "topic": "time",
            "review_days": "60",
            "clause": ["Phones away at dinner.", "", "One night a week is ours."],
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == agreement.get_absolute_url()
    assert agreement.status == Status.PROPOSED
    assert agreement.review_days == 60
    page = client_for(bob).get(agreement.get_absolute_url()).content.decode()
    assert "Phones away at dinner." in page
    assert "Alice's wording" in page
    assert "Accept all 2 clauses waiting for me" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"clause": ["", ""]}, "Write at least one clause."),
        ({"clause": ["x" * 700]}, "under 600 characters"),
        ({"title": ""}, "This field is required."),
        ({"review_days": "3"}, "greater than or equal to 7"),
        ({"ends_on": "2001-01-01"}, "Choose an end date after today."),
        ({"ends_on": "not a date"}, "Enter a valid date."),
    ],
)
def test_bad_proposals_show_the_form_again(alice, bob, space, data, message):
    post = {"title": "T", "topic": "money", "review_days": "90", "clause": ["One."]}
    post.update(data)
    response = client_for(alice).post("/agreements/new", post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Agreement.objects.exists()


def test_accepting_every_clause_makes_it_active(alice, bob, space):
    agreement = proposed(space, alice, "One.", "Two.")
    response = client_for(bob).post(
        f"/agreements/{agreement.pk}/accept-all", follow=True
    )
    assert "Active" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == Status.ACTIVE


def test_a_refused_step_says_why_and_changes_nothing(alice, bob, space):
    agreement = proposed(space, alice, "One.")
    clause = agreement.clauses.get()
    response = client_for(alice).post(
        f"/agreements/{agreement.pk}/clauses/{clause.pk}/accept"
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "your partner is the one to accept it" in text
    assert "Nothing was changed." in text
    assert ClauseVersion.objects.get().state == "pending"


def test_an_empty_change_is_refused_with_a_message(alice, bob, space):
    agreement = active(space, alice, bob, "One.")
    clause = agreement.clauses.get()
    response = client_for(bob).post(
        f"/agreements/{agreement.pk}/clauses/{clause.pk}/change",
        {f"c{clause.pk}-text": ""},
    )
    assert response.status_code == 400
    assert "Write the wording you propose" in response.content.decode()
    assert ClauseVersion.objects.count() == 1


def test_a_clause_of_another_agreement_is_not_found(alice, bob, space):
    one = proposed(space, alice, "One.")
    other = proposed(space, alice, "Other.")
    clause = other.clauses.get()
    response = client_for(bob).post(f"/agreements/{one.pk}/clauses/{clause.pk}/accept")
    assert response.status_code == 404


def test_a_change_shows_beside_the_agreed_wording_and_in_the_history(alice, bob, space):
    agreement = active(space, alice, bob, "Phones away at dinner.")
    clause = agreement.clauses.get()
    client_for(bob).post(
        f"/agreements/{agreement.pk}/clauses/{clause.pk}/change",
        {f"c{clause.pk}-text": "Phones away after nine."},
    )
    page = client_for(alice).get(agreement.get_absolute_url()).content.decode()
    assert "Phones away at dinner." in page
    assert "Bob proposes new wording:" in page
    assert "Phones away after nine." in page
    client_for(alice).post(f"/agreements/{agreement.pk}/clauses/{clause.pk}/accept")
    history = (
        client_for(bob).get(f"/agreements/{agreement.pk}/history").content.decode()
    )
    assert "<del>Phones away at dinner.</del>" in history
    assert "<ins>Phones away after nine.</ins>" in history
    assert "version 2" in history
    assert history.index("proposed this agreement") < history.index(
        "proposed a change to a clause"
    )


def test_withdrawing_consent_from_the_page_pauses_it(alice, bob, space):
    agreement = active(space, alice, bob, "One.")
    response = client_for(bob).post(
        f"/agreements/{agreement.pk}/consent/withdraw", follow=True
    )
    text = response.content.decode()
    assert "The agreement is paused" in text
    assert "Give my consent again" in text
    alice_page = client_for(alice).get(agreement.get_absolute_url()).content.decode()
    assert "Paused: Bob withdrew consent." in alice_page
    assert "Give my consent again" not in alice_page


def test_the_index_shows_what_waits_for_me(alice, bob, space):
    proposed(space, alice, "One.", "Two.", title="Money talk")
    bob_page = client_for(bob).get("/agreements/").content.decode()
    assert "Money talk" in bob_page
    assert "2 clauses wait for your answer" in bob_page
    alice_page = client_for(alice).get("/agreements/").content.decode()
    assert "wait for your answer" not in alice_page


def test_the_dashboard_card_lists_what_waits_and_what_is_paused(alice, bob, space):
    proposed(space, alice, "One.", title="Money talk")
    paused = active(space, alice, bob, "One.", title="Phones")
    client_for(alice).post(f"/agreements/{paused.pk}/consent/withdraw")
    home = client_for(bob).get("/").content.decode()
    card = home[home.index('data-testid="card-agreements"') :]
    assert "Waiting for your answer:" in card
    assert "Money talk" in card
    # The tile says the most pressing: nothing waits for Alice, so what is paused.
    home = client_for(alice).get("/").content.decode()
    card = home[home.index('data-testid="card-agreements"') :]
    assert "Paused:" in card
    assert "Phones" in card


def test_an_outsider_sees_nothing(alice, bob, space, carol, other_space):
    agreement = proposed(space, alice, "Secret clause.", title="Secret title")
    assert client_for(carol).get(agreement.get_absolute_url()).status_code == 404
    assert "Secret title" not in client_for(carol).get("/agreements/").content.decode()


def _bulk(space, alice, bob, n):
    now = timezone.now()
    agreements = Agreement.objects.bulk_create(
        Agreement(
            space=space,
            author=alice,
            title=f"Agreement {i}",
            status=Status.ACTIVE if i % 2 else Status.PROPOSED,
            visibility="shared",
            version=1 if i % 2 else 0,
            review_on=now.date() + dt.timedelta(days=3),
        )
        for i in range(n)
    )
    clauses = Clause.objects.bulk_create(
        Clause(agreement=a, position=1) for a in agreements
    )
    ClauseVersion.objects.bulk_create(
        ClauseVersion(
            clause=c,
            agreement_id=c.agreement_id,
            number=1,
            text="A clause.",
            author=alice,
            state="pending" if c.agreement.status == Status.PROPOSED else "accepted",
        )
        for c in clauses
    )
    AgreementEvent.objects.bulk_create(
        AgreementEvent(agreement=a, actor=alice, kind="proposed") for a in agreements
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/agreements/", "/"])
def test_list_pages_use_the_same_number_of_queries_for_10_and_1000(
    alice, bob, space, url
):
    client = client_for(bob)
    client.get(url)  # the first request also records the session
    _bulk(space, alice, bob, 10)
    few = _queries(client, url)
    _bulk(space, alice, bob, 990)
    assert Agreement.objects.count() == 1000
    assert _queries(client, url) == few


def test_the_history_page_uses_the_same_number_of_queries_however_long(
    alice, bob, space
):
    agreement = active(space, alice, bob, "A.")
    clause = agreement.clauses.get()
    client = client_for(alice)
    url = f"/agreements/{agreement.pk}/history"
    client.get(url)
    few = _queries(client, url)
    for i in range(15):
        from troth.agreements import services

        services.clause_propose_change(
            agreement=agreement, clause=clause, by=bob, text=f"Wording {i}."
        )
        services.clause_accept(agreement=agreement, clause=clause, by=alice)
    assert _queries(client, url) == few
