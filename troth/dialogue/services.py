"""Every step of a guided dialogue, by the right person.

    send (sender) -> mirror (receiver) -> "is there more?" (sender)
        more: back to send | that's all: summarise -> validate -> empathise
        (receiver) -> check (sender): yes -> swap roles | not quite -> empathise
    after both rounds: done; a summary is kept only if both agree.

Together on one phone, whoever holds it presses on (both are there). In
writing, each turn belongs to one person, and the other is told when it is
their turn. A break, which either may take at any time, suggests at least
20 minutes. A step that is not allowed raises `ValidationError` with words
for the person, and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.dialogue.models import (
    BREAK_MINUTES,
    WRITTEN_STEPS,
    Dialogue,
    Mode,
    Status,
    Step,
    Summary,
    Turn,
)
from troth.lib.content import Visibility
from troth.spaces.models import Membership, Space
from troth.spaces.services import activity_record

TOPIC_MAX = 200
TURN_MAX = 4000
SUMMARY_MAX = 2000

# The actions each step accepts.
ACTIONS: dict[str, tuple[str, ...]] = {
    Step.SEND: ("next",),
    Step.MIRROR: ("next",),
    Step.MORE: ("more", "done"),
    Step.SUMMARISE: ("next",),
    Step.VALIDATE: ("next",),
    Step.EMPATHISE: ("next",),
    Step.CHECK: ("yes", "not_quite"),
    Step.PASS: ("ready",),
}


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _require_partner(space: Space, user) -> None:
    if not space.is_open:
        raise _refuse(
            _("This space is closed, so this dialogue can't go on."), "closed"
        )
    if not Membership.objects.active().filter(space=space, user=user).exists():
        raise _refuse(_("Only the partners in this space can do that."), "not_member")


def _lock(dialogue: Dialogue) -> Dialogue:
    return (
        Dialogue.objects.select_for_update()
        .select_related("space", "first_sender", "first_receiver")
        .get(pk=dialogue.pk)
    )


def _refresh(target: Dialogue, source: Dialogue) -> None:
    for f in Dialogue._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))


def _start(dialogue: Dialogue, by) -> Dialogue:
    fresh = _lock(dialogue)
    _require_partner(fresh.space, by)
    if not fresh.is_party(by):
        raise _refuse(_("Only the two of you can take part."), "not_party")
    return fresh


def dialogue_start(
    *,
    space: Space,
    by,
    mode: str,
    first_sender,
    topic: str = "",
    now: dt.datetime | None = None,
) -> Dialogue:
    """Start a dialogue. `first_sender` speaks first; the other listens."""
    now = now or timezone.now()
    if mode not in Mode.values:
        raise ValidationError({"mode": _("Choose how you'll do it.")})
    topic = (topic or "").strip()
    if len(topic) > TOPIC_MAX:
        raise ValidationError(
            {"topic": _("Keep it under %(limit)s characters.") % {"limit": TOPIC_MAX}}
        )
    with transaction.atomic():
        _require_partner(space, by)
        partner = space.partner_of(by)
        if partner is None:
            raise _refuse(
                _("Your partner hasn't joined yet: a dialogue needs both of you."),
                "no_partner",
            )
        if first_sender is None or first_sender.pk not in (by.pk, partner.pk):
            raise ValidationError({"first_sender": _("Choose who speaks first.")})
        receiver = partner if first_sender.pk == by.pk else by
        dialogue = Dialogue.objects.create(
            space=space,
            author=by,
            mode=mode,
            topic=topic or None,
            first_sender=first_sender,
            first_receiver=receiver,
            created=now,
        )
        activity_record(
            space=space,
            actor=by,
            verb="dialogue.started",
            target=dialogue,
            recipient=partner if mode == Mode.WRITTEN else None,
        )
    return dialogue


def _next(dialogue: Dialogue, action: str) -> tuple[int, str, str]:
    """(round, step, status) after `action` on the current step."""
    step, round_ = dialogue.step, dialogue.round
    if step in (Step.SEND,):
        return round_, Step.MIRROR, Status.ACTIVE
    if step == Step.MIRROR:
        return round_, Step.MORE, Status.ACTIVE
    if step == Step.MORE:
        return (
            round_,
            (Step.SEND if action == "more" else Step.SUMMARISE),
            Status.ACTIVE,
        )
    if step == Step.SUMMARISE:
        return round_, Step.VALIDATE, Status.ACTIVE
    if step == Step.VALIDATE:
        return round_, Step.EMPATHISE, Status.ACTIVE
    if step == Step.EMPATHISE:
        return round_, Step.CHECK, Status.ACTIVE
    if step == Step.CHECK:
        if action == "not_quite":
            return round_, Step.EMPATHISE, Status.ACTIVE
        if round_ == 1:
            first = Step.PASS if dialogue.mode == Mode.TOGETHER else Step.SEND
            return 2, first, Status.ACTIVE
        return round_, Step.DONE, Status.FINISHED
    if step == Step.PASS:
        return round_, Step.SEND, Status.ACTIVE
    raise _refuse(_("This dialogue is finished."), "finished")


def dialogue_step(
    *,
    dialogue: Dialogue,
    by,
    action: str,
    text: str = "",
    now: dt.datetime | None = None,
) -> Dialogue:
    """Take the current step. In writing, only the person whose turn it is,
    and steps that ask for words need them."""
    now = now or timezone.now()
    text = (text or "").strip()
    if len(text) > TURN_MAX:
        raise _refuse(
            _("Keep it under %(limit)s characters.") % {"limit": TURN_MAX}, "too_long"
        )
    with transaction.atomic():
        fresh = _start(dialogue, by)
        if fresh.status == Status.BREAK:
            raise _refuse(
                _("You're on a break. Resume when you're both ready."), "on_break"
            )
        if fresh.status != Status.ACTIVE:
            raise _refuse(_("This dialogue is over."), "finished")
        if action not in ACTIONS.get(fresh.step, ()):
            raise _refuse(
                _(
                    "That isn't a step you can take right now. The page may be out of date: reload it."
                ),
                "wrong_action",
            )
        actor = fresh.actor
        if fresh.is_written:
            if actor is None or actor.pk != by.pk:
                raise _refuse(
                    _("It's %(name)s's turn.") % {"name": actor}, "not_your_turn"
                )
            if fresh.step in WRITTEN_STEPS and not text:
                raise _refuse(_("Write your turn first."), "empty")
            Turn.objects.create(
                space=fresh.space,
                author=by,
                dialogue=fresh,
                round=fresh.round,
                step=fresh.step,
                text=text or None,
                answer="" if fresh.step in WRITTEN_STEPS else action,
                created=now,
            )
        fresh.round, fresh.step, fresh.status = _next(fresh, action)
        if fresh.status == Status.FINISHED:
            fresh.finished_at = now
        fresh.save(update_fields=["round", "step", "status", "finished_at", "updated"])
        next_actor = fresh.actor
        told = fresh.is_written and next_actor is not None and next_actor.pk != by.pk
        activity_record(
            space=fresh.space,
            actor=by,
            verb=(
                "dialogue.finished"
                if fresh.status == Status.FINISHED
                else "dialogue.your_turn"
                if told
                else "dialogue.step"
            ),
            target=fresh,
            recipient=(
                next_actor
                if told
                else fresh.partner_of(by)
                if fresh.is_written and fresh.status == Status.FINISHED
                else None
            ),
        )
        _refresh(dialogue, fresh)
    return dialogue


def dialogue_break(*, dialogue: Dialogue, by, now: dt.datetime | None = None) -> None:
    """Either of you can call a break at any time; it suggests at least 20
    minutes apart before going on."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _start(dialogue, by)
        if fresh.status != Status.ACTIVE:
            raise _refuse(_("There's nothing to pause right now."), "not_active")
        fresh.status = Status.BREAK
        fresh.break_by = by
        fresh.break_until = now + dt.timedelta(minutes=BREAK_MINUTES)
        fresh.save(update_fields=["status", "break_by", "break_until", "updated"])
        activity_record(
            space=fresh.space,
            actor=by,
            verb="dialogue.break",
            target=fresh,
            recipient=fresh.partner_of(by) if fresh.is_written else None,
        )
        _refresh(dialogue, fresh)


