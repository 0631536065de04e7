"""Scheduled work for agreements: reminders before a review or the end of a
time box, and ending time boxes that have passed. Idempotent: every
notification has a key that names the agreement and the date it is about,
so reruns add nothing and a changed date gets its own reminder."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, F, OuterRef, Q
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
from troth.notifications.models import Notification, notification_key, notified
from troth.notifications.services import notify
from troth.spaces.models import Membership

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


def _untold(kind: str):
    """Whether a partner of the outer row's agreement has no `kind`
    notification about it yet (its key is `kind:<agreement id>`): the
    already-told are filtered out by the query, not by a failed INSERT."""
    key = notification_key(f"{kind}:", OuterRef(OuterRef("agreement_id")))
    return Exists(
        Membership.objects.filter(
            space=OuterRef("agreement__space_id"), left_at__isnull=True
        ).exclude(notified(user=OuterRef("user"), key=key))
    )


def _not_reminded(date_field: str, reminded_field: str, earliest, horizon) -> Q:
    return Q(**{f"{date_field}__gte": earliest, f"{date_field}__lte": horizon}) & (
        Q(**{f"{reminded_field}__isnull": True})
        | Q(**{f"{reminded_field}__lt": F(date_field)})
        | Q(**{f"{reminded_field}__gt": F(date_field)})
    )


REMINDERS = (
    ("agreement.review_soon", "review_on", "review_reminded_on"),
    ("agreement.ends_soon", "ends_on", "ends_reminded_on"),
)


def remind(now: dt.datetime | None = None) -> int:
    """Tell both partners a week before a review date or the end of a time
    box, each by their own calendar. Returns how many notifications were new.

    Only the reminders still to send are read: once every partner has been
    told of a date (or it has passed for them), the date is kept on the
    agreement and the agreement drops out of the query. The notification's
    key still makes each one exactly once between two workers."""
    now = now or timezone.now()
    horizon = (now + REMIND_BEFORE + dt.timedelta(days=1)).date()
    earliest = (now - dt.timedelta(days=1)).date()
    made = 0
    due = Agreement.objects.filter(
        status__in=[Status.ACTIVE, Status.PAUSED], space__closed_at__isnull=True
    ).filter(
        _not_reminded("review_on", "review_reminded_on", earliest, horizon)
        | _not_reminded("ends_on", "ends_reminded_on", earliest, horizon)
    )
    for agreement in due.select_related("space"):
        partners = _partners(agreement)
        for kind, date_field, reminded_field in REMINDERS:
            day = getattr(agreement, date_field)
            if not day or getattr(agreement, reminded_field) == day:
                continue
            about = f"{agreement.pk}:{day}"
            # A partner told an hour ago, while the other's week had not
            # begun, is not told again (nor tried: no failing INSERT).
            told = set(
                Notification.objects.filter(
                    user__in=partners, key=f"{kind}:{about}"
                ).values_list("user_id", flat=True)
            )
            waiting = False
            for person in partners:
                today = local_today(person.tz, now)
                if day > today + REMIND_BEFORE:
                    waiting = True  # not yet a week before, by their calendar
                elif today <= day and person.pk not in told:
                    made += _tell(person, agreement, kind, about)
            if not waiting:
                Agreement.objects.filter(pk=agreement.pk).update(
                    **{reminded_field: day}
                )
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
    # repaired by the next run; only where a partner is still to be told.
    untold = AgreementEvent.objects.filter(
        kind=EventKind.LAPSED, created__gte=now - LAPSE_NOTICE_WINDOW
    ).filter(_untold("agreement.lapsed"))
    for event in untold.select_related("agreement__space"):
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
