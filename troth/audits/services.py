"""Every step of a monthly trust audit, each by the right person only.

    (audit day, or a partner starts it early)
      --> drafted: the month's figures are frozen in the audit
    each partner: write a reflection, propose commitments (up to five)
      --> when both have written, each sees the other's reflection
    each partner: sign off (their part is then locked; they may take it
    back while the audit is open)
      --> when both have signed off: the audit closes and every commitment
          becomes a promise from its author to the partner, exactly once

Each function checks that this person may take this step now, does the work
in one transaction and records an Activity. A step that is not allowed
raises `ValidationError` with words for the person and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.audits.figures import draft_figures
from troth.audits.models import (
    COMMITMENT_MAX,
    COMMITMENTS_EACH,
    REFLECTION_MAX,
    Audit,
    AuditSettings,
    Commitment,
    Reflection,
    add_months,
    day_in_month,
)
from troth.lib.content import Visibility
from troth.lib.time import local_today, space_day_start, space_today
from troth.promises.services import promise_create
from troth.spaces.models import Membership, Space
from troth.spaces.services import activity_record


def _require_partner(space: Space, user) -> None:
    """Only a current partner of an open space with both partners may act."""
    closed_at = list(
        Membership.objects.active()
        .filter(space_id=space.pk, user=user)
        .values_list("space__closed_at", flat=True)[:1]
    )
    if not closed_at:
        raise ValidationError(
            _("Only the partners in this space can do that."), code="not_member"
        )
    if closed_at[0] is not None:
        raise ValidationError(
            _("This space is closed: nothing in it can change any more."),
            code="closed",
        )


def _require_pair(space: Space) -> list:
    partners = list(
        Membership.objects.active()
        .filter(space_id=space.pk)
        .select_related("user")
        .order_by("joined_at")
    )
    if len(partners) < 2:
        raise ValidationError(
            _(
                "The audit is something the two of you do together: it starts once your partner has joined."
            ),
            code="no_partner",
        )
    return [m.user for m in partners]


# When an audit day falls, and what it covers


def audit_date(day: int, month: dt.date) -> dt.date:
    return day_in_month(day, month)


def next_audit_date(
    settings_day: int | None, today: dt.date, done_months: set
) -> dt.date | None:
    """The next audit day on or after `today` whose month has no audit yet."""
    if not settings_day:
        return None
    month = today.replace(day=1)
    for _n in range(3):
        date = audit_date(settings_day, month)
        if date >= today and month not in done_months:
            return date
        month = add_months(month, 1)
    return None


def period_for(
    space: Space, partners: list, end: dt.datetime, month: dt.date, day: int
) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of the audit of `month` ending at `end`.

    It starts where the audit before it ended, so no day is counted twice
    and none falls between two audits; but never more than a month back
    (from the same audit day the month before): after a pause, the audit
    looks at the last month only."""
    month_back = space_day_start(partners, audit_date(day, add_months(month, -1)))
    previous = (
        Audit.objects.filter(space=space, period_end__lte=end)
        .order_by("-period_end")
        .values_list("period_end", flat=True)
        .first()
    )
    start = max(previous, month_back) if previous else month_back
    if start >= end:
        start = month_back if month_back < end else end - dt.timedelta(days=30)
    return start, end


# The audit day


def audit_day_set(
    *, space: Space, by, day: int, now: dt.datetime | None = None
) -> AuditSettings:
    """Choose the couple's audit day (1 to 31; a month without that day uses
    its last day). Either partner may change it; the other is told."""
    now = now or timezone.now()
    if not isinstance(day, int) or not 1 <= day <= 31:
        raise ValidationError({"day": _("Choose a day from 1 to 31.")}, code="invalid")
    with transaction.atomic():
        _require_partner(space, by)
        settings, created = AuditSettings.objects.select_for_update().get_or_create(
            space=space, defaults={"day": day, "chosen_at": now, "chosen_by": by}
        )
        if not created:
            if settings.day == day:
                return settings
            settings.day = day
            settings.chosen_at = now
            settings.chosen_by = by
            settings.save()
        activity_record(
            space=space,
            actor=by,
            verb="audit.day_set",
            target=settings,
            recipient=space.partner_of(by),
        )
    return settings


# Drafting


def audit_draft(
    *,
    space: Space,
    month: dt.date,
    end: dt.datetime,
    started_by=None,
    day: int | None = None,
    now: dt.datetime | None = None,
) -> Audit | None:
    """Draft the audit of `month` for `space`, covering the period up to
    `end`, unless that month has one already (then None: reruns of the
    clock, or a partner starting it as the clock does, add nothing)."""
    now = now or timezone.now()
    month = month.replace(day=1)
    if Audit.objects.filter(space=space, month=month).exists():
        return None
    partners = _require_pair(space)
    if day is None:
        settings = AuditSettings.objects.filter(space=space).first()
        day = settings.day if settings else end.astimezone(partners[0].tz).day
    start, end = period_for(space, partners, end, month, day)
    figures = draft_figures(space, start=start, end=end, now=now)
    try:
        with transaction.atomic():
            audit = Audit.objects.create(
                space=space,
                month=month,
                period_start=start,
                period_end=end,
                figures=figures,
                drafted_at=now,
                started_by=started_by,
            )
    except IntegrityError:
        return None
    return audit


