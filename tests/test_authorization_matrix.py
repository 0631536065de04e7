"""Every object view, as every kind of person: see tests/matrix.py."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from conftest import make_space, make_user
from tests.matrix import (
    PEOPLE,
    Case,
    World,
    check,
    object_patterns,
    registered_cases,
)
from troth.counsel.tests.helpers import EVERY_AREA, opened
from troth.spaces.models import Invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    people = {name: make_user(name) for name in PEOPLE}
    space = make_space(people["alice"], people["bob"])
    # Kim counsels alice and bob: every area in scope, the window open.
    window = opened(
        space, people["alice"], people["bob"], held_by=people["kim"], areas=EVERY_AREA
    )
    return World(
        **people,
        space=space,
        other_space=make_space(people["carol"], people["dave"]),
        window=window,
    )


def test_every_object_view_has_a_case():
    cases, exempt = registered_cases()
    missing = sorted(set(object_patterns()) - set(cases) - set(exempt))
    assert not missing, (
        f"URL patterns with an object id but no authorization case: {missing}"
    )
    stale = sorted(set(cases) - set(object_patterns()))
    assert not stale, f"Cases for URL names that no longer exist: {stale}"


def _all_cases():
    cases, _ = registered_cases()
    for name, entries in sorted(cases.items()):
        for case in entries:
            yield pytest.param(name, case, id=f"{name}[{case.label}]")


@pytest.mark.parametrize(("url_name", "case"), list(_all_cases()))
def test_the_matrix(world, url_name, case):
    problems = check(world, url_name, case)
    assert not problems, "\n".join(problems)


# The test of the test: a view that forgets the access helper must be caught.


def leaky_view(request, pk):
    invitation = Invitation.objects.get(pk=pk)  # no visibility check
    return HttpResponse(str(invitation.pk))


leaky_view.__module__ = "troth.leaky"
urlpatterns = [path("leaky/<int:pk>", leaky_view, name="leaky")]


def _invitation_for_alice(world):
    invitation, _ = Invitation.new(space=world.space, created_by=world.alice)
    invitation.save()
    return {"pk": invitation.pk}


@override_settings(ROOT_URLCONF=__name__)
def test_the_matrix_catches_a_view_that_forgets_the_helper(world):
    assert "leaky" in object_patterns(__name__)
    case = Case("invitation", _invitation_for_alice, {"alice", "bob"})
    problems = check(world, "leaky", case, urlconf=__name__)
    assert problems, "the unprotected view slipped through"
    assert any("as carol: 200 but should be 404" in p for p in problems)
    assert any("as eve: 200 but should be 404" in p for p in problems)


@override_settings(ROOT_URLCONF=__name__)
def test_the_matrix_reports_an_object_view_without_a_case():
    cases, exempt = registered_cases()
    missing = set(object_patterns(__name__)) - set(cases) - set(exempt)
    assert missing == {"leaky"}
