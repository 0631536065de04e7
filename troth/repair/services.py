"""Every step of a repair, each by the right person only.

    open (either partner) --> account (hurt) --> mirror (other)
        --> "you heard me" (hurt) --> apology (other) --> answer (hurt)
        (or "try again" --> mirror again; a revised apology --> answer again)
    phase: Atone <-> Attune <-> Attach, moved by the hurt partner only
    closed / reopened by the hurt partner only

The steps are declared in `troth.repair.steps`; each function here takes
one with `STEPS.take`, which locks the repair row, checks that this person
may take this step now, and in one transaction appends a RepairEvent and
records an Activity for the partner. Private things (notes, therapy log,
forgiveness check-ins) are private steps of the same declaration: they
record a private Activity with no recipient and never save the shared
repair row, so nothing about them reaches the partner, not even a changed
timestamp. A step that is not allowed raises `Refused` with words for the
person, and changes nothing; input that isn't right raises a plain
`ValidationError`.
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
    Seriousness,
    SessionKind,
    Status,
    TherapySession,
    Touches,
)
from troth.repair.steps import HISTORY, STEPS
from troth.spaces.models import Space
from troth.spaces.services import activity_record, own_content_delete
from troth.spaces.steps import Refused, require_both_partners

SUMMARY_MAX = 1000
TEXT_MAX = 5000
NOTE_MAX = 2000
APOLOGY_MAX = 5000


def _note(note: str, *, limit: int = NOTE_MAX) -> str:
    note = (note or "").strip()
    if len(note) > limit:
        raise ValidationError(
            _("Keep it under %(limit)s characters.") % {"limit": limit},
            code="too_long",
        )
    return note


def _clean(text: str, *, limit: int, empty: str) -> str:
    text = _note(text, limit=limit)
    if not text:
        raise ValidationError(empty, code="empty")
    return text


def _written(step, model, **fields):
    """A row of `model` on the repair, written by the person taking `step`
    at its time."""
    return model.objects.create(
        space=step.obj.space,
        author=step.by,
        repair=step.obj,
        created=step.now,
        **fields,
    )


def _private(name: str, repair: Repair, by, now, model, **fields):
    """Take the private step `name`: a row of `model` for its author alone,
    named as the activity's target, and the shared repair row not saved."""
    with STEPS.take(name, repair, by=by, now=now) as step:
        step.save = False
        step.target = _written(step, model, **fields)
    return step.target


# Opening


def _touched(space: Space, touches: str, clause, promise) -> tuple:
    """The clause or promise a breach points to (one of them, or neither),
    checked to be this space's."""
    if touches == Touches.CLAUSE:
        if clause is None or clause.agreement.space_id != space.pk:
            raise ValidationError({"clause": _("Choose the clause it touched.")})
        return clause, None
    if touches == Touches.PROMISE:
        if promise is None or promise.space_id != space.pk:
            raise ValidationError({"promise": _("Choose the promise it touched.")})
        return None, promise
    return None, None


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
        partner = require_both_partners(
            space,
            by,
            missing=_("Your partner hasn't joined yet: a repair needs both of you."),
        )
        clause, promise = _touched(space, touches, clause, promise)
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
        HISTORY.append(repair, by=by, kind=EventKind.OPENED, now=now)
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
    text = _clean(text, limit=TEXT_MAX, empty=_("Write your account first."))
    with STEPS.take("write_account", repair, by=by, now=now) as step:
        fresh = step.obj
        if seriousness is not None:
            if seriousness not in Seriousness.values:
                raise ValidationError(
                    {"seriousness": _("Choose how serious it feels.")}
                )
            fresh.seriousness = seriousness
        elif fresh.seriousness is None:
            raise ValidationError({"seriousness": _("Choose how serious it feels.")})
        account = _written(step, Account, text=text)
        # A new account replaces any mirror still waiting for an answer.
        Mirror.objects.filter(repair=fresh, answer=MirrorAnswer.PENDING).update(
            answer=MirrorAnswer.AGAIN, answered_at=step.now
        )
    return account


def mirror_write(
    *, repair: Repair, by, text: str, now: dt.datetime | None = None
) -> Mirror:
    """The other partner says back what they heard, in their own words."""
    text = _clean(
        text, limit=TEXT_MAX, empty=_("Write what you heard, in your own words.")
    )
    with STEPS.take("mirror", repair, by=by, now=now) as step:
        fresh = step.obj
        account = (
            Account.objects.filter(repair=fresh).order_by("-created", "-id").first()
        )
        if account is None:
            raise Refused(
                _("There is no account waiting to be mirrored right now."),
                "not_mirror_step",
            )
        mirror = _written(step, Mirror, account=account, text=text)
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
    note = _note(note)
    with STEPS.take("heard" if heard else "try_again", repair, by=by, now=now) as step:
        fresh = step.obj
        mirror = (
            Mirror.objects.select_for_update()
            .filter(repair=fresh, answer=MirrorAnswer.PENDING)
            .order_by("-created", "-id")
            .first()
        )
        if mirror is None:
            raise Refused(
                _("There is no mirror waiting for your answer."), "not_confirm_step"
            )
        mirror.answer = MirrorAnswer.HEARD if heard else MirrorAnswer.AGAIN
        mirror.answer_note = note or None
        mirror.answered_at = step.now
        mirror.save(update_fields=["answer", "answer_note", "answered_at"])
        if heard:
            fresh.heard_at = step.now
    return mirror