def audit_start(*, space: Space, by, now: dt.datetime | None = None) -> Audit:
    """Start this month's audit now instead of waiting for the audit day.
    It covers the time since the last audit (at most a month), up to now."""
    now = now or timezone.now()
    _require_partner(space, by)
    partners = _require_pair(space)
    month = space_today(partners, now).replace(day=1)
    existing = Audit.objects.filter(space=space, month=month).first()
    if existing is not None:
        raise ValidationError(
            _("This month's audit has already started."), code="exists"
        )
    with transaction.atomic():
        audit = audit_draft(space=space, month=month, end=now, started_by=by, now=now)
        if audit is None:
            raise ValidationError(
                _("This month's audit has already started."), code="exists"
            )
        activity_record(
            space=space,
            actor=by,
            verb="audit.started",
            target=audit,
            recipient=space.partner_of(by),
        )
    return audit


# Reflections and commitments


def _lock(audit: Audit, by) -> Audit:
    fresh = Audit.objects.select_for_update().select_related("space").get(pk=audit.pk)
    _require_partner(fresh.space, by)
    if fresh.is_closed:
        raise ValidationError(
            _("This audit is closed: both of you signed it off."), code="closed"
        )
    return fresh


def _own_reflection(audit: Audit, by) -> Reflection | None:
    return Reflection.objects.filter(audit=audit, author=by).first()


def _require_not_signed(reflection: Reflection | None) -> None:
    if reflection is not None and reflection.is_signed_off:
        raise ValidationError(
            _(
                "You have signed off. Take your sign-off back first to change your part."
            ),
            code="signed_off",
        )


def _clean(text: str, limit: int) -> str:
    text = (text or "").strip()
    if len(text) > limit:
        raise ValidationError(
            _("Keep each answer under %(n)s characters.") % {"n": limit},
            code="too_long",
        )
    return text


def reflection_save(
    *,
    audit: Audit,
    by,
    went_well: str,
    differently: str,
    need: str,
    now: dt.datetime | None = None,
) -> Reflection:
    """Write or change one's own reflection, until one signs off. When both
    partners have written one, each can read the other's from then on."""
    now = now or timezone.now()
    answers = {
        "went_well": _clean(went_well, REFLECTION_MAX),
        "differently": _clean(differently, REFLECTION_MAX),
        "need": _clean(need, REFLECTION_MAX),
    }
    if not any(answers.values()):
        raise ValidationError(
            _(
                "Write at least one of the three: what went well, what you want to do differently, or what you need."
            ),
            code="empty",
        )
    with transaction.atomic():
        fresh = _lock(audit, by)
        reflection = _own_reflection(fresh, by)
        _require_not_signed(reflection)
        first = reflection is None
        if reflection is None:
            reflection = Reflection(
                space=fresh.space, author=by, audit=fresh, created=now
            )
        for field, value in answers.items():
            setattr(reflection, field, value)
        reflection.save()
        if first:
            if fresh.revealed_at is None and (
                Reflection.objects.filter(audit=fresh).exclude(author=by).exists()
            ):
                fresh.revealed_at = now
                fresh.save(update_fields=["revealed_at"])
            activity_record(
                space=fresh.space,
                actor=by,
                verb="audit.reflected",
                target=fresh,
                recipient=fresh.space.partner_of(by),
            )
    audit.revealed_at = fresh.revealed_at
    return reflection


def commitment_add(
    *,
    audit: Audit,
    by,
    text: str,
    due_date: dt.date,
    now: dt.datetime | None = None,
) -> Commitment:
    """Propose something to do next month. It becomes a promise from `by`
    to the partner, due by the end of `due_date`, once both sign off."""
    now = now or timezone.now()
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Say what you commit to.")}, code="required")
    if len(text) > COMMITMENT_MAX:
        raise ValidationError(
            {"text": _("Keep it under %(n)s characters.") % {"n": COMMITMENT_MAX}},
            code="too_long",
        )
    if due_date is None or due_date < local_today(by.tz, now):
        raise ValidationError(
            {"due_date": _("Choose a day that hasn't passed yet.")}, code="past"
        )
    if due_date > local_today(by.tz, now) + dt.timedelta(days=100):
        raise ValidationError(
            {
                "due_date": _(
                    "A commitment for next month: choose a day within about three months."
                )
            },
            code="far",
        )
    with transaction.atomic():
        fresh = _lock(audit, by)
        _require_not_signed(_own_reflection(fresh, by))
        if (
            Commitment.objects.filter(audit=fresh, author=by).count()
            >= COMMITMENTS_EACH
        ):
            raise ValidationError(
                _("Up to %(n)s commitments each: fewer, kept, do more than many.")
                % {"n": COMMITMENTS_EACH},
                code="too_many",
            )
        commitment = Commitment.objects.create(
            space=fresh.space,
            author=by,
            audit=fresh,
            text=text,
            due_date=due_date,
            visibility=Visibility.SHARED,
            created=now,
        )
        activity_record(
            space=fresh.space, actor=by, verb="audit.committed", target=fresh
        )
    return commitment


