"""A goal's page offers exactly the steps the services let a person take
(troth/goals/steps.py), for the goal and for each of its milestones, at
every point of their life, for both partners, in an open space and once it
is closed."""

from __future__ import annotations

import pytest

from conftest import client_for
from tests.stepcheck import assert_pages_agree, fresh_copies
from troth.goals import services
from troth.goals.models import Goal, Milestone
from troth.goals.steps import MILESTONE_STEPS, STEPS
from troth.goals.tests.helpers import adventure, goal, step
from troth.spaces.models import Membership
from troth.spaces.services import space_leave

pytestmark = pytest.mark.django_db

CALLS = {
    "update": lambda g, u: services.goal_update(goal=g, by=u, title="Renamed"),
    "add_step": lambda g, u: services.milestone_add(
        goal=g, by=u, title="One more", owner=u
    ),
    "finish": lambda g, u: services.goal_finish(goal=g, by=u),
    "set_aside": lambda g, u: services.goal_set_aside(goal=g, by=u),
    "resume": lambda g, u: services.goal_resume(goal=g, by=u),
    "reflect": lambda g, u: services.reflection_save(
        goal=g, author=u, text="The quiet path."
    ),
}

MILESTONE_CALLS = {
    "complete": lambda m, u: services.milestone_complete(milestone=m, by=u),
    "reopen": lambda m, u: services.milestone_reopen(milestone=m, by=u),
    "remove": lambda m, u: services.milestone_remove(milestone=m, by=u),
}

# What the partner guard says, before the step's own checks.
GUARD = {"closed", "not_member"}


def _goals(space, alice, bob) -> dict[str, Goal]:
    """Goals and adventures Alice started, at every point of their life."""
    aside = goal(space, alice)
    services.goal_set_aside(goal=aside, by=bob)
    done = adventure(space, alice)
    services.goal_finish(goal=done, by=bob)
    return {
        "in progress": goal(space, alice),
        "an adventure in progress": adventure(space, alice),
        "set aside": aside,
        "finished": done,
    }


def _milestones(space, alice, bob) -> dict[str, Milestone]:
    """Steps Alice added, for herself and for Bob, done or not, of goals in
    progress, set aside or finished."""
    active = goal(space, alice)
    done = step(active, alice, alice)
    services.milestone_complete(milestone=done, by=alice)
    aside = goal(space, alice)
    of_aside = step(aside, alice, bob)
    services.goal_set_aside(goal=aside, by=alice)
    finished = goal(space, alice)
    of_finished = step(finished, alice, alice)
    services.goal_finish(goal=finished, by=alice)
    return {
        "alice's, for bob": step(active, alice, bob),
        "alice's, for herself": step(active, alice, alice),
        "alice's, done": done,
        "of a goal set aside": of_aside,
        "of a finished goal": of_finished,
    }


def _agree(steps, calls, objects, people) -> tuple[int, int]:
    """Check, for every object, person and step, that the page offers the
    step exactly when the service takes it; count both outcomes."""
    return assert_pages_agree(steps, fresh_copies(objects), people, calls)


def test_the_page_offers_exactly_the_steps_the_services_allow(space, alice, bob):
    assert set(CALLS) == set(STEPS.steps), "every goal step is exercised"
    assert set(MILESTONE_CALLS) == set(MILESTONE_STEPS.steps), "every step's step"
    goals = _goals(space, alice, bob)
    milestones = _milestones(space, alice, bob)
    people = (alice, bob)

    offered, refused = _agree(STEPS, CALLS, goals, people)
    assert offered >= 12 and refused >= 20
    offered, refused = _agree(MILESTONE_STEPS, MILESTONE_CALLS, milestones, people)
    assert offered >= 4 and refused >= 20

    # Once the space is closed, what was shared stays as it was.
    space_leave(membership=Membership.objects.get(user=bob, left_at__isnull=True))
    assert _agree(STEPS, CALLS, goals, people)[0] == 0
    assert _agree(MILESTONE_STEPS, MILESTONE_CALLS, milestones, people)[0] == 0


def test_the_page_shows_only_the_buttons_of_the_allowed_steps(space, alice, bob):
    g = goal(space, alice)
    hers = step(g, alice, alice, title="Hers")
    assert STEPS.allowed(g, bob) == {"add_step", "finish", "set_aside"}
    assert MILESTONE_STEPS.allowed(hers, bob) == frozenset()
    page = client_for(bob).get(f"/goals/{g.pk}/").content.decode()
    assert 'data-testid="finish-goal"' in page
    assert f"/goals/{g.pk}/edit" not in page
    assert 'data-testid="step-done"' not in page
    assert f"/goals/steps/{hers.pk}/remove" not in page
    page = client_for(alice).get(f"/goals/{g.pk}/").content.decode()
    assert f"/goals/{g.pk}/edit" in page and 'data-testid="step-done"' in page
    assert f"/goals/steps/{hers.pk}/remove" in page


def test_a_refusal_is_shown_once_with_409(space, alice, bob):
    g = goal(space, alice)
    services.goal_finish(goal=g, by=alice)
    response = client_for(bob).post(f"/goals/{g.pk}/set-aside")
    assert response.status_code == 409
    body = response.content.decode()
    assert body.count('data-testid="refusal"') == 1
    assert "it is a memory now" in body
