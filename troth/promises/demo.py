"""Six months of promises between Alex and Sam: mostly kept, some missed or
not quite, a few renegotiated or cancelled, a weekly one, and a handful
still open so the dashboard has something to show."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from troth.promises.builders import (
    PromiseDraft,
    build_weekly_series,
    draft_promise,
    save_promises,
)

ALEX_SAYS = [
    _("Call the landlord about the boiler"),
    _("Pick up your prescription on the way home"),
    _("Book the table for your sister's birthday"),
    _("Take the recycling down"),
    _("Fix the wobbly shelf in the hall"),
    _("Send you the photos from the weekend"),
    _("Phone my mum back before the weekend"),
    _("Renew the car insurance"),
    _("Be home by seven so we can eat together"),
    _("Look up trains for the trip in spring"),
    _("Put my phone away during dinner"),
    _("Clean out the fridge"),
    _("Tell you honestly how the interview went"),
    _("Water the balcony plants while you're away"),
]
SAM_SAYS = [
    _("Pay the electricity bill"),
    _("Collect the parcel from the post office"),
    _("Ask my manager about working from home on Fridays"),
    _("Plan something for our Saturday"),
    _("Return the library books"),
    _("Text you when I land"),
    _("Sort out the spare room"),
    _("Call you at lunch on your big day"),
    _("Make the dentist appointment I keep putting off"),
    _("Cook something new this week"),
    _("Be on time for the cinema"),
    _("Walk the dog before work"),
    _("Leave my laptop closed after ten"),
]
NOT_QUITE_NOTES = [
    _("It happened, but a day later than we said."),
    _("Half done: the other half is still waiting."),
    _("You did it, but I had to remind you twice."),
]
RESPONSES = [
    _("Fair. I'll finish it this weekend."),
    _("You're right, I should have told you it would slip."),
]


def _at(day: dt.date, hour: int, user) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0)).replace(tzinfo=user.tz)


def populate(demo) -> None:
    drafts: list[PromiseDraft] = []
    for promiser, promisee, says in (
        (demo.alex, demo.sam, ALEX_SAYS),
        (demo.sam, demo.alex, SAM_SAYS),
    ):
        drafts += _one_off_promises(demo, promiser, promisee, says)
    drafts += _thursday_dinners(demo)
    demo.extra["promises"] = len(save_promises(drafts))


def _one_off_promises(demo, promiser, promisee, says: list) -> list:
    """A promise every few days over the demo's months and the coming week:
    the past ones settled, the coming ones open."""
    rng = demo.rng
    drafts: list[PromiseDraft] = []
    day = demo.start.date() + dt.timedelta(days=rng.randint(1, 4))
    while day <= demo.now.date() + dt.timedelta(days=6):
        draft = _promise_made(demo, promiser, promisee, day, str(rng.choice(says)))
        if draft.promise.due_at > demo.now:
            _still_ahead(demo, draft)
        else:
            _past_due(demo, draft)
        drafts.append(draft)
        day += dt.timedelta(days=rng.randint(2, 5))
    return drafts


def _promise_made(demo, promiser, promisee, day: dt.date, text: str) -> PromiseDraft:
    rng = demo.rng
    timed = rng.random() < 0.4
    due_time = dt.time(rng.choice([9, 12, 18, 19, 20]), 0) if timed else None
    made_at = _at(day - dt.timedelta(days=rng.randint(1, 5)), 20, promiser)
    return draft_promise(
        demo.space,
        promiser,
        to=promisee,
        text=text,
        due_date=day,
        due_time=due_time,
        made_at=made_at,
    )


def _still_ahead(demo, draft: PromiseDraft) -> None:
    """Still ahead: open, a few with something waiting."""
    rng = demo.rng
    made_at = draft.promise.created
    roll = rng.random()
    if roll < 0.2 and made_at < demo.now:
        draft.done(demo.now - dt.timedelta(hours=rng.randint(1, 20)))
    elif roll < 0.3:
        _text, day, _due_time = draft.terms
        draft.proposed(demo.now - dt.timedelta(hours=3), day + dt.timedelta(days=2))
    if made_at > demo.now:
        draft.made_at(demo.now - dt.timedelta(hours=2))


def _past_due(demo, draft: PromiseDraft) -> None:
    roll = demo.rng.random()
    if roll < 0.07:
        # Renegotiated two days before it was due: a later day, accepted.
        asked = draft.promise.due_at - dt.timedelta(days=2)
        _text, day, _due_time = draft.terms
        new_day = day + dt.timedelta(days=demo.rng.randint(2, 4))
        draft.renegotiated(asked, asked + dt.timedelta(hours=2), new_day)
        if draft.promise.due_at > demo.now:
            return  # open on the new terms
        roll = 0.5  # then kept
    _settled(demo, draft, roll)


def _settled(demo, draft: PromiseDraft, roll: float) -> None:
    """Past due: mostly kept, some not quite, a few missed or called off;
    marked done first, and a not quite often answered."""
    rng = demo.rng
    due_at = draft.promise.due_at
    if roll < 0.10:
        draft.missed(due_at + dt.timedelta(minutes=1))
        return
    if roll < 0.12:
        asked = due_at - dt.timedelta(days=1)
        draft.cancelled(asked, asked + dt.timedelta(hours=1))
        return
    done_at = due_at - dt.timedelta(hours=rng.randint(1, 30))
    settled_at = done_at + dt.timedelta(hours=rng.randint(1, 12))
    draft.done(done_at)
    if roll >= 0.2:
        draft.kept(settled_at)
        return
    draft.not_quite(settled_at, str(rng.choice(NOT_QUITE_NOTES)))
    if rng.random() < 0.7:
        draft.responded(settled_at + dt.timedelta(hours=1), str(rng.choice(RESPONSES)))


def _thursday_dinners(demo) -> list[PromiseDraft]:
    """A weekly promise: Sam cooks on Thursdays, for the last ten weeks;
    kept most weeks, now and then missed."""
    today = demo.now.date()
    series_start = today - dt.timedelta(days=70)
    series_start += dt.timedelta(days=(3 - series_start.weekday()) % 7)
    series = build_weekly_series(
        demo.space,
        demo.sam,
        to=demo.alex,
        text=gettext("Cook dinner on Thursday"),
        weekdays=[3],
        starts_on=series_start,
        due_time=dt.time(20, 0),
        made_at=_at(series_start - dt.timedelta(days=2), 19, demo.sam),
        made_until=today + dt.timedelta(days=14),
    )
    drafts = []
    for day in series.dates(series_start, today + dt.timedelta(days=14)):
        draft = draft_promise(
            demo.space,
            demo.sam,
            to=demo.alex,
            series=series,
            text=series.text,
            due_date=day,
            due_time=series.due_time,
            tz=series.tz,
            made_at=series.created,
        )
        due_at = draft.promise.due_at
        if due_at <= demo.now:
            if demo.rng.random() < 0.85:
                draft.done(due_at - dt.timedelta(hours=1))
                draft.kept(due_at + dt.timedelta(hours=1))
            else:
                draft.missed(due_at + dt.timedelta(minutes=1))
        drafts.append(draft)
    return drafts
