"""Builders for a repair and its parts (account, mirrors, apologies and
answers, plan items, notes, therapy sessions, check-ins) and its history,
for the demo and the tests alike (see troth/spaces/builders.py for what a
builder is). Rows are made directly with their own dates, so building
raises no notifications."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from troth.promises.builders import draft_promise, save_promises
from troth.promises.models import Promise
from troth.repair.models import OpenedAs, Repair, RepairEvent


def build_repair(
    space,
    author,
    *,
    other,
    summary: str,
    at: dt.datetime,
    opened_as: str = OpenedAs.HURT,
    **fields,
) -> Repair:
    """A repair `author` opened at `at`, as the one hurt by `other`; `fields`
    holds the rest (`touches`, `clause`, `seriousness`)."""
    return Repair.objects.create(
        space=space,
        author=author,
        opened_as=opened_as,
        hurt=author,
        other=other,
        summary=summary,
        created=at,
        **fields,
    )


def build_part(repair: Repair, model, by, at: dt.datetime, **fields):
    """A row of the repair (`model`: Account, Mirror, ApologyVersion, Note,
    ...), by one of them, at `at`, with its own fields."""
    return model.objects.create(
        space=repair.space, author=by, repair=repair, created=at, **fields
    )


def build_history(repair: Repair, events: list[tuple]) -> list[RepairEvent]:
    """The repair's history from (actor, kind, at, fields) tuples, in order."""
    return RepairEvent.objects.bulk_create(
        RepairEvent(repair=repair, actor=actor, kind=kind, created=at, **fields)
        for actor, kind, at, fields in events
    )


def build_plan_promise(
    repair: Repair,
    text: str,
    *,
    by,
    to,
    made: dt.datetime,
    due: dt.date,
    kept: bool,
) -> Promise:
    """A promise in the repair's plan; with `kept`, done the day before it
    was due and confirmed three hours later."""
    draft = draft_promise(
        repair.space,
        by,
        to=to,
        text=text,
        due_date=due,
        made_at=made,
        origin_type=ContentType.objects.get_for_model(Repair),
        origin_id=repair.pk,
    )
    if kept:
        done = draft.promise.due_at - dt.timedelta(hours=20)
        draft.done(done).kept(done + dt.timedelta(hours=3))
    return save_promises([draft])[0]
