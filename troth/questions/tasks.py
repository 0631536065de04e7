"""The daily question: put one to every open space with both partners."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.tasks import task
from django.utils import timezone

from troth.questions.models import Round
from troth.questions.services import round_for_day
from troth.spaces.models import Membership, Space


@lru_cache(maxsize=1)
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def _local_date_expression(now: dt.datetime, field: str) -> Case:
    """A SQL expression giving the local date at `now` of the person whose
    zone name is in `field`: every zone is grouped by its date in Python (at
    most three dates at any instant), so the database only compares names.
    A name no longer known reads as UTC, as `troth.lib.time.zone` does."""
    by_date: dict[dt.date, list[str]] = {}
    for name in _zone_names():
        day = now.astimezone(zoneinfo.ZoneInfo(name)).date()
        by_date.setdefault(day, []).append(name)
    return Case(
        *(
            When(**{f"{field}__in": names}, then=Value(day))
            for day, names in sorted(by_date.items())
        ),
        default=Value(now.astimezone(dt.UTC).date()),
        output_field=DateField(),
    )


def spaces_without_todays_round(now: dt.datetime | None = None):
    """Open spaces with both partners whose shared day (the earliest of the
    partners' local dates, `services.space_day`) has no daily round yet: one
    query, whatever the number of couples, that finds only what is due."""
    now = now or timezone.now()
    partners = Membership.objects.filter(space=OuterRef("pk"), left_at__isnull=True)
    day = Subquery(
        partners.annotate(day=_local_date_expression(now, "user__timezone"))
        .order_by("day")
        .values("day")[:1],
        output_field=DateField(),
    )
    has_round = Round.objects.filter(
        space=OuterRef("pk"), day=OuterRef("day"), origin=Round.Origin.DAILY
    )
    return (
        Space.objects.filter(closed_at__isnull=True)
        .annotate(n=Count("memberships", filter=Q(memberships__left_at__isnull=True)))
        .filter(n__gte=2)
        .annotate(day=day)
        .filter(~Exists(has_round))
        .order_by("pk")
    )


@task()
def assign_daily_questions() -> int:
    """Make today's round for every space that has none yet. Idempotent:
    `round_for_day` makes at most one daily round per space and day, so a
    second worker finding the same space adds nothing. Returns how many
    spaces were found without today's round."""

    done = 0
    for space in spaces_without_todays_round().iterator(chunk_size=200):
        if round_for_day(space=space) is not None:
            done += 1
    return done