def commitment_remove(*, commitment: Commitment, by) -> None:
    """Take back one's own proposed commitment, until one signs off."""
    if commitment.author_id != by.pk:
        raise ValidationError(
            _("Only the person who proposed a commitment can take it back."),
            code="wrong_person",
        )
    with transaction.atomic():
        fresh = _lock(commitment.audit, by)
        _require_not_signed(_own_reflection(fresh, by))
        Commitment.objects.filter(pk=commitment.pk, promise__isnull=True).delete()
        activity_record(
            space=fresh.space,
            actor=by,
            verb="audit.commitment_removed",
            target=fresh,
            visibility=Visibility.PRIVATE,
        )


# Signing off


def audit_sign_off(*, audit: Audit, by, now: dt.datetime | None = None) -> Audit:
    """Sign off one's part. When the second partner signs off, the audit
    closes and each commitment becomes a promise, exactly once. If one
    cannot (its day has passed), nothing happens and the person is told
    whose commitment to change."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(audit, by)
        partners = _require_pair(fresh.space)
        reflection = _own_reflection(fresh, by)
        if reflection is None or not reflection.is_written:
            raise ValidationError(
                _("Write your reflection before you sign off."), code="no_reflection"
            )
        if reflection.is_signed_off:
            raise ValidationError(_("You have already signed off."), code="signed_off")
        reflection.signed_off_at = now
        reflection.save(update_fields=["signed_off_at", "updated"])
        partner = next(p for p in partners if p.pk != by.pk)
        others = Reflection.objects.filter(
            audit=fresh, author=partner, signed_off_at__isnull=False
        ).exists()
        if not others:
            activity_record(
                space=fresh.space,
                actor=by,
                verb="audit.signed_off",
                target=fresh,
                recipient=partner,
            )
        else:
            _close(fresh, by=by, partner=partner, now=now)
    audit.closed_at = fresh.closed_at
    return fresh


def _close(audit: Audit, *, by, partner, now: dt.datetime) -> None:
    commitments = list(
        Commitment.objects.filter(audit=audit, promise__isnull=True)
        .select_related("author")
        .order_by("created", "id")
    )
    people = {by.pk: by, partner.pk: partner}
    for commitment in commitments:
        author = people.get(commitment.author_id)
        if author is None:  # someone who has left: nothing to promise
            continue
        try:
            promise = promise_create(
                space=audit.space,
                by=author,
                to=people[partner.pk if author.pk == by.pk else by.pk],
                text=commitment.text,
                due_date=commitment.due_date,
                origin=commitment,
                now=now,
            )
        except ValidationError as error:
            if "due_date" not in getattr(error, "error_dict", {}):
                raise
            raise ValidationError(
                _(
                    "%(name)s's commitment “%(text)s” is due on a day that has "
                    "passed, so it can't become a promise. %(name)s can take "
                    "back their sign-off and change it."
                )
                % {"name": author, "text": commitment.text[:60]},
                code="commitment_past",
            ) from None
        commitment.promise = promise
        commitment.save(update_fields=["promise", "updated"])
    audit.closed_at = now
    audit.save(update_fields=["closed_at"])
    activity_record(
        space=audit.space,
        actor=by,
        verb="audit.closed",
        target=audit,
        recipient=partner,
    )


def audit_sign_off_withdraw(*, audit: Audit, by) -> Audit:
    """Take back one's sign-off while the audit is still open, to change
    one's reflection or commitments."""
    with transaction.atomic():
        fresh = _lock(audit, by)
        reflection = _own_reflection(fresh, by)
        if reflection is None or not reflection.is_signed_off:
            raise ValidationError(_("You haven't signed off."), code="not_signed")
        reflection.signed_off_at = None
        reflection.save(update_fields=["signed_off_at", "updated"])
        activity_record(
            space=fresh.space,
            actor=by,
            verb="audit.sign_off_withdrawn",
            target=fresh,
            recipient=fresh.space.partner_of(by),
        )
    return fresh


# Sharing


def reflections_sharing_stop(*, user, space: Space, audit_id: int | None = None) -> int:
    """Make one's audit reflections private again (all of them, or those of
    one audit): the partner no longer reads them and is not told. Returns
    how many changed. The audit and its frozen figures stay as they are."""
    with transaction.atomic():
        mine = Reflection.objects.filter(
            space=space, author=user, visibility=Visibility.SHARED
        )
        if audit_id is not None:
            mine = mine.filter(audit_id=audit_id)
        changed = mine.update(visibility=Visibility.PRIVATE, updated=timezone.now())
        if changed:
            activity_record(
                space=space,
                actor=user,
                verb="audit.reflection_unshared",
                visibility=Visibility.PRIVATE,
            )
    return changed
