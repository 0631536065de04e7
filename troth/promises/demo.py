"""Six months of promises between Alex and Sam: mostly kept, some missed or
not quite, a few renegotiated or cancelled, a weekly one, and a handful
still open so the dashboard has something to show."""

from __future__ import annotations

import datetime as dt

from troth.promises.models import (
    EventKind,
    Promise,
    PromiseEvent,
    PromiseSeries,
    Repeat,
    State,
)

ALEX_SAYS = [
    "Call the landlord about the boiler",
    "Pick up your prescription on the way home",
    "Book the table for your sister's birthday",
    "Take the recycling down",
    "Fix the wobbly shelf in the hall",
    "Send you the photos from the weekend",
    "Phone my mum back before the weekend",
    "Renew the car insurance",
    "Be home by seven so we can eat together",
    "Look up trains for the trip in spring",
    "Put my phone away during dinner",
    "Clean out the fridge",
    "Tell you honestly how the interview went",
    "Water the balcony plants while you're away",
]
SAM_SAYS = [
    "Pay the electricity bill",
    "Collect the parcel from the post office",
    "Ask my manager about working from home on Fridays",
    "Plan something for our Saturday",
    "Return the library books",
    "Text you when I land",
    "Sort out the spare room",
    "Call you at lunch on your big day",
    "Make the dentist appointment I keep putting off",
    "Cook something new this week",
    "Be on time for the cinema",
    "Walk the dog before work",
    "Leave my laptop closed after ten",
]
NOT_QUITE_NOTES = [
    "It happened, but a day later than we said.",
    "Half done: the other half is still waiting.",
    "You did it, but I had to remind you twice.",
]
RESPONSES = [
    "Fair. I'll finish it this weekend.",
    "You're right, I should have told you it would slip.",
]


def _tz(user) -> str:
    return user.timezone


def _at(day: dt.date, hour: int, user) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0)).replace(tzinfo=user.tz)


Made = list[tuple[Promise, list[dict]]]  # each promise with its history steps


def populate(demo) -> None:
    made: Made = []
    for promiser, promisee, says in (
        (demo.alex, demo.sam, ALEX_SAYS),
        (demo.sam, demo.alex, SAM_SAYS),
    ):
        made += _one_off_promises(demo, promiser, promisee, says)
    made += _thursday_dinners(demo)
    promises = [promise for promise, _steps in made]
    for promise in promises:
        promise.visibility = "shared"
    saved = Promise.objects.bulk_create(promises)
    PromiseEvent.objects.bulk_create(
        PromiseEvent(promise=saved[index], **fields)
        for index, (_promise, steps) in enumerate(made)
        for fields in steps
    )
    demo.extra["promises"] = len(saved)


def _one_off_promises(demo, promiser, promisee, says: list[str]) -> Made:
    """A promise every few days over the demo's months and the coming week:
    the past ones settled, the coming ones open."""
    rng = demo.rng
    made: Made = []
    day = demo.start.date() + dt.timedelta(days=rng.randint(1, 4))
    while day <= demo.now.date() + dt.timedelta(days=6):
        promise, steps = _promise_made(demo, promiser, promisee, day, rng.choice(says))
        if promise.due_at > demo.now:
            _still_ahead(demo, promise, steps)
        else:
            _past_due(demo, promise, steps)
        made.append((promise, steps))
        day += dt.timedelta(days=rng.randint(2, 5))
    return made


def _promise_made(
    demo, promiser, promisee, day: dt.date, text: str
) -> tuple[Promise, list[dict]]:
    rng = demo.rng
    timed = rng.random() < 0.4
    due_time = dt.time(rng.choice([9, 12, 18, 19, 20]), 0) if timed else None
    made_at = _at(day - dt.timedelta(days=rng.randint(1, 5)), 20, promiser)
    promise = Promise(
        space=demo.space,
        author=promiser,
        promisee=promisee,
        created=made_at,
    )
    promise.set_terms(text=text, due_date=day, due_time=due_time, tz=_tz(promiser))
    steps = [
        {
            "actor": promiser,
            "kind": EventKind.MADE,
            "created": made_at,
            "new_text": text,
            "new_due_date": day,
            "new_due_time": due_time,
        }
    ]
    return promise, steps


def _still_ahead(demo, promise: Promise, steps: list[dict]) -> None:
    """Still ahead: open, a few with something waiting."""
    rng = demo.rng
    promiser, made_at = promise.author, steps[0]["created"]
    text, day, due_time = (steps[0][k] for k in _TERMS)
    roll = rng.random()
    if roll < 0.2 and made_at < demo.now:
        promise.state = State.DONE
        promise.done_at = demo.now - dt.timedelta(hours=rng.randint(1, 20))
        steps.append(
            {
                "actor": promiser,
                "kind": EventKind.DONE,
                "created": promise.done_at,
            }
        )
    elif roll < 0.3:
        promise.proposed_text = text
        promise.proposed_due_date = day + dt.timedelta(days=2)
        promise.proposed_due_time = due_time
        promise.proposed_at = demo.now - dt.timedelta(hours=3)
        steps.append(
            {
                "actor": promiser,
                "kind": EventKind.PROPOSED,
                "created": promise.proposed_at,
                "old_text": text,
                "new_text": text,
                "old_due_date": day,
                "old_due_time": due_time,
                "new_due_date": promise.proposed_due_date,
                "new_due_time": due_time,
            }
        )
    if made_at > demo.now:
        promise.created = demo.now - dt.timedelta(hours=2)
        steps[0]["created"] = promise.created


# The terms a promise was made with, as its first step records them.
_TERMS = ("new_text", "new_due_date", "new_due_time")


