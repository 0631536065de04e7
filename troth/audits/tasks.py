"""The audit's scheduled work: drafting each couple's audit on their audit
day, and the reminders. Idempotent: one audit per space per month (a unique
constraint), and every reminder has a key unique per person, so a rerun, a
restarted worker or a second worker adds nothing."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from troth.audits import services
from troth.audits.models import Audit, AuditSettings, Reflection
from troth.lib.time import space_day_start, space_today
from troth.notifications.services import notify

# The reminder before audit day comes this long before it.
SOON = dt.timedelta(days=2)
# A partner who signed off waits this long before the other is reminded.
WAITING_AFTER = dt.timedelta(days=2)


def _due_spaces():
    """Open spaces with an audit day and two partners."""
    return (
        AuditSettings.objects.filter(space__closed_at__isnull=True)
        .annotate(
            n=Count(
                "space__memberships", filter=Q(space__memberships__left_at__isnull=True)
            )
        )
        .filter(n__gte=2)
        .select_related("space")
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
    for settings in _due_spaces():
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
    sent = 0
    for settings in _due_spaces():
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
    waiting = Reflection.objects.filter(
        audit__closed_at__isnull=True,
        audit__space__closed_at__isnull=True,
        signed_off_at__lte=now - WAITING_AFTER,
    ).select_related("audit", "audit__space", "author")
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
    return sent
