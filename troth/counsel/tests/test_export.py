"""Counsellor windows in the personal export (troth/counsel/export.py):
each partner finds the windows of their space with their history, notes,
suggestions and access log; the counsellor finds what they wrote; nobody
else finds anything."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import make_user
from troth.counsel import services
from troth.counsel.export import export
from troth.counsel.models import EventKind, WindowEvent
from troth.counsel.tests.helpers import counsellor, opened
from troth.exercises import library

pytestmark = pytest.mark.django_db


def test_the_partners_and_the_counsellor_find_their_part(alice, bob, space):
    kim = counsellor()
    window = opened(space, alice, bob, held_by=kim, name="Kim")
    WindowEvent.objects.create(window=window, actor=kim, kind=EventKind.JOINED)
    services.note_add(window=window, by=kim, text="Try the weekly check-in.")
    slug = library.EXERCISES[0].slug
    services.suggestion_add(window=window, by=kim, exercise=slug, note="Gently.")
    services.access_record(window=window, area="agreements", day=dt.date(2026, 1, 2))
    services.window_close(window=window, by=bob)

    mine = export(alice)["windows"]
    assert len(mine) == 1
    part = mine[0]
    assert part["counsellor_email"] == window.counsellor_email
    assert part["counsellor_name"] == "Kim"
    assert part["status"] == "closed" and part["closed"]
    assert part["proposed_by"] == "me"
    assert [s["step"] for s in part["history"]] == [
        "proposed",
        "accepted",
        "joined",
        "closed",
    ]
    by = {s["step"]: s["by"] for s in part["history"]}
    assert by == {
        "proposed": "me",
        "accepted": "partner",
        "joined": "counsellor",
        "closed": None,
    }
    assert part["notes"][0]["text"] == "Try the weekly check-in."
    assert part["suggestions"][0] == {
        "exercise": slug,
        "note": "Gently.",
        "created": part["suggestions"][0]["created"],
    }
    assert part["access"][0]["area"] == "agreements"
    assert part["access"][0]["day"] == "2026-01-02"
    assert "token" not in str(part)
    assert export(bob)["windows"][0]["proposed_by"] == "partner"

    kims = export(kim)
    assert kims["windows"] == []
    assert [n["text"] for n in kims["as_counsellor"]["notes"]] == [
        "Try the weekly check-in."
    ]
    assert kims["as_counsellor"]["suggestions"][0]["exercise"] == slug

    stranger = export(make_user("zed"))
    assert stranger == {
        "windows": [],
        "as_counsellor": {"notes": [], "suggestions": []},
    }