def dialogue_resume(*, dialogue: Dialogue, by, now: dt.datetime | None = None) -> None:
    """Go on after a break. In writing, the one who asked for the break
    decides when; together, you decide side by side."""
    with transaction.atomic():
        fresh = _start(dialogue, by)
        if fresh.status != Status.BREAK:
            raise _refuse(_("This dialogue isn't on a break."), "not_on_break")
        if fresh.is_written and fresh.break_by_id != by.pk:
            raise _refuse(
                _("%(name)s asked for the break; they'll resume when ready.")
                % {"name": fresh.break_by},
                "not_break_taker",
            )
        fresh.status = Status.ACTIVE
        fresh.break_by = None
        fresh.break_until = None
        fresh.save(update_fields=["status", "break_by", "break_until", "updated"])
        next_actor = fresh.actor
        activity_record(
            space=fresh.space,
            actor=by,
            verb="dialogue.resumed",
            target=fresh,
            recipient=(
                fresh.partner_of(by) if fresh.is_written and next_actor else None
            ),
        )
        _refresh(dialogue, fresh)


def dialogue_stop(*, dialogue: Dialogue, by, now: dt.datetime | None = None) -> None:
    """Stop here, for any reason. Nobody is blamed; you can start again."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _start(dialogue, by)
        if not fresh.is_ongoing:
            raise _refuse(_("This dialogue is already over."), "finished")
        fresh.status = Status.STOPPED
        fresh.finished_at = now
        fresh.save(update_fields=["status", "finished_at", "updated"])
        activity_record(
            space=fresh.space,
            actor=by,
            verb="dialogue.stopped",
            target=fresh,
            recipient=fresh.partner_of(by) if fresh.is_written else None,
        )
        _refresh(dialogue, fresh)


# Summaries: kept only when both agree


def summary_propose(
    *, dialogue: Dialogue, by, text: str, now: dt.datetime | None = None
) -> Summary:
    """Suggest keeping a summary. It is kept only if the partner agrees."""
    now = now or timezone.now()
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the summary first.")}, code="empty")
    if len(text) > SUMMARY_MAX:
        raise ValidationError(
            {"text": _("Keep it under %(limit)s characters.") % {"limit": SUMMARY_MAX}},
            code="too_long",
        )
    with transaction.atomic():
        fresh = _start(dialogue, by)
        if fresh.is_ongoing:
            raise _refuse(
                _("Finish or stop the dialogue first; then you can suggest a summary."),
                "ongoing",
            )
        if Summary.objects.filter(
            dialogue=fresh, visibility=Visibility.SHARED
        ).exists():
            raise _refuse(
                _("A summary is already suggested or kept for this dialogue."),
                "exists",
            )
        summary = Summary.objects.create(
            space=fresh.space,
            author=by,
            dialogue=fresh,
            text=text,
            visibility=Visibility.SHARED,
            created=now,
        )
        activity_record(
            space=fresh.space,
            actor=by,
            verb="dialogue.summary_proposed",
            target=summary,
            recipient=fresh.partner_of(by),
        )
    return summary


def summary_keep(*, summary: Summary, by, now: dt.datetime | None = None) -> None:
    """The partner agrees: the summary is kept, for both."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = (
            Summary.objects.select_for_update()
            .select_related("dialogue", "space")
            .get(pk=summary.pk)
        )
        _require_partner(fresh.space, by)
        if not fresh.is_proposed:
            raise _refuse(
                _("This summary isn't waiting for an answer."), "not_proposed"
            )
        if fresh.author_id == by.pk:
            raise _refuse(
                _("You suggested it: your partner is the one to agree."), "own_summary"
            )
        if not fresh.dialogue.is_party(by):
            raise _refuse(_("Only the two of you can agree to this."), "not_party")
        fresh.kept_at = now
        fresh.save(update_fields=["kept_at", "updated"])
        activity_record(
            space=fresh.space,
            actor=by,
            verb="dialogue.summary_kept",
            target=fresh,
            recipient=fresh.author,
        )
        summary.kept_at = fresh.kept_at


