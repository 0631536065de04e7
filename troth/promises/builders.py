"""Builders for promises and their history, for the demo and the tests
alike (see troth/spaces/builders.py for what a builder is).

A promise is drafted in memory with the step that made it, then taken
through the steps it went through (`done`, `kept`, `missed`, ...), each
setting the promise's fields and adding its history row the way the
services do; `save_promises` writes a batch of drafts in two inserts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from troth.lib.content import Visibility
from troth.promises.models import (
    EventKind,
    Promise,
    PromiseEvent,
    PromiseSeries,
    Repeat,
    State,
)


@dataclass
class PromiseDraft:
    """A promise not saved yet, with its history as PromiseEvent fields."""

    promise: Promise
    history: list[dict] = field(default_factory=list)

    @property
    def terms(self) -> tuple[str, dt.date, dt.time | None]:
        """The text, day and time it was made with."""
        made = self.history[0]
        return made["new_text"], made["new_due_date"], made["new_due_time"]

    def made_at(self, at: dt.datetime) -> PromiseDraft:
        """Say it was made at `at` instead."""
        self.promise.created = self.history[0]["created"] = at
        return self

    def _step(self, actor, kind: str, at: dt.datetime, **fields) -> PromiseDraft:
        self.history.append({"actor": actor, "kind": kind, "created": at, **fields})
        return self

    def _change(self, due_date: dt.date) -> dict:
        text, day, due_time = self.terms
        return {
            "old_text": text,
            "new_text": text,
            "old_due_date": day,
            "old_due_time": due_time,
            "new_due_date": due_date,
            "new_due_time": due_time,
        }

    def done(self, at: dt.datetime) -> PromiseDraft:
        """The promiser marked it done."""
        self.promise.state = State.DONE
        self.promise.done_at = at
        return self._step(self.promise.author, EventKind.DONE, at)

    def kept(self, at: dt.datetime) -> PromiseDraft:
        """The promisee confirmed it was kept."""
        self.promise.state = State.KEPT
        self.promise.settled_at = at
        return self._step(self.promise.promisee, EventKind.KEPT, at)

    def not_quite(self, at: dt.datetime, note: str) -> PromiseDraft:
        """The promisee said it was not quite kept."""
        self.promise.state = State.NOT_QUITE
        self.promise.settled_at = at
        return self._step(self.promise.promisee, EventKind.NOT_QUITE, at, note=note)

    def responded(self, at: dt.datetime, note: str) -> PromiseDraft:
        """The promiser answered a "not quite"."""
        return self._step(self.promise.author, EventKind.RESPONDED, at, note=note)

    def missed(self, at: dt.datetime) -> PromiseDraft:
        """Nobody marked it by its time; the clock settled it as missed."""
        self.promise.state = State.MISSED
        self.promise.settled_at = at
        return self._step(None, EventKind.MISSED, at)

    def cancelled(self, asked: dt.datetime, agreed: dt.datetime) -> PromiseDraft:
        """The promisee asked to call it off and the promiser agreed."""
        self.promise.state = State.CANCELLED
        self.promise.settled_at = agreed
        self._step(self.promise.promisee, EventKind.CANCEL_REQUESTED, asked)
        return self._step(self.promise.author, EventKind.CANCEL_AGREED, agreed)

    def proposed(self, at: dt.datetime, due_date: dt.date) -> PromiseDraft:
        """The promiser asked to move it to `due_date`; not answered yet."""
        text, _day, due_time = self.terms
        p = self.promise
        p.proposed_text, p.proposed_due_date = text, due_date
        p.proposed_due_time, p.proposed_at = due_time, at
        return self._step(p.author, EventKind.PROPOSED, at, **self._change(due_date))

    def renegotiated(
        self, asked: dt.datetime, accepted: dt.datetime, due_date: dt.date
    ) -> PromiseDraft:
        """Moved to `due_date`: the promiser asked, the promisee accepted."""
        change = self._change(due_date)
        p = self.promise
        self._step(p.author, EventKind.PROPOSED, asked, **change)
        self._step(p.promisee, EventKind.ACCEPTED, accepted, **change)
        p.set_terms(text=p.text, due_date=due_date, due_time=p.due_time, tz=p.tz)
        p.renegotiations += 1
        return self


def draft_promise(
    space,
    by,
    *,
    text: str,
    due_date: dt.date,
    due_time: dt.time | None = None,
    made_at: dt.datetime,
    to=None,
    tz: str | None = None,
    series: PromiseSeries | None = None,
    **fields,
) -> PromiseDraft:
    """A promise from `by` to `to` (their partner), made at `made_at` (in
    `by`'s time zone unless `tz` says otherwise), open until a step settles
    it."""
    promise = Promise(
        space=space,
        author=by,
        promisee=to or space.partner_of(by),
        created=made_at,
        series=series,
        occurrence_date=due_date if series else None,
        **fields,
    )
    promise.set_terms(
        text=text, due_date=due_date, due_time=due_time, tz=tz or by.timezone
    )
    draft = PromiseDraft(promise)
    return draft._step(
        by,
        EventKind.MADE,
        made_at,
        new_text=text,
        new_due_date=due_date,
        new_due_time=due_time,
    )


def save_promises(drafts: list[PromiseDraft]) -> list[Promise]:
    """Write the drafts and their history, in order."""
    promises = [draft.promise for draft in drafts]
    for promise in promises:
        promise.visibility = Visibility.SHARED
    saved = Promise.objects.bulk_create(promises)
    PromiseEvent.objects.bulk_create(
        PromiseEvent(promise=promise, **fields)
        for promise, draft in zip(saved, drafts, strict=True)
        for fields in draft.history
    )
    return saved


def build_promise(space, by, **terms) -> Promise:
    """One promise, saved, open (see `draft_promise` for the terms)."""
    return save_promises([draft_promise(space, by, **terms)])[0]


def build_weekly_series(
    space,
    by,
    *,
    text: str,
    weekdays: list[int],
    starts_on: dt.date,
    due_time: dt.time | None,
    made_at: dt.datetime,
    made_until: dt.date,
    to=None,
) -> PromiseSeries:
    """A promise that repeats every week on `weekdays`; its occurrences are
    drafted with `draft_promise(..., series=series)`."""
    return PromiseSeries.objects.create(
        space=space,
        author=by,
        promisee=to or space.partner_of(by),
        text=text,
        repeat=Repeat.WEEKLY,
        weekdays=weekdays,
        starts_on=starts_on,
        due_time=due_time,
        tz=by.timezone,
        created=made_at,
        made_until=made_until,
    )
