"""The counsellor's note and suggestion forms take effect once: the same
form sent twice adds one row (troth/accounts/once.py, as tests/test_once.py
does for the partners' forms), and a proposal sent twice makes one window."""

from __future__ import annotations

import re

import pytest

from conftest import client_for
from troth.counsel.models import Note, Suggestion, Window
from troth.counsel.tests.helpers import counsellor, opened
from troth.exercises.library import EXERCISES

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'<input type="hidden" name="once_token" value="([^"]+)">')


@pytest.mark.parametrize(
    ("action", "data", "model"),
    [
        ("note", {"text": "Once is enough."}, Note),
        ("suggest", {"exercise": EXERCISES[0].slug}, Suggestion),
    ],
)
def test_the_same_counsellor_form_sent_twice_adds_one_row(
    alice, bob, space, action, data, model
):
    kim = counsellor()
    window = opened(space, alice, bob, held_by=kim)
    client = client_for(kim)
    page = client.get(f"/counsel/w/{window.pk}/").content.decode()
    tokens = TOKEN.findall(page)
    assert len(tokens) == 2, "each form carries its token"
    token = tokens[0] if action == "note" else tokens[1]
    url = f"/counsel/w/{window.pk}/{action}"
    first = client.post(url, {**data, "once_token": token})
    again = client.post(url, {**data, "once_token": token})
    assert first.status_code == again.status_code == 302
    assert model.objects.count() == 1


def test_a_proposal_sent_twice_makes_one_window(alice, bob, space):
    client = client_for(alice)
    (token,) = TOKEN.findall(client.get("/counsel/").content.decode())
    data = {
        "email": "kim@example.com",
        "areas": ["agreements"],
        "days": "30",
        "once_token": token,
    }
    assert client.post("/counsel/propose", data).status_code == 302
    assert client.post("/counsel/propose", data).status_code == 302
    assert Window.objects.count() == 1
