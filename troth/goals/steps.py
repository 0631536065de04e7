"""The steps of a goal (or adventure) and of its milestones, declared once
(see `troth.spaces.steps`).

    active --(either: finish)--> finished --(either: reflect)--> a reflection
    active --(either: set_aside)--> set aside --(either: resume)--> active
    active --(its author: update)--> active, reworded
    active --(either: add_step)--> a new milestone, owned by one of you

    a milestone of an active goal:
        open --(its owner: complete)--> done --(its owner: reopen)--> open
        open --(whoever added it: remove)--> gone

    a reflection:
        shared --(its author: stop)--> private, anytime; the partner isn't told

The services take these steps; the goal's page shows the buttons of
`STEPS.allowed(goal, user)` and, for each milestone,
`MILESTONE_STEPS.allowed(milestone, user)`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.goals.models import Goal, Status
from troth.spaces.steps import (
    Check,
    Step,
    Steps,
    author,
    role,
    taking_back_steps,
)


def inactive_message(goal: Goal) -> str:
    """Why a goal that isn't in progress can't be changed."""
    if goal.status == Status.SET_ASIDE:
        return str(_("This is finished or set aside; resume it first to change it."))
    return str(_("This is finished: it is a memory now and stays as it was."))


STEPS = Steps(
    Step(
        "update",
        source=[Status.ACTIVE],
        who=author(_("Only the person who wrote this can change its wording.")),
        verb="goal.updated",
    ),
    Step("add_step", source=[Status.ACTIVE]),
    Step(
        "finish",
        source=[Status.ACTIVE],
        target=Status.FINISHED,
        verb="goal.finished",
    ),
    Step(
        "set_aside",
        source=[Status.ACTIVE],
        target=Status.SET_ASIDE,
        verb="goal.set_aside",
    ),
    Step(
        "resume",
        when=(
            Check(
                lambda g, u, now: g.status == Status.SET_ASIDE,
                _("Only a goal that was set aside can be resumed."),
                "wrong_state",
            ),
        ),
        target=Status.ACTIVE,
        verb="goal.resumed",
    ),
    Step(
        "reflect",
        when=(
            Check(
                lambda g, u, now: g.is_finished,
                _("Reflections come once it is finished."),
                "not_finished",
            ),
        ),
        # The reflection's own activity, shared or not, is the service's.
    ),
    state="status",
    related=("space", "author"),
    state_message=inactive_message,
)


GOAL_ACTIVE = Check(
    lambda m, u, now: m.goal.is_active,
    lambda m: inactive_message(m.goal),
    "wrong_state",
)


def _owner(message) -> Check:
    return role(lambda m, u: m.owner_id == u.pk, message)


def _milestone_done(done: bool, message, code: str) -> tuple[Check, Check]:
    """What a milestone's step needs: its goal in progress, and the
    milestone done (`done=True`) or not yet; `message` says why not."""
    return (GOAL_ACTIVE, Check(lambda m, u, now: m.is_done == done, message, code))


MILESTONE_STEPS = Steps(
    Step(
        "complete",
        who=_owner(_("Only the person whose step it is can tick it off.")),
        when=_milestone_done(False, _("This step is already done."), "already_done"),
        verb="milestone.done",
    ),
    Step(
        "reopen",
        who=_owner(_("Only the person whose step it is can change it.")),
        when=_milestone_done(True, _("This step isn't done yet."), "not_done"),
        verb="milestone.reopened",
    ),
    Step(
        "remove",
        who=author(_("Only the person who added a step can remove it.")),
        when=_milestone_done(
            False, _("A step that is done stays; untick it first."), "done"
        ),
        # The activity is about the goal, the step being gone (see the
        # service).
    ),
    space=lambda m: m.goal.space,
    related=("goal__space",),
)


REFLECTION_STEPS = taking_back_steps(
    "goal.reflection_stopped", not_shared=_("Your reflection is not shared.")
)
