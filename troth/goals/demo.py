"""The demo couple's goals: two shared goals under way, one finished
adventure with a reflection from each, and one adventure coming up.

Each is declared once below, in days counted from the demo's `now`; the
partners are named by "alex" and "sam"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from troth.goals import calendar
from troth.goals.builders import (
    build_finished,
    build_goal,
    build_milestone,
    build_reflection,
)
from troth.goals.models import Kind

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# A step: its title, whose it is, due in so many days (or no date), done
# so many days after the goal began (or open).
type Step = tuple[StrOrPromise, str, int | None, int | None]
# A reflection: who wrote it, what, so many days after the finish.
type Said = tuple[str, StrOrPromise, int]


@dataclass(frozen=True)
class DemoGoal:
    """One goal or adventure of the demo couple: who started it, so many
    days ago, its words and its steps."""

    by: str
    started_ago: int
    title: StrOrPromise
    why: StrOrPromise
    steps: tuple[Step, ...]
    kind: str = Kind.GOAL
    budget: StrOrPromise = ""
    date_in: int | None = None  # its date, so many days from now
    start_time: time | None = None
    finished: tuple[str, int] | None = None  # by whom, so many days ago
    reflections: tuple[Said, ...] = ()
    on_calendar: bool = False


GOALS = (
    DemoGoal(
        "sam",
        120,
        _("Save for a week in Lisbon"),
        _("We keep saying “one day”. Let's make it next spring."),
        date_in=150,
        steps=(
            (_("Open a shared savings pot"), "alex", None, 3),
            (_("Set up a monthly transfer"), "sam", None, 6),
            (_("Pick the neighbourhood to stay in"), "sam", None, 40),
            (_("Compare train and plane"), "alex", 12, None),
            (_("Book the flat"), "sam", 40, None),
        ),
    ),
    DemoGoal(
        "alex",
        75,
        _("One evening a week without screens"),
        _("We end up side by side on our phones more than we'd like."),
        steps=(
            (_("Choose the evening"), "alex", None, 2),
            (_("Make a list of things to do instead"), "sam", None, 9),
            (_("Find a board game we both like"), "alex", 5, None),
        ),
    ),
    DemoGoal(
        "alex",
        60,
        _("Night walk to the lighthouse"),
        _("Walk the coast path at dusk and watch the light come on."),
        kind=Kind.ADVENTURE,
        budget=_("Train tickets and a thermos of tea"),
        date_in=-41,
        start_time=time(17, 30),
        steps=(
            (_("Check the tide times"), "alex", None, 5),
            (_("Pack head torches and warm layers"), "sam", None, 18),
            (_("Book the late train back"), "alex", None, 10),
        ),
        finished=("sam", 40),
        reflections=(
            (
                "sam",
                _(
                    "I loved how quiet it was once we passed the last houses. "
                    "Let's do one walk like this every season."
                ),
                1,
            ),
            (
                "alex",
                _(
                    "I was nervous about the dark path, and you just took my hand "
                    "without me asking. That stayed with me."
                ),
                3,
            ),
        ),
    ),
    DemoGoal(
        "sam",
        6,
        _("Cook something from the Saturday market"),
        _("Each of us picks one ingredient we've never cooked with."),
        kind=Kind.ADVENTURE,
        budget=_("About 30 for the two of us"),
        date_in=9,
        start_time=time(10, 0),
        steps=(
            (_("Find a recipe for whatever I pick"), "sam", 8, None),
            (_("Clear the kitchen table the night before"), "alex", 8, None),
        ),
        on_calendar=True,
    ),
)


def populate(demo) -> None:
    for spec in GOALS:
        _build(demo, spec)


def _build(demo, spec: DemoGoal) -> None:
    people = {"alex": demo.alex, "sam": demo.sam}
    author, now = people[spec.by], demo.now

    def day(days: int | None):
        return None if days is None else (now + timedelta(days=days)).date()

    goal = build_goal(
        demo.space,
        author,
        at=now - timedelta(days=spec.started_ago),
        kind=spec.kind,
        title=str(spec.title),
        why=str(spec.why),
        budget=str(spec.budget),
        target_date=day(spec.date_in),
        start_time=spec.start_time,
    )
    for title, owner, due_in, done_after in spec.steps:
        build_milestone(
            goal,
            author,
            people[owner],
            title=str(title),
            target_date=day(due_in),
            done_at=goal.created + timedelta(days=done_after) if done_after else None,
        )
    if spec.finished:
        finisher, days_ago = spec.finished
        finished = now - timedelta(days=days_ago)
        build_finished(goal, people[finisher], at=finished)
        for writer, text, days in spec.reflections:
            build_reflection(
                goal, people[writer], text=str(text), at=finished + timedelta(days=days)
            )
    if spec.on_calendar:
        calendar.sync_adventure(goal, by=author)
