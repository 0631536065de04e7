"""The weekly digest of moments, as a notification on Monday morning."""

from __future__ import annotations

import datetime as dt

from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from troth.lib.periods import week_start
from troth.moments.models import Moment
from troth.notifications.services import notify
from troth.spaces.models import Membership

# From this hour on Monday, in the person's own time zone.
DIGEST_HOUR = 9


def digests_send(now: dt.datetime | None = None) -> int:
    """Tell each partner, on Monday morning in their own zone, that last
    week's moments are gathered, if last week had any they can see.

    Idempotent: one notification per person and week (the key names both),
    so reruns and a second worker add nothing. Returns how many were new."""

    now = now or timezone.now()
    sent = 0
    memberships = (
        Membership.objects.active()
        .filter(space__closed_at__isnull=True)
        .select_related("user", "space")
    )
    for membership in memberships.iterator(chunk_size=500):
        user = membership.user
        local = now.astimezone(user.tz)
        if local.weekday() != 0 or local.hour < DIGEST_HOUR:
            continue
        start = week_start(local.date()) - dt.timedelta(weeks=1)
        end = start + dt.timedelta(days=6)
        if (
            not Moment.objects.visible_to(user)
            .filter(space=membership.space, occurred_on__range=(start, end))
            .exists()
        ):
            continue
        if notify(
            user=user,
            kind="moments.digest",
            key=f"moments.digest:{user.pk}:{start.isoformat()}",
            space=membership.space,
            url=f"{reverse('moments:week')}?week={start.isoformat()}",
        ):
            sent += 1
    return sent


@task()
def send_weekly_digests() -> int:
    return digests_send()
