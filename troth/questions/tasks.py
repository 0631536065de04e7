"""The daily question: put one to every open space with both partners.

Each such space has a NextRound row saying when its next shared day
begins; a tick reads only the rows whose moment has come (an index on it),
so with nothing due it is one query however many couples there are."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from troth.lib.time import space_today
from troth.questions.models import NextRound, Round
from troth.questions.services import next_round_at, round_for_day
from troth.spaces.models import Membership

# The most spaces one tick handles; the rest are still due on the next.
BATCH = 500


def rounds_due(now: dt.datetime | None = None) -> list[NextRound]:
    """The spaces whose shared day has begun by `now` and not yet been
    handled, with their spaces and partners read in one query more."""
    now = now or timezone.now()
    due = list(
        NextRound.objects.filter(at__lte=now)
        .select_related("space")
        .order_by("at")[:BATCH]
    )
    if not due:
        return due
    members = defaultdict(list)
    for membership in (
        Membership.objects.active()
        .filter(space_id__in=[row.space_id for row in due])
        .select_related("user")
        .order_by("joined_at")
    ):
        members[membership.space_id].append(membership)
    for row in due:
        row.space.__dict__["active_memberships"] = members[row.space_id]
    return due


def rounds_assign(due: list[NextRound], now: dt.datetime | None = None) -> int:
    """Put the day's question to each space of `due` that has none yet and
    move its row on to the next day's start; a space no longer open with
    both partners drops out until a partner joins again. Returns how many
    rounds were made. A second worker with the same rows makes nothing: the
    round is looked up first (and is unique per space and day), and a row
    is only moved from the moment it was read at."""
    now = now or timezone.now()
    made = 0
    for row in due:
        space = row.space
        partners = space.partners
        mine = NextRound.objects.filter(pk=row.pk, at=row.at)
        if space.closed_at is not None or len(partners) < 2:
            mine.delete()
            continue
        today = space_today(partners, now)
        with transaction.atomic():
            if not Round.objects.filter(
                space=space, day=today, origin=Round.Origin.DAILY
            ).exists():
                made += round_for_day(space=space, day=today) is not None
            mine.update(at=next_round_at(partners, now))
    return made


@task()
def assign_daily_questions() -> int:
    """Make today's round for every space whose day has turned. Idempotent:
    `round_for_day` makes at most one daily round per space and day.
    Returns how many rounds it made."""
    now = timezone.now()
    return rounds_assign(rounds_due(now), now)
