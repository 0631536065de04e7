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


def populate(demo) -> None:
    rng = demo.rng
    people = [(demo.alex, demo.sam, ALEX_SAYS), (demo.sam, demo.alex, SAM_SAYS)]
    promises: list[Promise] = []
    events: list[tuple[int, dict]] = []  # (index into promises, event fields)
    start = demo.start.date()
    today = demo.now.date()

    def add(promise: Promise, steps: list[dict]) -> None:
        promises.append(promise)
        for step in steps:
            events.append((len(promises) - 1, step))

    for promiser, promisee, says in people:
        day = start + dt.timedelta(days=rng.randint(1, 4))
        while day <= today + dt.timedelta(days=6):
            text = rng.choice(says)
            timed = rng.random() < 0.4
            due_time = dt.time(rng.choice([9, 12, 18, 19, 20]), 0) if timed else None
            made_at = _at(day - dt.timedelta(days=rng.randint(1, 5)), 20, promiser)
            promise = Promise(
                space=demo.space,
                author=promiser,
                promisee=promisee,
                created=made_at,
            )
            promise.set_terms(
                text=text, due_date=day, due_time=due_time, tz=_tz(promiser)
            )
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
            due_at = promise.due_at
            if due_at > demo.now:
                # Still ahead: open, a few with something waiting.
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
                add(promise, steps)
                day += dt.timedelta(days=rng.randint(2, 5))
                continue
            roll = rng.random()
            if roll < 0.07:
                # Renegotiated two days before, then kept on the new terms.
                asked = due_at - dt.timedelta(days=2)
                new_day = day + dt.timedelta(days=rng.randint(2, 4))
                steps += [
                    {
                        "actor": promiser,
                        "kind": EventKind.PROPOSED,
                        "created": asked,
                        "old_text": text,
                        "new_text": text,
                        "old_due_date": day,
                        "old_due_time": due_time,
                        "new_due_date": new_day,
                        "new_due_time": due_time,
                    },
                    {
                        "actor": promisee,
                        "kind": EventKind.ACCEPTED,
                        "created": asked + dt.timedelta(hours=2),
                        "old_text": text,
                        "new_text": text,
                        "old_due_date": day,
                        "old_due_time": due_time,
                        "new_due_date": new_day,
                        "new_due_time": due_time,
                    },
                ]
                promise.set_terms(
                    text=text, due_date=new_day, due_time=due_time, tz=_tz(promiser)
                )
                promise.renegotiations = 1
                due_at = promise.due_at
                if due_at > demo.now:
                    add(promise, steps)
                    day += dt.timedelta(days=rng.randint(2, 5))
                    continue
                roll = 0.5  # then kept
            if roll < 0.10:
                promise.state = State.MISSED
                promise.settled_at = due_at + dt.timedelta(minutes=1)
                steps.append(
                    {
                        "actor": None,
                        "kind": EventKind.MISSED,
                        "created": promise.settled_at,
                    }
                )
            elif roll < 0.12:
                asked = due_at - dt.timedelta(days=1)
                promise.state = State.CANCELLED
                promise.settled_at = asked + dt.timedelta(hours=1)
                steps += [
                    {
                        "actor": promisee,
                        "kind": EventKind.CANCEL_REQUESTED,
                        "created": asked,
                    },
                    {
                        "actor": promiser,
                        "kind": EventKind.CANCEL_AGREED,
                        "created": promise.settled_at,
                    },
                ]
            else:
                promise.done_at = due_at - dt.timedelta(hours=rng.randint(1, 30))
                promise.settled_at = promise.done_at + dt.timedelta(
                    hours=rng.randint(1, 12)
                )
                steps.append(
                    {
                        "actor": promiser,
                        "kind": EventKind.DONE,
                        "created": promise.done_at,
                    }
                )
                if roll < 0.2:
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
                else:
                    promise.state = State.KEPT
                    steps.append(
                        {
                            "actor": promisee,
                            "kind": EventKind.KEPT,
                            "created": promise.settled_at,
                        }
                    )
            add(promise, steps)
            day += dt.timedelta(days=rng.randint(2, 5))

    # A weekly promise: Sam cooks on Thursdays, for the last ten weeks.
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
    for day in series.dates(series_start, today + dt.timedelta(days=14)):
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
        if promise.due_at <= demo.now:
            if rng.random() < 0.85:
                promise.state = State.KEPT
                promise.done_at = promise.due_at - dt.timedelta(hours=1)
                promise.settled_at = promise.due_at + dt.timedelta(hours=1)
                steps += [
                    {
                        "actor": demo.sam,
                        "kind": EventKind.DONE,
                        "created": promise.done_at,
                    },
                    {
                        "actor": demo.alex,
                        "kind": EventKind.KEPT,
                        "created": promise.settled_at,
                    },
                ]
            else:
                promise.state = State.MISSED
                promise.settled_at = promise.due_at + dt.timedelta(minutes=1)
                steps.append(
                    {
                        "actor": None,
                        "kind": EventKind.MISSED,
                        "created": promise.settled_at,
                    }
                )
        add(promise, steps)

    for promise in promises:
        promise.visibility = "shared"
    saved = Promise.objects.bulk_create(promises)
    PromiseEvent.objects.bulk_create(
        PromiseEvent(promise=saved[index], **fields) for index, fields in events
    )
    demo.extra["promises"] = len(saved)
