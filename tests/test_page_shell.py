"""What every page pays besides its own content: no template is rendered
for a notice that isn't there (a refusal), once a page or once per row."""

from __future__ import annotations

import pytest

from conftest import client_for
from troth.moments import services as moments

pytestmark = pytest.mark.django_db


def rendered(response, name: str) -> int:
    return [template.name for template in response.templates].count(name)


def test_a_page_with_nothing_refused_renders_no_refusal(space, alice):
    response = client_for(alice).get("/more/")
    assert response.status_code == 200
    assert rendered(response, "includes/refusal.html") == 0
    assert 'data-testid="refusal"' not in response.content.decode()


def test_a_list_renders_no_refusal_per_row(space, alice, bob):
    for note in ("You listened", "You called", "You kept it"):
        moments.moment_create(
            space=space,
            by=alice,
            about="partner",
            kind="listened",
            note=note,
            share=True,
        )
    response = client_for(bob).get("/moments/")
    html = response.content.decode()
    assert html.count('data-testid="ack-') >= 3
    assert rendered(response, "includes/refusal.html") == 0
