"""The demo couple's goals: two shared goals under way, one finished
adventure with a reflection from each, and one adventure coming up."""

from __future__ import annotations

from datetime import time, timedelta

from troth.goals import calendar
from troth.goals.builders import (
    build_finished,
    build_goal,
    build_milestone,
    build_reflection,
)
from troth.goals.models import Kind


def _steps(demo, goal, author, steps) -> None:
    for title, owner, due_in, done_after in steps:
        build_milestone(
            goal,
            author,
            owner,
            title=title,
            target_date=(demo.now + timedelta(days=due_in)).date() if due_in else None,
            done_at=goal.created + timedelta(days=done_after) if done_after else None,
        )


def populate(demo) -> None:
    _lisbon(demo)
    _screen_free_evenings(demo)
    _lighthouse(demo)
    _market(demo)


def _lisbon(demo) -> None:
    """A shared goal under way: saving for a trip."""
    alex, sam, now = demo.alex, demo.sam, demo.now

    lisbon = build_goal(
        demo.space,
        sam,
        at=now - timedelta(days=120),
        title="Save for a week in Lisbon",
        why="We keep saying “one day”. Let's make it next spring.",
        target_date=(now + timedelta(days=150)).date(),
    )
    _steps(
        demo,
        lisbon,
        sam,
        [
            ("Open a shared savings pot", alex, None, 3),
            ("Set up a monthly transfer", sam, None, 6),
            ("Pick the neighbourhood to stay in", sam, None, 40),
            ("Compare train and plane", alex, 12, None),
            ("Book the flat", sam, 40, None),
        ],
    )


def _screen_free_evenings(demo) -> None:
    """A shared goal under way: an evening a week without screens."""
    alex, sam, now = demo.alex, demo.sam, demo.now

    evenings = build_goal(
        demo.space,
        alex,
        at=now - timedelta(days=75),
        title="One evening a week without screens",
        why="We end up side by side on our phones more than we'd like.",
    )
    _steps(
        demo,
        evenings,
        alex,
        [
            ("Choose the evening", alex, None, 2),
            ("Make a list of things to do instead", sam, None, 9),
            ("Find a board game we both like", alex, 5, None),
        ],
    )


def _lighthouse(demo) -> None:
    """A finished adventure, with a reflection from each."""
    alex, sam, now = demo.alex, demo.sam, demo.now

    hike = build_goal(
        demo.space,
        alex,
        at=now - timedelta(days=60),
        kind=Kind.ADVENTURE,
        title="Night walk to the lighthouse",
        why="Walk the coast path at dusk and watch the light come on.",
        budget="Train tickets and a thermos of tea",
        target_date=(now - timedelta(days=41)).date(),
        start_time=time(17, 30),
    )
    _steps(
        demo,
        hike,
        alex,
        [
            ("Check the tide times", alex, None, 5),
            ("Pack head torches and warm layers", sam, None, 18),
            ("Book the late train back", alex, None, 10),
        ],
    )
    finished = now - timedelta(days=40)
    build_finished(hike, sam, at=finished)
    for author, text, days in (
        (
            sam,
            "I loved how quiet it was once we passed the last houses. "
            "Let's do one walk like this every season.",
            1,
        ),
        (
            alex,
            "I was nervous about the dark path, and you just took my hand "
            "without me asking. That stayed with me.",
            3,
        ),
    ):
        build_reflection(hike, author, text=text, at=finished + timedelta(days=days))


def _market(demo) -> None:
    """An adventure coming up, in both calendars."""
    alex, sam, now = demo.alex, demo.sam, demo.now

    market = build_goal(
        demo.space,
        sam,
        at=now - timedelta(days=6),
        kind=Kind.ADVENTURE,
        title="Cook something from the Saturday market",
        why="Each of us picks one ingredient we've never cooked with.",
        budget="About 30 for the two of us",
        target_date=(now + timedelta(days=9)).date(),
        start_time=time(10, 0),
    )
    _steps(
        demo,
        market,
        sam,
        [
            ("Find a recipe for whatever I pick", sam, 8, None),
            ("Clear the kitchen table the night before", alex, 8, None),
        ],
    )
    calendar.sync_adventure(market, by=sam)
