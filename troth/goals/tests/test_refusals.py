"""A refused step on a goal's page is said once: under the heading when the
whole page comes back, in the steps themselves when htmx swaps only them."""

from __future__ import annotations

import pytest

from conftest import client_for
from troth.goals.models import Milestone
from troth.goals.tests.helpers import goal, step

pytestmark = pytest.mark.django_db

WHY = "Only the person who added a step can remove it."


def test_the_page_says_the_refusal_once_under_the_heading(alice, bob, space):
    s = step(goal(space, alice, title="Save for Lisbon"), alice, bob)
    response = client_for(bob).post(f"/goals/steps/{s.pk}/remove")
    assert response.status_code == 409
    body = response.content.decode()
    assert body.count('data-testid="refusal"') == 1 and WHY in body
    assert body.index("</h1>") < body.index(WHY) < body.index('id="steps"')
    assert Milestone.objects.filter(pk=s.pk).exists()


def test_the_steps_alone_say_it_for_htmx(alice, bob, space):
    s = step(goal(space, alice), alice, bob)
    response = client_for(bob).post(
        f"/goals/steps/{s.pk}/remove", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200  # htmx swaps only 2xx answers
    body = response.content.decode()
    assert body.lstrip().startswith('<section class="card stack" id="steps"')
    assert body.count('data-testid="refusal"') == 1 and WHY in body
    assert Milestone.objects.filter(pk=s.pk).exists()


def test_a_step_taken_with_htmx_says_no_refusal(alice, space):
    s = step(goal(space, alice), alice, alice)
    response = client_for(alice).post(
        f"/goals/steps/{s.pk}/done", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert 'data-testid="refusal"' not in response.content.decode()
