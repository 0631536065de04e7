"""Set-ups for the audit and insights tests: rows in the past, made by the
features' own builders (troth/<app>/builders.py, as the demo makes them;
the services refuse dates that have passed), plus the audit steps through
the audit's own services."""

from __future__ import annotations

import datetime as dt

from troth.audits import services
from troth.checkins.builders import build_pulse, build_pulse_settings
from troth.checkins.models import Pulse
from troth.conflicts.builders import build_conflict, build_view
from troth.conflicts.models import Conflict
from troth.moments.builders import build_moment
from troth.moments.models import Moment
from troth.promises.builders import build_promise
from troth.promises.models import Promise, State
from troth.questions.builders import build_round
from troth.questions.models import Round
from troth.schedule.builders import build_mark
from troth.schedule.models import RitualMark

UTC = dt.UTC


def at(day: str, hour: int = 12) -> dt.datetime:
    """A moment on an ISO day, in UTC (the test people live in UTC)."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=UTC)


def promise(space, author, due: str, state: str = State.KEPT, **extra) -> Promise:
    """A promise from `author` to their partner due by the end of `due`,
    already in `state` (its fields in `extra`, the history only its making)."""
    return build_promise(
        space,
        author,
        text="Take the bins out",
        due_date=dt.date.fromisoformat(due),
        made_at=at(due) - dt.timedelta(days=7),
        tz="UTC",
        state=state,
        **extra,
    )


def share_pulse(user, share: bool = True) -> None:
    build_pulse_settings(user, share=share)


def pulse(space, author, day: str, *, shared: bool, **answers) -> Pulse:
    return build_pulse(
        space, author, dt.date.fromisoformat(day), shared=shared, **answers
    )


def moment(
    space, author, day: str, *, about: str = "partner", shared: bool = True
) -> Moment:
    return build_moment(
        space,
        author,
        about=about,
        kind="listened",
        occurred_on=dt.date.fromisoformat(day),
        shared=shared,
    )


def revealed_round(space, day: str, *, revealed: bool = True) -> Round:
    return build_round(
        space,
        dt.date.fromisoformat(day),
        key=f"test-{day}",
        level=1,
        revealed_at=at(day, 20) if revealed else None,
    )


def conflict(space, alice, bob, when: dt.datetime, *, views: dict) -> Conflict:
    """A disagreement logged by alice; `views` maps a person to
    (shared, repaired, minutes) for the views they gave."""
    c = build_conflict(
        space,
        alice,
        topic="Money for the sofa",
        occurred_at=when,
        shared=views.get(alice, (False,))[0],
    )
    for person, (shared, repaired, minutes) in views.items():
        build_view(
            c,
            person,
            shared=shared,
            intensity=2,
            opening="gentle",
            repaired=repaired,
            repair_minutes=minutes,
        )
    return c


def mark(event, original: dt.datetime, user, happened: bool) -> RitualMark:
    return build_mark(event, original, user, happened=happened)


def write(audit, person, **answers) -> None:
    services.reflection_save(
        audit=audit,
        by=person,
        went_well=answers.get("went_well", "We walked every evening."),
        differently=answers.get("differently", ""),
        need=answers.get("need", ""),
    )
