"""The audit's scheduled work: drafting each couple's audit on their audit
day, and the reminders. Idempotent: one audit per space per month (a unique
constraint), and every reminder has a key unique per person, so a rerun, a
restarted worker or a second worker adds nothing."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from troth.audits import services
from troth.audits.models import Audit, AuditSettings, Reflection
from troth.lib.time import space_day_start, space_today
from troth.notifications.models import notification_key, notified
from troth.notifications.services import notify
from troth.spaces.models import Membership

# The reminder before audit day comes this long before it.
SOON = dt.timedelta(days=2)
WAITING_AFTER = services.WAITING_AFTER


def _due_spaces(due: Q):
    """The settings matching `due` of open spaces with two partners, each
    space's partners read in one query for all (`Space.partners`)."""
    found = list(
        AuditSettings.objects.filter(space__closed_at__isnull=True)
        .annotate(
            n=Count(
                "space__memberships", filter=Q(space__memberships__left_at__isnull=True)
            )
        )
        .filter(n__gte=2)
        .filter(due)
        .select_related("space")
        .prefetch_related(
            Prefetch(
                "space__memberships",
                queryset=Membership.objects.active()
                .select_related("user")
                .order_by("joined_at"),
                to_attr="active_list",
            )
        )
    )
    for settings in found:
        space = settings.space
        space.__dict__["active_memberships"] = space.active_list  # type: ignore[attr-defined]
    return found


# A couple's audit day begins at the later of the partners' local midnights:
# between 10:00 UTC the day before (UTC+14) and 12:00 UTC on the day (UTC-12).
EARLIEST_MIDNIGHT = dt.timedelta(hours=-14)
LATEST_MIDNIGHT = dt.timedelta(hours=12)


def _utc_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def _months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    months = [first.replace(day=1)]
    while months[-1] < last.replace(day=1):
        months.append(services.add_months(months[-1], 1))
    return months


def _days_beginning(month: dt.date, after: dt.datetime, until: dt.datetime) -> Q:
    """The settings whose audit day in `month` may begin in (after, until]
    for some couple, wherever the partners live, and was chosen before it
    could have begun: a filter the database can answer, so the job looks
    only at couples whose day may be due (`month_due` then decides)."""
    q = Q(pk__in=[])
    for day in range(1, 32):
        date = services.audit_date(day, month)
        midnight = _utc_midnight(date)
        if after < midnight + LATEST_MIDNIGHT and midnight + EARLIEST_MIDNIGHT <= until:
            q |= Q(day=day, chosen_at__lte=midnight + LATEST_MIDNIGHT)
    return q


def _audit_of(month: dt.date) -> Exists:
    return Exists(Audit.objects.filter(space=OuterRef("space_id"), month=month))


def _untold(key) -> Exists:
    """Whether a partner of the outer row's space has no notification with
    `key` yet (already-sent reminders are left out by the query, not by a
    failed INSERT)."""
    return Exists(
        Membership.objects.filter(
            space=OuterRef("space_id"), left_at__isnull=True
        ).exclude(notified(user=OuterRef("user"), key=key))
    )


def month_due(settings: AuditSettings, partners: list, now: dt.datetime):
    """(month, the moment its audit day began) if this month's audit day
    has come and was chosen before it came; else None."""
    today = space_today(partners, now)
    month = today.replace(day=1)
    day = services.audit_date(settings.day, month)
    if today < day:
        return None
    begins = space_day_start(partners, day)
    if begins < settings.chosen_at:
        return None
    return month, begins


@task()
def draft_due_audits() -> int:
    """Draft the audit of every couple whose audit day has come this month
    and who has none for this month yet; tell both partners."""
    now = timezone.now()
    drafted = 0
    # Any couple's today lies between these dates, wherever they live.
    first, last = (now + EARLIEST_MIDNIGHT).date(), (now + LATEST_MIDNIGHT).date()
    maybe = Q(pk__in=[])
    for month in _months_between(first, last):
        # Audit days that have begun for some couple by now, this month.
        came = _days_beginning(month, _utc_midnight(month) - LATEST_MIDNIGHT, now)
        maybe |= came & Q(~_audit_of(month))
    for settings in _due_spaces(maybe):
        space = settings.space
        partners = space.partners
        due = month_due(settings, partners, now)
        if due is None:
            continue
        month, begins = due
        audit = services.audit_draft(
            space=space, month=month, end=begins, day=settings.day, now=now
        )
        if audit is None:
            continue
        drafted += 1
        for person in partners:
            notify(
                user=person,
                kind="audit.ready",
                key=f"audit.ready:{audit.pk}",
                target=audit,
                space=space,
            )
    return drafted


