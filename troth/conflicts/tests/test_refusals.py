"""A refused step on a disagreement's page is said once: under the heading
when the whole page comes back, in your view's card when htmx swaps only
that card."""

from __future__ import annotations

import pytest

from conftest import client_for
from troth.conflicts.tests.helpers import log

pytestmark = pytest.mark.django_db

WHY = "Your view is already shared."


def test_the_page_says_the_refusal_once_under_the_heading(alice, space):
    view = log(space, alice, shared=True)
    response = client_for(alice).post(f"/conflicts/views/{view.pk}/share")
    assert response.status_code == 409
    body = response.content.decode()
    assert body.count('data-testid="refusal"') == 1
    assert body.index("</h1>") < body.index(WHY) < body.index('id="my-view"')
    view.refresh_from_db()
    assert view.is_shared


def test_your_view_alone_says_it_for_htmx(alice, space):
    view = log(space, alice, shared=True)
    response = client_for(alice).post(
        f"/conflicts/views/{view.pk}/share", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200  # htmx swaps only 2xx answers
    body = response.content.decode()
    assert body.lstrip().startswith('<section class="card stack" id="my-view"')
    assert body.count('data-testid="refusal"') == 1 and WHY in body
