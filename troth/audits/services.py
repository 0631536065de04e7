"""Every step of a monthly trust audit, each by the right person only.

    (audit day, or a partner starts it early)
      --> drafted: the month's figures are frozen in the audit
    each partner: write a reflection, propose commitments (up to five)
      --> when both have written, each sees the other's reflection
    each partner: sign off (their part is then locked; they may take it
    back while the audit is open)
      --> when both have signed off: the audit closes and every commitment
          becomes a promise from its author to the partner, exactly once

The steps are declared in `troth.audits.steps`; each function here takes
one with `STEPS.take` (or `START.take` on the space, to draft it), which
locks the row, checks that this person may take this step now, and in one
transaction records an Activity. A step that is not allowed raises
`Refused` with words for the person and changes nothing; input that isn't
right raises a plain `ValidationError`.
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
    REFLECTION_MAX,
    Audit,
    AuditSettings,
    Commitment,
    Reflection,
    add_months,
    day_in_month,
    write,
)
from troth.audits.steps import PAIR, START, STEPS, my_reflection, partners
from troth.lib.content import Visibility
from troth.lib.time import local_today, space_day_start, space_today
from troth.lib.words import words
from troth.promises.services import promise_create
from troth.spaces.models import Space
from troth.spaces.services import activity_record_for_partner, activity_record_private
from troth.spaces.steps import NOBODY, Refused, require_partner

# A partner who signed off waits this long before the other is reminded.
WAITING_AFTER = dt.timedelta(days=2)


def _require_pair(space: Space) -> list:
    """The two partners, first to join first; refused until both joined."""
    found = partners(space)
    if len(found) < 2:
        raise PAIR.refusal(space)
    return found


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
        require_partner(space, by)
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
        activity_record_for_partner(
            space=space, actor=by, verb="audit.day_set", target=settings
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
    with START.take("start", space, by=by, now=now) as step:
        step.save = False  # the space itself doesn't change
        month = space_today(_require_pair(space), now).replace(day=1)
        audit = audit_draft(space=space, month=month, end=now, started_by=by, now=now)
        if audit is None:  # drafted meanwhile, by the clock or the partner
            raise Refused(_("This month's audit has already started."), "exists")
        step.target = audit
    return audit


# Reflections and commitments


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
    too_long = _("Keep each answer under %(n)s characters.") % {"n": REFLECTION_MAX}
    answers = {
        "went_well": words(went_well, REFLECTION_MAX, too_long=too_long),
        "differently": words(differently, REFLECTION_MAX, too_long=too_long),
        "need": words(need, REFLECTION_MAX, too_long=too_long),
    }
    if not any(answers.values()):
        raise ValidationError(
            _(
                "Write at least one of the three: what went well, what you want to do differently, or what you need."
            ),
            code="empty",
        )
    with STEPS.take("reflect", audit, by=by, now=now) as step:
        fresh = step.obj
        reflection = my_reflection(fresh, by)
        step.save = False
        if reflection is None:
            reflection = Reflection(
                space=fresh.space, author=by, audit=fresh, created=step.now
            )
            # The first reflection of the two reveals both.
            if fresh.revealed_at is None and (
                Reflection.objects.filter(audit=fresh).exclude(author=by).exists()
            ):
                fresh.revealed_at = step.now
                step.save = True
        else:
            step.verb = None  # the partner was told when it was first written
        for field, value in answers.items():
            setattr(reflection, field, value)
        reflection.save()
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
    text = words(text, COMMITMENT_MAX, field="text", empty=_("Say what you commit to."))
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
    with STEPS.take("commit", audit, by=by, now=now) as step:
        step.save = False
        commitment = write(
            Commitment, step.obj, by, at=step.now, text=text, due_date=due_date
        )
        # Shown on the audit, not sent: the partner isn't notified.
        step.recipient = NOBODY
    return commitment


def commitment_remove(*, commitment: Commitment, by) -> None:
    """Take back one's own proposed commitment, until one signs off."""
    if commitment.author_id != by.pk:
        raise Refused(
            _("Only the person who proposed a commitment can take it back."),
            "wrong_person",
        )
    with STEPS.take("take_back", commitment.audit, by=by) as step:
        step.save = False
        Commitment.objects.filter(pk=commitment.pk, promise__isnull=True).delete()


# Signing off


def audit_sign_off(*, audit: Audit, by, now: dt.datetime | None = None) -> Audit:
    """Sign off one's part. When the second partner signs off, the audit
    closes and each commitment becomes a promise, exactly once. If one
    cannot (its day has passed), nothing happens and the person is told
    whose commitment to change."""
    with STEPS.take("sign_off", audit, by=by, now=now) as step:
        fresh = step.obj
        partner = next(p for p in _require_pair(fresh.space) if p.pk != by.pk)
        reflection = my_reflection(fresh, by)
        assert reflection is not None  # the step needs one, written
        reflection.signed_off_at = step.now
        reflection.save(update_fields=["signed_off_at", "updated"])
        step.recipient = partner
        step.save = Reflection.objects.filter(
            audit=fresh, author=partner, signed_off_at__isnull=False
        ).exists()
        if step.save:
            _close(fresh, by=by, partner=partner, now=step.now)
            step.verb = "audit.closed"
        else:
            _partner_reminder(fresh, at=step.now + WAITING_AFTER)
    return audit


def _partner_reminder(audit: Audit, *, at: dt.datetime | None) -> None:
    """Set (or clear) when the clock reminds the partner who hasn't signed
    off (tasks.remind_audits reads only the audits due by it)."""
    audit.partner_reminder_at = at
    Audit.objects.filter(pk=audit.pk).update(partner_reminder_at=at)


def _close(audit: Audit, *, by, partner, now: dt.datetime) -> None:
    """Make each commitment a promise from its author to the partner, and
    close the audit (saved by the step that closes it)."""
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
            raise Refused(
                _(
                    "%(name)s's commitment “%(text)s” is due on a day that has "
                    "passed, so it can't become a promise. %(name)s can take "
                    "back their sign-off and change it."
                )
                % {"name": author, "text": commitment.text[:60]},
                "commitment_past",
            ) from None
        commitment.promise = promise
        commitment.save(update_fields=["promise", "updated"])
    audit.closed_at = now
    audit.partner_reminder_at = None


def audit_sign_off_withdraw(*, audit: Audit, by) -> Audit:
    """Take back one's sign-off while the audit is still open, to change
    one's reflection or commitments."""
    with STEPS.take("withdraw_sign_off", audit, by=by) as step:
        step.save = False
        reflection = my_reflection(step.obj, by)
        assert reflection is not None  # the step needs one, signed off
        reflection.signed_off_at = None
        reflection.save(update_fields=["signed_off_at", "updated"])
        # The audit is open, so the other hasn't signed off: nobody waits.
        _partner_reminder(step.obj, at=None)
    return audit


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
            activity_record_private(
                space=space, actor=user, verb="audit.reflection_unshared"
            )
    return changed
