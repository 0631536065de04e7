"""Every step of a repair, each by the right person only.

    open (either partner) --> account (hurt) --> mirror (other)
        --> "you heard me" (hurt) --> apology (other) --> answer (hurt)
        (or "try again" --> mirror again; a revised apology --> answer again)
    phase: Atone <-> Attune <-> Attach, moved by the hurt partner only
    closed / reopened by the hurt partner only

Each function locks the repair row, checks that this person may take this
step now, works in one transaction and records an Activity. Private things
(notes, therapy log, forgiveness check-ins) record a private Activity with
no recipient and never touch the shared repair row, so nothing about them
reaches the partner, not even a changed timestamp. A step that is not
allowed raises `ValidationError` with words for the person, and changes
nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.agreements.models import Clause, Topic
from troth.agreements.services import agreement_propose
from troth.lib.content import Visibility
from troth.lib.time import local_today
from troth.promises.services import promise_create
from troth.repair.models import (
    PHASE_ORDER,
    Account,
    Answer,
    ApologyAnswer,
    ApologyVersion,
    EventKind,
    ForgivenessCheckin,
    Mirror,
    MirrorAnswer,
    Note,
    OpenedAs,
    Phase,
    PlanItem,
    Repair,
    RepairEvent,
    Seriousness,
    SessionKind,
    Status,
    Step,
    TherapySession,
    Touches,
)
from troth.spaces.models import Membership, Space
from troth.spaces.services import activity_record

SUMMARY_MAX = 1000
TEXT_MAX = 5000
NOTE_MAX = 2000
APOLOGY_MAX = 5000


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _require_partner(space: Space, user) -> None:
    if not space.is_open:
        raise _refuse(
            _("This space is closed, so this repair can no longer change."), "closed"
        )
    if not Membership.objects.active().filter(space=space, user=user).exists():
        raise _refuse(_("Only the partners in this space can do that."), "not_member")


def _clean(text: str, *, limit: int, empty: str) -> str:
    text = (text or "").strip()
    if not text:
        raise _refuse(empty, "empty")
    if len(text) > limit:
        raise _refuse(
            _("Keep it under %(limit)s characters.") % {"limit": limit}, "too_long"
        )
    return text


def _lock(repair: Repair) -> Repair:
    return Repair.objects.select_for_update().select_related("space").get(pk=repair.pk)


def _refresh(target: Repair, source: Repair) -> None:
    for f in Repair._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))


def _event(repair: Repair, *, by, kind: str, now, **fields) -> RepairEvent:
    return RepairEvent.objects.create(
        repair=repair, actor=by, kind=kind, created=now, **fields
    )


def _require_role(repair: Repair, by, role: str) -> None:
    if role == "hurt" and by.pk != repair.hurt_id:
        raise _refuse(
            _("This step belongs to %(name)s, who was hurt.") % {"name": repair.hurt},
            "not_hurt",
        )
    if role == "other" and by.pk != repair.other_id:
        raise _refuse(
            _("This step belongs to %(name)s.") % {"name": repair.other},
            "not_other",
        )


def _require_open(repair: Repair) -> None:
    if not repair.is_open:
        raise _refuse(
            _("This repair is closed. The one who was hurt can reopen it."),
            "resolved",
        )


def _start(repair: Repair, by, role: str | None = None) -> Repair:
    fresh = _lock(repair)
    _require_partner(fresh.space, by)
    if role:
        _require_role(fresh, by, role)
    return fresh


# Opening


def repair_open(
    *,
    space: Space,
    by,
    opened_as: str,
    summary: str,
    touches: str = Touches.NOTHING,
    clause: Clause | None = None,
    promise=None,
    seriousness: int | None = None,
    now: dt.datetime | None = None,
) -> Repair:
    """Open a repair, as the one who was hurt ("something hurt me") or the
    one who broke trust ("I broke your trust"). It is shared with the
    partner at once. How serious it feels is the hurt partner's to say: set
    here when they open it, or with their account."""
    now = now or timezone.now()
    summary = _clean(
        summary, limit=SUMMARY_MAX, empty=_("Say in a few words what happened.")
    )
    if opened_as not in OpenedAs.values:
        raise ValidationError({"opened_as": _("Choose who you are in this.")})
    if touches not in Touches.values:
        raise ValidationError({"touches": _("Choose what it touched.")})
    if seriousness is not None and seriousness not in Seriousness.values:
        raise ValidationError({"seriousness": _("Choose how serious it feels.")})
    if opened_as == OpenedAs.HURT and seriousness is None:
        raise ValidationError({"seriousness": _("Choose how serious it feels.")})
    if opened_as == OpenedAs.BROKE:
        seriousness = None
    with transaction.atomic():
        _require_partner(space, by)
        partner = space.partner_of(by)
        if partner is None:
            raise _refuse(
                _("Your partner hasn't joined yet: a repair needs both of you."),
                "no_partner",
            )
        if touches == Touches.CLAUSE:
            if clause is None or clause.agreement.space_id != space.pk:
                raise ValidationError({"clause": _("Choose the clause it touched.")})
            promise = None
        elif touches == Touches.PROMISE:
            if promise is None or promise.space_id != space.pk:
                raise ValidationError({"promise": _("Choose the promise it touched.")})
            clause = None
        else:
            clause = promise = None
        hurt, other = (by, partner) if opened_as == OpenedAs.HURT else (partner, by)
        repair = Repair.objects.create(
            space=space,
            author=by,
            opened_as=opened_as,
            hurt=hurt,
            other=other,
            summary=summary,
            touches=touches,
            clause=clause,
            promise=promise,
            seriousness=seriousness,
            created=now,
        )
        _event(repair, by=by, kind=EventKind.OPENED, now=now)
        activity_record(
            space=space,
            actor=by,
            verb="repair.opened",
            target=repair,
            recipient=partner,
        )
    return repair


# Heard first


def account_write(
    *,
    repair: Repair,
    by,
    text: str,
    seriousness: int | None = None,
    now: dt.datetime | None = None,
) -> Account:
    """The hurt partner's account: what happened and how it felt. It can be
    written again until the other has mirrored it and they felt heard."""
    now = now or timezone.now()
    text = _clean(text, limit=TEXT_MAX, empty=_("Write your account first."))
    with transaction.atomic():
        fresh = _start(repair, by, "hurt")
        _require_open(fresh)
        if fresh.is_heard:
            raise _refuse(
                _("You've said you were heard; your account stays as it was."),
                "heard",
            )
        if seriousness is not None:
            if seriousness not in Seriousness.values:
                raise ValidationError(
                    {"seriousness": _("Choose how serious it feels.")}
                )
            fresh.seriousness = seriousness
        elif fresh.seriousness is None:
            raise ValidationError({"seriousness": _("Choose how serious it feels.")})
        account = Account.objects.create(
            space=fresh.space, author=by, repair=fresh, text=text, created=now
        )
        # A new account replaces any mirror still waiting for an answer.
        Mirror.objects.filter(repair=fresh, answer=MirrorAnswer.PENDING).update(
            answer=MirrorAnswer.AGAIN, answered_at=now
        )
        fresh.step = Step.MIRROR
        fresh.save(update_fields=["step", "seriousness", "updated"])
        _event(fresh, by=by, kind=EventKind.ACCOUNT, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="repair.account",
            target=fresh,
            recipient=fresh.other,
        )
        _refresh(repair, fresh)
    return account


def mirror_write(
    *, repair: Repair, by, text: str, now: dt.datetime | None = None
) -> Mirror:
    """The other partner says back what they heard, in their own words."""
    now = now or timezone.now()
    text = _clean(
        text, limit=TEXT_MAX, empty=_("Write what you heard, in your own words.")
    )
    with transaction.atomic():
        fresh = _start(repair, by, "other")
        _require_open(fresh)
        if fresh.step != Step.MIRROR:
            raise _refuse(
                _("There is no account waiting to be mirrored right now."),
                "not_mirror_step",
            )
        account = (
            Account.objects.filter(repair=fresh).order_by("-created", "-id").first()
        )
        if account is None:
            raise _refuse(
                _("There is no account waiting to be mirrored right now."),
                "not_mirror_step",
            )
        mirror = Mirror.objects.create(
            space=fresh.space,
            author=by,
            repair=fresh,
            account=account,
            text=text,
            created=now,
        )
        fresh.step = Step.CONFIRM
        fresh.save(update_fields=["step", "updated"])
        _event(fresh, by=by, kind=EventKind.MIRRORED, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="repair.mirrored",
            target=fresh,
            recipient=fresh.hurt,
        )
        _refresh(repair, fresh)
    return mirror


def mirror_answer(
    *,
    repair: Repair,
    by,
    heard: bool,
    note: str = "",
    now: dt.datetime | None = None,
) -> Mirror:
    """The hurt partner says "you heard me", which opens the apology, or
    asks for another try, optionally saying what was missed."""
    now = now or timezone.now()
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise _refuse(
            _("Keep it under %(limit)s characters.") % {"limit": NOTE_MAX}, "too_long"
        )
    with transaction.atomic():
        fresh = _start(repair, by, "hurt")
        _require_open(fresh)
        mirror = (
            Mirror.objects.select_for_update()
            .filter(repair=fresh, answer=MirrorAnswer.PENDING)
            .order_by("-created", "-id")
            .first()
        )
        if fresh.step != Step.CONFIRM or mirror is None:
            raise _refuse(
                _("There is no mirror waiting for your answer."), "not_confirm_step"
            )
        mirror.answer = MirrorAnswer.HEARD if heard else MirrorAnswer.AGAIN
        mirror.answer_note = note or None
        mirror.answered_at = now
        mirror.save(update_fields=["answer", "answer_note", "answered_at"])
        if heard:
            fresh.heard_at = now
            fresh.step = Step.APOLOGY
        else:
            fresh.step = Step.MIRROR
        fresh.save(update_fields=["heard_at", "step", "updated"])
        _event(
            fresh, by=by, kind=EventKind.HEARD if heard else EventKind.AGAIN, now=now
        )
        activity_record(
            space=fresh.space,
            actor=by,
            verb="repair.heard" if heard else "repair.try_again",
            target=fresh,
            recipient=fresh.other,
        )
        _refresh(repair, fresh)
    return mirror


# The apology


def apology_send(
    *, repair: Repair, by, text: str, now: dt.datetime | None = None
) -> ApologyVersion:
    """Send the apology (or a revised version of it) to the hurt partner.
    Only after they have said they were heard."""
    now = now or timezone.now()
    text = _clean(text, limit=APOLOGY_MAX, empty=_("Write your apology first."))
    with transaction.atomic():
        fresh = _start(repair, by, "other")
        _require_open(fresh)
        if not fresh.is_heard:
            raise _refuse(
                _(
                    "The apology opens once %(name)s has said you heard them: "
                    "mirror their account first."
                )
                % {"name": fresh.hurt},
                "not_heard",
            )
        number = (
            ApologyVersion.objects.filter(repair=fresh).aggregate(n=Max("number"))["n"]
            or 0
        ) + 1
        version = ApologyVersion.objects.create(
            space=fresh.space,
            author=by,
            repair=fresh,
            number=number,
            text=text,
            created=now,
        )
        fresh.step = Step.ANSWER
        fresh.save(update_fields=["step", "updated"])
        revised = number > 1
        _event(
            fresh,
            by=by,
            kind=EventKind.REVISED if revised else EventKind.APOLOGY,
            now=now,
        )
        activity_record(
            space=fresh.space,
            actor=by,
            verb="repair.apology_revised" if revised else "repair.apology",
            target=fresh,
            recipient=fresh.hurt,
        )
        _refresh(repair, fresh)
    return version


def apology_answer(
    *,
    repair: Repair,
    by,
    answer: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> ApologyAnswer:
    """The hurt partner answers the latest apology: it helps, not yet, or
    they need something else, with an optional note."""
    now = now or timezone.now()
    if answer not in Answer.values:
        raise ValidationError({"answer": _("Choose an answer.")})
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise _refuse(
            _("Keep it under %(limit)s characters.") % {"limit": NOTE_MAX}, "too_long"
        )
    with transaction.atomic():
        fresh = _start(repair, by, "hurt")
        _require_open(fresh)
        latest = ApologyVersion.objects.filter(repair=fresh).order_by("-number").first()
        if fresh.step != Step.ANSWER or latest is None:
            raise _refuse(
                _("There is no apology waiting for your answer."), "not_answer_step"
            )
        reply = ApologyAnswer.objects.create(
            space=fresh.space,
            author=by,
            repair=fresh,
            apology=latest,
            answer=answer,
            note=note or None,
            created=now,
        )
        fresh.step = Step.ANSWERED
        fresh.save(update_fields=["step", "updated"])
        _event(fresh, by=by, kind=EventKind.ANSWERED, answer=answer, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="repair.answered",
            target=fresh,
            recipient=fresh.other,
        )
        _refresh(repair, fresh)
    return reply


# The path


def repair_move(
    *, repair: Repair, by, phase: str, now: dt.datetime | None = None
) -> None:
    """Move to the next or the previous phase. The hurt partner sets the
    pace: nobody else can move it."""
    now = now or timezone.now()
    if phase not in Phase.values:
        raise ValidationError({"phase": _("Choose a phase.")})
    with transaction.atomic():
        fresh = _start(repair, by, "hurt")
        _require_open(fresh)
        here = PHASE_ORDER.index(fresh.phase)
        there = PHASE_ORDER.index(phase)
        if here == there:
            raise _refuse(_("The repair is already in that phase."), "same_phase")
        if abs(here - there) != 1:
            raise _refuse(_("Move one phase at a time, on or back."), "not_adjacent")
        fresh.phase = phase
        fresh.save(update_fields=["phase", "updated"])
        _event(fresh, by=by, kind=EventKind.PHASE, phase=phase, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="repair.phase",
            target=fresh,
            recipient=fresh.other,
        )
        _refresh(repair, fresh)


def repair_resolve(*, repair: Repair, by, now: dt.datetime | None = None) -> None:
    """Close the repair: the hurt partner's call alone, at any point."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _start(repair, by, "hurt")
        _require_open(fresh)
        fresh.status = Status.RESOLVED
        fresh.resolved_at = now
        fresh.save(update_fields=["status", "resolved_at", "updated"])
        _event(fresh, by=by, kind=EventKind.RESOLVED, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="repair.resolved",
            target=fresh,
            recipient=fresh.other,
        )
        _refresh(repair, fresh)