def _past_due(demo, promise: Promise, steps: list[dict]) -> None:
    roll = demo.rng.random()
    if roll < 0.07:
        _renegotiate(demo, promise, steps)
        if promise.due_at > demo.now:
            return  # open on the new terms
        roll = 0.5  # then kept
    _settled(demo, promise, steps, roll)


def _renegotiate(demo, promise: Promise, steps: list[dict]) -> None:
    """Renegotiated two days before it was due: a later day, accepted."""
    promiser, promisee = promise.author, promise.promisee
    text, day, due_time = (steps[0][k] for k in _TERMS)
    asked = promise.due_at - dt.timedelta(days=2)
    new_day = day + dt.timedelta(days=demo.rng.randint(2, 4))
    terms = {
        "old_text": text,
        "new_text": text,
        "old_due_date": day,
        "old_due_time": due_time,
        "new_due_date": new_day,
        "new_due_time": due_time,
    }
    steps += [
        {"actor": promiser, "kind": EventKind.PROPOSED, "created": asked, **terms},
        {
            "actor": promisee,
            "kind": EventKind.ACCEPTED,
            "created": asked + dt.timedelta(hours=2),
            **terms,
        },
    ]
    promise.set_terms(text=text, due_date=new_day, due_time=due_time, tz=_tz(promiser))
    promise.renegotiations = 1


def _settled(demo, promise: Promise, steps: list[dict], roll: float) -> None:
    """Past due: mostly kept, some not quite, a few missed or called off."""
    promiser, promisee, due_at = promise.author, promise.promisee, promise.due_at
    if roll < 0.10:
        promise.state = State.MISSED
        promise.settled_at = due_at + dt.timedelta(minutes=1)
        steps.append(
            {"actor": None, "kind": EventKind.MISSED, "created": promise.settled_at}
        )
    elif roll < 0.12:
        asked = due_at - dt.timedelta(days=1)
        promise.state = State.CANCELLED
        promise.settled_at = asked + dt.timedelta(hours=1)
        steps += [
            {"actor": promisee, "kind": EventKind.CANCEL_REQUESTED, "created": asked},
            {
                "actor": promiser,
                "kind": EventKind.CANCEL_AGREED,
                "created": promise.settled_at,
            },
        ]
    else:
        _done_and_answered(demo, promise, steps, roll)


def _done_and_answered(demo, promise: Promise, steps: list[dict], roll: float) -> None:
    """Marked done, then kept, or not quite (often with a response)."""
    rng = demo.rng
    promiser, promisee, due_at = promise.author, promise.promisee, promise.due_at
    promise.done_at = due_at - dt.timedelta(hours=rng.randint(1, 30))
    promise.settled_at = promise.done_at + dt.timedelta(hours=rng.randint(1, 12))
    steps.append(
        {"actor": promiser, "kind": EventKind.DONE, "created": promise.done_at}
    )
    if roll >= 0.2:
        promise.state = State.KEPT
        steps.append(
            {"actor": promisee, "kind": EventKind.KEPT, "created": promise.settled_at}
        )
        return
    promise.state = State.NOT_QUITE
    steps.append(
        {
            "actor": promisee,
            "kind": EventKind.NOT_QUITE,
            "created": promise.settled_at,
            "note": rng.choice(NOT_QUITE_NOTES),
        }
    )
    if rng.random() < 0.7:
        steps.append(
            {
                "actor": promiser,
                "kind": EventKind.RESPONDED,
                "created": promise.settled_at + dt.timedelta(hours=1),
                "note": rng.choice(RESPONSES),
            }
        )


def _thursday_dinners(demo) -> Made:
    """A weekly promise: Sam cooks on Thursdays, for the last ten weeks."""
    today = demo.now.date()
    series_start = today - dt.timedelta(days=70)
    series_start += dt.timedelta(days=(3 - series_start.weekday()) % 7)
    series = PromiseSeries.objects.create(
        space=demo.space,
        author=demo.sam,
        promisee=demo.alex,
        text="Cook dinner on Thursday",
        repeat=Repeat.WEEKLY,
        weekdays=[3],
        starts_on=series_start,
        due_time=dt.time(20, 0),
        tz=_tz(demo.sam),
        created=_at(series_start - dt.timedelta(days=2), 19, demo.sam),
        made_until=today + dt.timedelta(days=14),
    )
    return [
        _dinner(demo, series, day)
        for day in series.dates(series_start, today + dt.timedelta(days=14))
    ]


def _dinner(demo, series: PromiseSeries, day: dt.date) -> tuple[Promise, list[dict]]:
    """One Thursday: kept most weeks, now and then missed."""
    promise = Promise(
        space=demo.space,
        author=demo.sam,
        promisee=demo.alex,
        series=series,
        occurrence_date=day,
        created=series.created,
    )
    promise.set_terms(
        text=series.text, due_date=day, due_time=series.due_time, tz=series.tz
    )
    steps = [
        {
            "actor": demo.sam,
            "kind": EventKind.MADE,
            "created": series.created,
            "new_text": series.text,
            "new_due_date": day,
            "new_due_time": series.due_time,
        }
    ]
    if promise.due_at > demo.now:
        return promise, steps
    if demo.rng.random() < 0.85:
        promise.state = State.KEPT
        promise.done_at = promise.due_at - dt.timedelta(hours=1)
        promise.settled_at = promise.due_at + dt.timedelta(hours=1)
        steps += [
            {"actor": demo.sam, "kind": EventKind.DONE, "created": promise.done_at},
            {"actor": demo.alex, "kind": EventKind.KEPT, "created": promise.settled_at},
        ]
    else:
        promise.state = State.MISSED
        promise.settled_at = promise.due_at + dt.timedelta(minutes=1)
        steps.append(
            {"actor": None, "kind": EventKind.MISSED, "created": promise.settled_at}
        )
    return promise, steps
