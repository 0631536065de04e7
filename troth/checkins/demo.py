"""Statuses from the last fortnight and six months of daily pulses: Sam
shares their pulse with Alex; Alex keeps theirs private and has a reminder
at nine in the evening."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from troth.checkins.builders import build_pulse, build_pulse_settings, build_status
from troth.checkins.models import ITEMS, Kind, Pulse, Status

CUSTOM = [
    _("Stuck at the station, train cancelled"),
    _("At the shop, need anything?"),
    _("Long meeting, will call after"),
    _("Gym, then home"),
]
NOTES = [
    _("Felt a bit distant after the phone call, but we talked it through."),
    _("Lovely evening. The walk helped."),
    _("Tired and short with each other. Not a big deal."),
    _("Really noticed the effort today."),
]


def _statuses(demo) -> list[Status]:
    rng = demo.rng
    rows = []
    for days_ago in range(14, 0, -1):
        for person in demo.partners:
            if rng.random() < 0.5:
                continue
            sent = demo.now - dt.timedelta(days=days_ago, hours=rng.randint(0, 10))
            kind = rng.choice(
                [
                    Kind.ON_MY_WAY,
                    Kind.RUNNING_LATE,
                    Kind.ARRIVED,
                    Kind.THINKING_OF_YOU,
                    Kind.CUSTOM,
                ]
            )
            fields: dict = {}
            if kind == Kind.ON_MY_WAY:
                fields["eta"] = sent + dt.timedelta(minutes=20)
                expires_at = fields["eta"] + dt.timedelta(minutes=30)
            elif kind == Kind.RUNNING_LATE:
                fields["late_minutes"] = rng.choice([10, 15, 20])
                expires_at = sent + dt.timedelta(minutes=fields["late_minutes"] + 30)
            elif kind == Kind.CUSTOM:
                fields["text"] = str(rng.choice(CUSTOM))
                expires_at = sent + dt.timedelta(hours=8)
            else:
                expires_at = sent + dt.timedelta(hours=2)
            rows.append(
                build_status(
                    demo.space,
                    person,
                    kind=kind,
                    at=sent,
                    expires_at=expires_at,
                    save=False,
                    **fields,
                )
            )
    # Something current from Sam for Alex's dashboard.
    rows.append(
        build_status(
            demo.space,
            demo.sam,
            kind=Kind.THINKING_OF_YOU,
            at=demo.now - dt.timedelta(minutes=25),
            expires_at=demo.now + dt.timedelta(hours=5),
            save=False,
        )
    )
    return rows


def _pulses(demo, person, *, base: float, share: bool, rate: float) -> list[Pulse]:
    rng = demo.rng
    rows = []
    level = base
    today = demo.now.astimezone(person.tz).date()
    day = demo.start.astimezone(person.tz).date()
    while day < today:  # today is left for the person to answer
        level = min(6.5, max(2.5, level + rng.uniform(-0.25, 0.27)))
        if rng.random() < rate:
            answers: dict[str, int | None] = {}
            for item in ITEMS:
                if rng.random() < 0.07:
                    answers[item] = None  # skipped now and then
                else:
                    answers[item] = min(
                        7, max(1, round(level + rng.uniform(-1.2, 1.2)))
                    )
            if all(v is None for v in answers.values()):
                answers["faith"] = round(level)
            rows.append(
                build_pulse(
                    demo.space,
                    person,
                    day,
                    shared=share,
                    note=str(rng.choice(NOTES)) if rng.random() < 0.1 else "",
                    at=dt.datetime.combine(day, dt.time(21, 15), person.tz),
                    save=False,
                    **answers,
                )
            )
        day += dt.timedelta(days=1)
    return rows


def populate(demo) -> None:
    Status.objects.bulk_create(_statuses(demo))
    Pulse.objects.bulk_create(
        _pulses(demo, demo.sam, base=5.0, share=True, rate=0.8)
        + _pulses(demo, demo.alex, base=4.4, share=False, rate=0.65)
    )
    build_pulse_settings(demo.sam, share=True)
    build_pulse_settings(demo.alex, share=False, remind_at=dt.time(21, 0))
