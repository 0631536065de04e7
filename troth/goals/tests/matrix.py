"""Goals and their steps are always shared in a space (like promises), so
there is no private variant of them; reflections, which can be private, are
not addressed by URL (a reflection is reached through its goal, and the
reflect page shows only the viewer's own)."""

from tests.matrix import Case
from troth.goals import services
from troth.goals.tests.helpers import goal, step


def alices_goal(world):
    return {"pk": goal(world.space, world.alice).pk}


def finished_goal(world):
    g = goal(world.space, world.alice)
    services.goal_finish(goal=g, by=world.alice)
    services.reflection_save(
        goal=g, author=world.alice, text="Only mine", visibility="private"
    )
    return {"pk": g.pk}


def aside_goal(world):
    g = goal(world.space, world.alice)
    services.goal_set_aside(goal=g, by=world.alice)
    return {"pk": g.pk}


def alices_step(world):
    g = goal(world.space, world.alice)
    return {"pk": step(g, world.alice, world.alice).pk}


def done_step(world):
    g = goal(world.space, world.alice)
    s = step(g, world.alice, world.alice)
    services.milestone_complete(milestone=s, by=world.alice)
    return {"pk": s.pk}


COUPLE = {"alice", "bob"}

CASES = {
    "goals:detail": [
        Case("alice's goal", alices_goal, COUPLE),
        Case("a finished goal with a private reflection", finished_goal, COUPLE),
    ],
    "goals:edit": [
        Case("alice's goal", alices_goal, {"alice"}),
        Case("alice's goal, posted", alices_goal, {"alice"}, method="POST"),
    ],
    "goals:milestone_add": [
        Case("alice's goal", alices_goal, COUPLE, method="POST"),
    ],
    "goals:finish": [Case("alice's goal", alices_goal, COUPLE, method="POST")],
    "goals:set_aside": [Case("alice's goal", alices_goal, COUPLE, method="POST")],
    "goals:resume": [Case("a goal set aside", aside_goal, COUPLE, method="POST")],
    "goals:reflect": [
        Case("a finished goal", finished_goal, COUPLE),
        Case("a finished goal, posted", finished_goal, COUPLE, method="POST"),
    ],
    "goals:milestone_done": [Case("alice's step", alices_step, COUPLE, method="POST")],
    "goals:milestone_reopen": [Case("a done step", done_step, COUPLE, method="POST")],
    "goals:milestone_remove": [
        Case("alice's step", alices_step, COUPLE, method="POST")
    ],
}
