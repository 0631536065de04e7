"""A promise can point to the agreement clause it concerns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from troth.agreements.tests.factories import active, proposed
from troth.promises.models import Promise

pytestmark = pytest.mark.django_db


def form(**extra) -> dict:
    data = {
        "text": "I'll tell you before I post a photo of us.",
        "due_date": (timezone.localdate() + timedelta(days=3)).isoformat(),
    }
    data.update(extra)
    return data


def test_a_promise_points_to_an_agreed_clause_and_both_see_it(
    alice, bob, space, alice_client, bob_client
):
    agreement = active(space, alice, bob, "We ask before posting photos of each other.")
    clause = agreement.clauses.get()
    page = alice_client.get("/promises/new")
    assert "Our phones: We ask before posting photos" in page.content.decode()
    response = alice_client.post("/promises/new", form(clause=str(clause.pk)))
    assert response.status_code == 302
    promise = Promise.objects.get()
    assert promise.clause == clause
    for client in (alice_client, bob_client):
        detail = client.get(promise.get_absolute_url()).content.decode()
        assert 'data-testid="promise-clause"' in detail
        assert f'href="{agreement.get_absolute_url()}#clause-{clause.pk}"' in detail


def test_the_choice_is_absent_without_agreements(alice, bob, space, alice_client):
    page = alice_client.get("/promises/new").content.decode()
    assert "About an agreement" not in page
    assert alice_client.post("/promises/new", form()).status_code == 302
    assert Promise.objects.get().clause is None


def test_a_clause_not_yet_agreed_or_of_another_couple_is_refused(
    alice, bob, carol, dave, space, other_space, alice_client
):
    active(space, alice, bob)  # so the field is offered
    pending = proposed(space, alice, "We share our calendars.").clauses.get()
    theirs = active(other_space, carol, dave).clauses.get()
    for clause in (pending, theirs):
        response = alice_client.post("/promises/new", form(clause=str(clause.pk)))
        assert response.status_code == 400
        assert "Choose a clause of one of your agreements." in response.content.decode()
    assert not Promise.objects.exists()