@task()
def remind_audits() -> int:
    """Two days before audit day, tell both partners; and when one partner
    signed off two days ago and the other hasn't, remind the other once."""
    now = timezone.now()
    return _remind_audit_soon(now) + _remind_partner_waiting(now)


def _remind_audit_soon(now) -> int:
    """Both partners, two days before their audit day, once per month."""
    sent = 0
    first = (now + EARLIEST_MIDNIGHT).date()
    last = (now + SOON + LATEST_MIDNIGHT).date()
    soon = Q(pk__in=[])
    for month in _months_between(first, last):
        key = notification_key(
            "audit.soon:", OuterRef(OuterRef("space_id")), f":{month:%Y-%m}"
        )
        soon |= (
            _days_beginning(month, now, now + SOON) & ~_audit_of(month) & _untold(key)
        )
    for settings in _due_spaces(soon):
        space = settings.space
        partners = space.partners
        today = space_today(partners, now)
        for months_ahead in (0, 1):
            month = services.add_months(today.replace(day=1), months_ahead)
            day = services.audit_date(settings.day, month)
            begins = space_day_start(partners, day)
            if not (now < begins <= now + SOON) or begins < settings.chosen_at:
                continue
            if Audit.objects.filter(space=space, month=month).exists():
                continue
            for person in partners:
                if notify(
                    user=person,
                    kind="audit.soon",
                    key=f"audit.soon:{space.pk}:{month:%Y-%m}",
                    space=space,
                    url=reverse("audits:index"),
                ):
                    sent += 1
    return sent


def _remind_partner_waiting(now) -> int:
    """The partner who hasn't signed off, two days after the other did, once.

    Only the audits whose `partner_reminder_at` has come are read (set by
    the sign-off, a partial index holds only those set), and it is cleared
    once they are handled, so a tick with nothing due is one small query."""
    due = list(
        Audit.objects.filter(partner_reminder_at__lte=now).values_list("pk", flat=True)
    )
    if not due:
        return 0
    sent = 0
    # The partners still waiting to be reminded: not signed off, not told.
    others = (
        Membership.objects.filter(
            space=OuterRef("audit__space_id"), left_at__isnull=True
        )
        .exclude(user=OuterRef("author_id"))
        .exclude(
            Exists(
                Reflection.objects.filter(
                    audit=OuterRef(OuterRef("audit_id")),
                    author=OuterRef("user"),
                    signed_off_at__isnull=False,
                )
            )
        )
        .exclude(
            notified(
                user=OuterRef("user"),
                key=notification_key(
                    "audit.waiting:",
                    OuterRef(OuterRef("audit_id")),
                    ":",
                    OuterRef("user_id"),
                ),
            )
        )
    )
    waiting = (
        Reflection.objects.filter(
            audit_id__in=due,
            audit__closed_at__isnull=True,
            audit__space__closed_at__isnull=True,
            signed_off_at__lte=now - WAITING_AFTER,
        )
        .filter(Exists(others))
        .select_related("audit", "audit__space", "author")
    )
    for signed in waiting:
        space = signed.audit.space
        other = space.partner_of(signed.author)
        if other is None:
            continue
        if Reflection.objects.filter(
            audit=signed.audit, author=other, signed_off_at__isnull=False
        ).exists():
            continue
        if notify(
            user=other,
            kind="audit.waiting",
            key=f"audit.waiting:{signed.audit_id}:{other.pk}",
            actor=signed.author,
            target=signed.audit,
            space=space,
        ):
            sent += 1
    Audit.objects.filter(pk__in=due, partner_reminder_at__lte=now).update(
        partner_reminder_at=None
    )
    return sent
