"""Scheduled work for counsellor windows: marking those whose end date has
passed as ended. The counsellor lost access already, on the first request
after the date (`Window.is_readable`); this is the record catching up."""

from __future__ import annotations

import datetime as dt

from django.tasks import task
from django.utils import timezone

from troth.counsel.models import Status, Window
from troth.counsel.services import window_expire


def expire_due(now: dt.datetime | None = None) -> int:
    """End the open windows whose last day has passed for the couple.
    Read from the partial index on the end date of open windows, so a tick
    with nothing near its end costs one query however many couples there
    are. A window ending today somewhere is looked at and left until its
    day is over for both partners. Returns how many ended now."""
    now = now or timezone.now()
    # In end-date order, not the model's newest-first, which the planner
    # would answer by walking every open window.
    due = (
        Window.objects.filter(
            status=Status.OPEN, ends_on__lt=(now + dt.timedelta(days=1)).date()
        )
        .order_by("ends_on", "pk")
        .select_related("space")
    )
    return sum(window_expire(window=window, now=now) for window in due)


@task()
def counsel_expire() -> int:
    return expire_due()