# The apology


def apology_send(
    *, repair: Repair, by, text: str, now: dt.datetime | None = None
) -> ApologyVersion:
    """Send the apology (or a revised version of it) to the hurt partner.
    Only after they have said they were heard."""
    text = _clean(text, limit=APOLOGY_MAX, empty=_("Write your apology first."))
    with STEPS.take("send_apology", repair, by=by, now=now) as step:
        fresh = step.obj
        number = (
            ApologyVersion.objects.filter(repair=fresh).aggregate(n=Max("number"))["n"]
            or 0
        ) + 1
        version = _written(step, ApologyVersion, number=number, text=text)
        if number > 1:
            step.event = EventKind.REVISED
            step.verb = "repair.apology_revised"
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
    if answer not in Answer.values:
        raise ValidationError({"answer": _("Choose an answer.")})
    note = _note(note)
    with STEPS.take("answer_apology", repair, by=by, now=now) as step:
        fresh = step.obj
        latest = ApologyVersion.objects.filter(repair=fresh).order_by("-number").first()
        if latest is None:
            raise Refused(
                _("There is no apology waiting for your answer."), "not_answer_step"
            )
        reply = _written(
            step, ApologyAnswer, apology=latest, answer=answer, note=note or None
        )
        step.record(answer=answer)
    return reply


# The path


def repair_move(
    *, repair: Repair, by, phase: str, now: dt.datetime | None = None
) -> None:
    """Move to the next or the previous phase. The hurt partner sets the
    pace: nobody else can move it."""
    if phase not in Phase.values:
        raise ValidationError({"phase": _("Choose a phase.")})
    with STEPS.take("move_phase", repair, by=by, now=now) as step:
        here = PHASE_ORDER.index(step.obj.phase)
        there = PHASE_ORDER.index(phase)
        if here == there:
            raise Refused(_("The repair is already in that phase."), "same_phase")
        if abs(here - there) != 1:
            raise Refused(_("Move one phase at a time, on or back."), "not_adjacent")
        step.obj.phase = phase
        step.record(phase=phase)


def repair_resolve(*, repair: Repair, by, now: dt.datetime | None = None) -> None:
    """Close the repair: the hurt partner's call alone, at any point."""
    with STEPS.take("resolve", repair, by=by, now=now) as step:
        step.obj.status = Status.RESOLVED
        step.obj.resolved_at = step.now


def repair_reopen(*, repair: Repair, by, now: dt.datetime | None = None) -> None:
    """Open a closed repair again: the hurt partner's call alone."""
    with STEPS.take("reopen", repair, by=by, now=now) as step:
        step.obj.status = Status.OPEN
        step.obj.resolved_at = None


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
    with STEPS.take("add_to_plan", repair, by=by, now=now) as step:
        fresh = step.obj
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
            now=step.now,
        )
        item = _written(step, PlanItem, promise=promise)
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
    if ends_on is None:
        raise ValidationError(
            {"ends_on": _("Openness in a repair plan needs an end date.")}
        )
    with STEPS.take("add_to_plan", repair, by=by, now=now) as step:
        fresh = step.obj
        agreement = agreement_propose(
            space=fresh.space,
            by=by,
            title=title,
            clauses=clauses,
            topic=Topic.TRANSPARENCY,
            ends_on=ends_on,
            review_days=14,
            now=step.now,
        )
        item = _written(step, PlanItem, agreement=agreement)
    return item


# Private to their author: nothing here touches the shared repair row.


def note_write(
    *, repair: Repair, by, text: str, now: dt.datetime | None = None
) -> Note:
    """A private note: only its author ever sees it, or that it exists."""
    text = _clean(text, limit=NOTE_MAX, empty=_("Write something first."))
    return _private("write_note", repair, by, now, Note, text=text)


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
    now = now or timezone.now()  # the date checked and the step's time agree
    if kind not in SessionKind.values:
        raise ValidationError({"kind": _("Choose the kind of session.")})
    note = _note(note)
    if on > local_today(by.tz, now) + dt.timedelta(days=366):
        raise ValidationError({"on": _("Choose a date within the next year.")})
    return _private(
        "log_therapy",
        repair,
        by,
        now,
        TherapySession,
        kind=kind,
        on=on,
        note=note or None,
    )


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
    for name, value in (("distance", distance), ("even", even), ("goodwill", goodwill)):
        if not isinstance(value, int) or not 1 <= value <= 7:
            raise ValidationError({name: _("Choose a number from 1 to 7.")})
    return _private(
        "check_in",
        repair,
        by,
        now,
        ForgivenessCheckin,
        distance=distance,
        even=even,
        goodwill=goodwill,
    )


def private_delete(*, item, by) -> None:
    """Delete one's own private note, log entry or check-in."""
    if item.author_id != by.pk:
        raise Refused(_("Only its author can delete this."), "not_author")
    own_content_delete(item, by=by, verb="repair.private_deleted")