def repair_reopen(*, repair: Repair, by, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _start(repair, by, "hurt")
        if fresh.is_open:
            raise _refuse(_("This repair is already open."), "already_open")
        fresh.status = Status.OPEN
        fresh.resolved_at = None
        fresh.save(update_fields=["status", "resolved_at", "updated"])
        _event(fresh, by=by, kind=EventKind.REOPENED, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="repair.reopened",
            target=fresh,
            recipient=fresh.other,
        )
        _refresh(repair, fresh)


# The plan


def plan_promise_add(
    *,
    repair: Repair,
    by,
    text: str,
    due_date: dt.date,
    due_time: dt.time | None = None,
    repeat: str = "",
    weekdays: list[int] | None = None,
    until: dt.date | None = None,
    now: dt.datetime | None = None,
) -> PlanItem:
    """Make a concrete change of behaviour a promise (to the partner) and
    link it to the repair plan. The promise lives in the promises feature
    and is kept and confirmed there."""

    now = now or timezone.now()
    with transaction.atomic():
        fresh = _start(repair, by)
        _require_open(fresh)
        promise = promise_create(
            space=fresh.space,
            by=by,
            text=text,
            due_date=due_date,
            due_time=due_time,
            repeat=repeat,
            weekdays=weekdays,
            until=until,
            origin=fresh,
            now=now,
        )
        item = PlanItem.objects.create(
            space=fresh.space, author=by, repair=fresh, promise=promise, created=now
        )
        _plan_added(fresh, by, now)
        _refresh(repair, fresh)
    return item


def plan_agreement_add(
    *,
    repair: Repair,
    by,
    title: str,
    clauses: list[str],
    ends_on: dt.date,
    now: dt.datetime | None = None,
) -> PlanItem:
    """Propose a time-boxed agreement of openness and link it to the plan.
    It is an ordinary agreement: the partner accepts each clause or not,
    either can withdraw consent, and it ends unless both renew it."""

    now = now or timezone.now()
    if ends_on is None:
        raise ValidationError(
            {"ends_on": _("Openness in a repair plan needs an end date.")}
        )
    with transaction.atomic():
        fresh = _start(repair, by)
        _require_open(fresh)
        agreement = agreement_propose(
            space=fresh.space,
            by=by,
            title=title,
            clauses=clauses,
            topic=Topic.TRANSPARENCY,
            ends_on=ends_on,
            review_days=14,
            now=now,
        )
        item = PlanItem.objects.create(
            space=fresh.space, author=by, repair=fresh, agreement=agreement, created=now
        )
        _plan_added(fresh, by, now)
        _refresh(repair, fresh)
    return item


def _plan_added(repair: Repair, by, now) -> None:
    repair.save(update_fields=["updated"])
    _event(repair, by=by, kind=EventKind.PLAN, now=now)
    activity_record(
        space=repair.space,
        actor=by,
        verb="repair.plan",
        target=repair,
        recipient=repair.space.partner_of(by),
    )


# Private to their author: nothing here touches the shared repair row.


def _private_activity(item, *, by, verb: str) -> None:
    activity_record(
        space=item.space,
        actor=by,
        verb=verb,
        target=item,
        visibility=Visibility.PRIVATE,
    )


def note_write(
    *, repair: Repair, by, text: str, now: dt.datetime | None = None
) -> Note:
    """A private note: only its author ever sees it, or that it exists."""
    now = now or timezone.now()
    text = _clean(text, limit=NOTE_MAX, empty=_("Write something first."))
    with transaction.atomic():
        _require_partner(repair.space, by)
        if repair.role_of(by) == "":
            raise _refuse(_("Only the two of you can keep notes here."), "not_party")
        note = Note.objects.create(
            space=repair.space, author=by, repair=repair, text=text, created=now
        )
        _private_activity(note, by=by, verb="repair.note")
    return note


def therapy_log(
    *,
    repair: Repair,
    by,
    kind: str,
    on: dt.date,
    note: str = "",
    now: dt.datetime | None = None,
) -> TherapySession:
    """Log a therapy session in one's own private log."""
    now = now or timezone.now()
    if kind not in SessionKind.values:
        raise ValidationError({"kind": _("Choose the kind of session.")})
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise _refuse(
            _("Keep it under %(limit)s characters.") % {"limit": NOTE_MAX}, "too_long"
        )
    if on > local_today(by.tz, now) + dt.timedelta(days=366):
        raise ValidationError({"on": _("Choose a date within the next year.")})
    with transaction.atomic():
        _require_partner(repair.space, by)
        if repair.role_of(by) == "":
            raise _refuse(_("Only the two of you can keep a log here."), "not_party")
        session = TherapySession.objects.create(
            space=repair.space,
            author=by,
            repair=repair,
            kind=kind,
            on=on,
            note=note or None,
            created=now,
        )
        _private_activity(session, by=by, verb="repair.therapy")
    return session


def forgiveness_checkin(
    *,
    repair: Repair,
    by,
    distance: int,
    even: int,
    goodwill: int,
    now: dt.datetime | None = None,
) -> ForgivenessCheckin:
    """Three ratings from 1 to 7, for the hurt partner alone. Never asked
    for, never a goal (McNulty 2011)."""
    now = now or timezone.now()
    for name, value in (("distance", distance), ("even", even), ("goodwill", goodwill)):
        if not isinstance(value, int) or not 1 <= value <= 7:
            raise ValidationError({name: _("Choose a number from 1 to 7.")})
    with transaction.atomic():
        _require_partner(repair.space, by)
        if by.pk != repair.hurt_id:
            raise _refuse(
                _("Forgiveness check-ins are for the one who was hurt."), "not_hurt"
            )
        checkin = ForgivenessCheckin.objects.create(
            space=repair.space,
            author=by,
            repair=repair,
            distance=distance,
            even=even,
            goodwill=goodwill,
            created=now,
        )
        _private_activity(checkin, by=by, verb="repair.checkin")
    return checkin


def private_delete(*, item, by) -> None:
    """Delete one's own private note, log entry or check-in."""
    with transaction.atomic():
        if item.author_id != by.pk:
            raise _refuse(_("Only its author can delete this."), "not_author")
        space = item.space
        item.delete()
        activity_record(
            space=space,
            actor=by,
            verb="repair.private_deleted",
            visibility=Visibility.PRIVATE,
        )
