"""A few exercises the demo couple did and logged, and one coming up."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from troth.exercises.builders import build_log, build_session

DONE = [
    # exercise, days ago, planner, (alex's log), (sam's log)
    (
        "two-minute-check-in",
        150,
        "alex",
        ("helped", "", True),
        ("helped", _("Nice way to start the day."), True),
    ),
    (
        "pause-plan",
        118,
        "sam",
        ("helped", _("Our word is “tea break”."), True),
        ("mixed", "", False),
    ),
    (
        "when-it-mattered",
        84,
        "alex",
        ("helped", "", True),
        ("helped", _("I'd forgotten the airport story."), True),
    ),
    (
        "gentle-start",
        47,
        "sam",
        ("hard", _("Harder than it sounds."), False),
        ("mixed", "", True),
    ),
    (
        "the-week-ahead",
        33,
        "sam",
        ("helped", "", True),
        ("helped", _("Sundays after breakfast from now on."), True),
    ),
    ("appreciation-week", 20, "alex", ("helped", "", True), None),
]


def populate(demo) -> None:
    people = {"alex": demo.alex, "sam": demo.sam}
    for slug, days_ago, planner, alex_log, sam_log in DONE:
        starts = (demo.now - timedelta(days=days_ago)).replace(
            hour=19, minute=30, second=0, microsecond=0
        )
        session = build_session(
            demo.space,
            people[planner],
            exercise=slug,
            starts_at=starts,
            at=starts - timedelta(days=3),
        )
        for person, entry in (("alex", alex_log), ("sam", sam_log)):
            if entry is None:
                continue
            outcome, note, shared = entry
            build_log(
                session,
                people[person],
                outcome=outcome,
                note=str(note),
                shared=shared,
                at=starts + timedelta(hours=2),
            )
    build_session(
        demo.space,
        demo.sam,
        exercise="three-rounds-of-questions",
        starts_at=(demo.now + timedelta(days=4)).replace(
            hour=20, minute=0, second=0, microsecond=0
        ),
        at=demo.now - timedelta(days=1),
        in_calendar=True,
    )
