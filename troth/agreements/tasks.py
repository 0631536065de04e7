"""Scheduled work for agreements: reminders before a review or the end of a
time box, and ending time boxes that have passed. Idempotent: every
notification has a key that names the agreement and the date it is about,
so reruns add nothing and a changed date gets its own reminder."""

from __future__ import annotations

import datetime as dt

from django.tasks import task
from django.utils import timezone

from troth.agreements.models import (
    REMIND_BEFORE,
    Agreement,
    AgreementEvent,
    EventKind,
    Status,
)
from troth.agreements.services import agreement_lapse
from troth.lib.time import local_today
from troth.notifications.services import notify

LAPSE_NOTICE_WINDOW = dt.timedelta(days=3)


def _partners(agreement: Agreement) -> list:
    return [m.user for m in agreement.space.active_memberships]


def _tell(person, agreement: Agreement, kind: str, about: str) -> bool:
    """Notify `person` of `kind` about `agreement`, once per `about` (the
    agreement and the date it is about). Whether the notification is new."""
    return bool(
        notify(
            user=person,
            kind=kind,
            key=f"{kind}:{about}",
            target=agreement,
            space=agreement.space,
        )
    )


def remind(now: dt.datetime | None = None) -> int:
    """Tell both partners a week before a review date or the end of a time
    box, each by their own calendar. Returns how many notifications were new."""
    now = now or timezone.now()
    horizon = (now + REMIND_BEFORE + dt.timedelta(days=1)).date()
    earliest = (now - dt.timedelta(days=1)).date()
    made = 0
    candidates = (
        Agreement.objects.filter(status__in=[Status.ACTIVE, Status.PAUSED])
        .filter(space__closed_at__isnull=True)
        .select_related("space")
    )
    for agreement in candidates.filter(
        review_on__gte=earliest, review_on__lte=horizon
    ) | candidates.filter(ends_on__gte=earliest, ends_on__lte=horizon):
        for person in _partners(agreement):
            today = local_today(person.tz, now)
            for kind, day in (
                ("agreement.review_soon", agreement.review_on),
                ("agreement.ends_soon", agreement.ends_on),
            ):
                if day and today <= day <= today + REMIND_BEFORE:
                    made += _tell(person, agreement, kind, f"{agreement.pk}:{day}")
    return made


def end_lapsed(now: dt.datetime | None = None) -> int:
    """End time-boxed agreements whose last day has passed for both partners,
    and tell them. Returns how many ended now."""
    now = now or timezone.now()
    ended = 0
    due = Agreement.objects.filter(
        status__in=[Status.ACTIVE, Status.PAUSED],
        ends_on__lt=(now + dt.timedelta(days=1)).date(),
    )
    for agreement in due:
        ended += agreement_lapse(agreement=agreement, now=now)
    # Notify from the history, so a crash between ending and telling is
    # repaired by the next run.
    for event in AgreementEvent.objects.filter(
        kind=EventKind.LAPSED, created__gte=now - LAPSE_NOTICE_WINDOW
    ).select_related("agreement__space"):
        agreement = event.agreement
        for person in _partners(agreement):
            _tell(person, agreement, "agreement.lapsed", str(agreement.pk))
    return ended


@task()
def agreements_remind() -> int:
    return remind()


@task()
def agreements_end_lapsed() -> int:
    return end_lapsed()
