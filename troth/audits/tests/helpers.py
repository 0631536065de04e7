"""Builders for the audit and insights tests: rows in the past, made
directly (the features' services refuse dates that have passed), plus the
audit steps through the audit's own services."""

from __future__ import annotations

import datetime as dt

from troth.audits import services
from troth.checkins.models import Pulse, PulseSettings
from troth.conflicts.models import Conflict, ConflictView
from troth.lib.content import Visibility
from troth.moments.models import Moment
from troth.promises.models import Promise, State
from troth.questions.models import Round
from troth.schedule.models import RitualMark

UTC = dt.UTC


def at(day: str, hour: int = 12) -> dt.datetime:
    """A moment on an ISO day, in UTC (the test people live in UTC)."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=UTC)


def promise(space, author, due: str, state: str = State.KEPT, **extra) -> Promise:
    """A promise from `author` to their partner due by the end of `due`."""
    p = Promise(
        space=space,
        author=author,
        promisee=space.partner_of(author),
        created=at(due) - dt.timedelta(days=7),
        state=state,
        **extra,
    )
    p.set_terms(
        text="Take the bins out",
        due_date=dt.date.fromisoformat(due),
        due_time=None,
        tz="UTC",
    )
    p.save()
    return p


def share_pulse(user, share: bool = True) -> None:
    PulseSettings.objects.update_or_create(user=user, defaults={"share": share})


def pulse(space, author, day: str, *, shared: bool, **answers) -> Pulse:
    return Pulse.objects.create(
        space=space,
        author=author,
        day=dt.date.fromisoformat(day),
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        **answers,
    )


def moment(
    space, author, day: str, *, about: str = "partner", shared: bool = True
) -> Moment:
    return Moment.objects.create(
        space=space,
        author=author,
        about=about,
        subject=space.partner_of(author) if about == "partner" else author,
        kind="listened",
        occurred_on=dt.date.fromisoformat(day),
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
    )


def revealed_round(space, day: str, *, revealed: bool = True) -> Round:
    return Round.objects.create(
        space=space,
        day=dt.date.fromisoformat(day),
        key=f"test-{day}",
        level=1,
        revealed_at=at(day, 20) if revealed else None,
    )


def conflict(space, alice, bob, when: dt.datetime, *, views: dict) -> Conflict:
    """A disagreement logged by alice; `views` maps a person to
    (shared, repaired, minutes) for the views they gave."""
    c = Conflict.objects.create(
        space=space,
        author=alice,
        topic="Money for the sofa",
        occurred_at=when,
        visibility=Visibility.SHARED
        if views.get(alice, (False,))[0]
        else Visibility.PRIVATE,
    )
    for person, (shared, repaired, minutes) in views.items():
        ConflictView.objects.create(
            space=space,
            author=person,
            conflict=c,
            visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
            intensity=2,
            opening="gentle",
            repaired=repaired,
            repair_minutes=minutes,
        )
    return c


def mark(event, original: dt.datetime, user, happened: bool) -> RitualMark:
    return RitualMark.objects.create(
        event=event, original=original, user=user, happened=happened
    )


def write(audit, person, **answers) -> None:
    services.reflection_save(
        audit=audit,
        by=person,
        went_well=answers.get("went_well", "We walked every evening."),
        differently=answers.get("differently", ""),
        need=answers.get("need", ""),
    )