def summary_let_go(*, summary: Summary, by) -> None:
    """Either of you can say no, now or later: the summary stops being
    shared and stays private to whoever wrote it (who can delete it).
    The partner is not told."""
    with transaction.atomic():
        fresh = (
            Summary.objects.select_for_update()
            .select_related("dialogue")
            .get(pk=summary.pk)
        )
        if fresh.visibility != Visibility.SHARED:
            raise _refuse(_("This summary isn't shared."), "not_shared")
        if not fresh.dialogue.is_party(by):
            raise _refuse(_("Only the two of you can do that."), "not_party")
        fresh.visibility = Visibility.PRIVATE
        fresh.kept_at = None
        fresh.save(update_fields=["visibility", "kept_at", "updated"])
        activity_record(
            space=fresh.space,
            actor=by,
            verb="dialogue.summary_let_go",
            target=fresh,
            visibility=Visibility.PRIVATE,
        )
        summary.visibility = fresh.visibility
        summary.kept_at = None


def summary_delete(*, summary: Summary, by) -> None:
    """Its author can delete a summary that is only theirs."""
    with transaction.atomic():
        if summary.author_id != by.pk:
            raise _refuse(_("Only its author can delete this."), "not_author")
        if summary.visibility == Visibility.SHARED:
            raise _refuse(
                _("Stop sharing it first: it belongs to both of you while shared."),
                "shared",
            )
        space = summary.space
        summary.delete()
        activity_record(
            space=space,
            actor=by,
            verb="dialogue.summary_deleted",
            visibility=Visibility.PRIVATE,
        )
