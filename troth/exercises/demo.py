"""A few exercises the demo couple did and logged, and one coming up."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType

from troth.exercises import calendar
from troth.exercises.models import ExerciseLog, Session
from troth.lib.content import Visibility
from troth.spaces.models import Activity

DONE = [
    # exercise, days ago, planner, (alex's log), (sam's log)
    (
        "two-minute-check-in",
        150,
        "alex",
        ("helped", "", True),
        ("helped", "Nice way to start the day.", True),
    ),
    (
        "pause-plan",
        118,
        "sam",
        ("helped", "Our word is “tea break”.", True),
        ("mixed", "", False),
    ),
    (
        "when-it-mattered",
        84,
        "alex",
        ("helped", "", True),
        ("helped", "I'd forgotten the airport story.", True),
    ),
    (
        "gentle-start",
        47,
        "sam",
        ("hard", "Harder than it sounds.", False),
        ("mixed", "", True),
    ),
    ("appreciation-week", 20, "alex", ("helped", "", True), None),
]


def _activity(demo, actor, verb, target, when, visibility=Visibility.SHARED):
    Activity.objects.create(
        space=demo.space,
        author=actor,
        verb=verb,
        visibility=visibility,
        created=when,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
    )


def populate(demo) -> None:
    people = {"alex": demo.alex, "sam": demo.sam}
    for slug, days_ago, planner, alex_log, sam_log in DONE:
        starts = (demo.now - timedelta(days=days_ago)).replace(
            hour=19, minute=30, second=0, microsecond=0
        )
        session = Session.objects.create(
            space=demo.space,
            author=people[planner],
            visibility=Visibility.SHARED,
            exercise=slug,
            starts_at=starts,
            created=starts - timedelta(days=3),
        )
        _activity(demo, people[planner], "exercise.scheduled", session, session.created)
        for person, entry in (("alex", alex_log), ("sam", sam_log)):
            if entry is None:
                continue
            outcome, note, shared = entry
            visibility = Visibility.SHARED if shared else Visibility.PRIVATE
            log = ExerciseLog.objects.create(
                space=demo.space,
                author=people[person],
                session=session,
                outcome=outcome,
                note=note,
                visibility=visibility,
                created=starts + timedelta(hours=2),
            )
            _activity(
                demo, people[person], "exercise.logged", log, log.created, visibility
            )
    upcoming = Session.objects.create(
        space=demo.space,
        author=demo.sam,
        visibility=Visibility.SHARED,
        exercise="three-rounds-of-questions",
        starts_at=(demo.now + timedelta(days=4)).replace(
            hour=20, minute=0, second=0, microsecond=0
        ),
        created=demo.now - timedelta(days=1),
    )
    upcoming.event = calendar.add_event(upcoming, by=demo.sam)
    upcoming.save(update_fields=["event"])
    _activity(demo, demo.sam, "exercise.scheduled", upcoming, upcoming.created)
