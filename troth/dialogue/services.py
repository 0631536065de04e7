"""Every step of a guided dialogue, by the right person.

    send (sender) -> mirror (receiver) -> "is there more?" (sender)
        more: back to send | that's all: summarise -> validate -> empathise
        (receiver) -> check (sender): yes -> swap roles | not quite -> empathise
    after both rounds: done; a summary is kept only if both agree.

Together on one phone, whoever holds it presses on (both are there). In
writing, each turn belongs to one person, and the other is told when it is
their turn. A break, which either may take at any time, suggests at least
20 minutes. The steps are declared in `troth.dialogue.steps`; each
function here takes one with `STEPS.take`, which locks the dialogue, checks
that this person may take this step now and records the activity. A step
that is not allowed raises `Refused` with words for the person, and changes
nothing; input that isn't right raises `ValidationError`.
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
from troth.dialogue.steps import STEPS, SUMMARY_STEPS, written_partner
from troth.lib.content import Visibility
from troth.spaces.models import Space
from troth.spaces.services import (
    activity_record,
)
from troth.spaces.steps import NOBODY, Refused, require_partner

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
        require_partner(space, by)
        partner = space.partner_of(by)
        if partner is None:
            raise Refused(
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
    raise Refused(_("This dialogue is finished."), "finished")


def _write_turn(dialogue: Dialogue, *, by, action: str, text: str, now) -> None:
    """In writing, the turn is kept; steps that ask for words need them."""
    if dialogue.step in WRITTEN_STEPS and not text:
        raise Refused(_("Write your turn first."), "empty")
    dialogue.add(
        Turn,
        by,
        at=now,
        round=dialogue.round,
        step=dialogue.step,
        text=text or None,
        answer="" if dialogue.step in WRITTEN_STEPS else action,
    )


def _tell_after_turn(dialogue: Dialogue, by) -> tuple[str, object]:
    """The activity verb and its recipient once a turn is taken: in
    writing, the one whose turn it is now is told, and both are told when
    it is finished."""
    next_actor = dialogue.actor
    told = dialogue.is_written and next_actor is not None and next_actor.pk != by.pk
    if dialogue.status == Status.FINISHED:
        return "dialogue.finished", written_partner(dialogue, by)
    if told:
        return "dialogue.your_turn", next_actor
    return "dialogue.step", NOBODY


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
    text = (text or "").strip()
    if len(text) > TURN_MAX:
        raise ValidationError(
            _("Keep it under %(limit)s characters.") % {"limit": TURN_MAX}, "too_long"
        )
    with STEPS.take("take_turn", dialogue, by=by, now=now) as step:
        fresh = step.obj
        if action not in ACTIONS.get(fresh.step, ()):
            raise Refused(
                _(
                    "That isn't a step you can take right now. The page may be out of date: reload it."
                ),
                "wrong_action",
            )
        if fresh.is_written:
            _write_turn(fresh, by=by, action=action, text=text, now=step.now)
        fresh.round, fresh.step, fresh.status = _next(fresh, action)
        if fresh.status == Status.FINISHED:
            fresh.finished_at = step.now
        step.verb, step.recipient = _tell_after_turn(fresh, by)
    return dialogue


def dialogue_break(*, dialogue: Dialogue, by, now: dt.datetime | None = None) -> None:
    """Either of you can call a break at any time; it suggests at least 20
    minutes apart before going on."""
    with STEPS.take("take_break", dialogue, by=by, now=now) as step:
        fresh = step.obj
        fresh.break_by = by
        fresh.break_until = step.now + dt.timedelta(minutes=BREAK_MINUTES)


def dialogue_resume(*, dialogue: Dialogue, by, now: dt.datetime | None = None) -> None:
    """Go on after a break. In writing, the one who asked for the break
    decides when; together, you decide side by side."""
    with STEPS.take("resume", dialogue, by=by, now=now) as step:
        fresh = step.obj
        fresh.break_by = None
        fresh.break_until = None


def dialogue_stop(*, dialogue: Dialogue, by, now: dt.datetime | None = None) -> None:
    """Stop here, for any reason. Nobody is blamed; you can start again."""
    with STEPS.take("stop", dialogue, by=by, now=now) as step:
        step.obj.finished_at = step.now


# Summaries: kept only when both agree


def summary_propose(
    *, dialogue: Dialogue, by, text: str, now: dt.datetime | None = None
) -> Summary:
    """Suggest keeping a summary. It is kept only if the partner agrees."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the summary first.")}, code="empty")
    if len(text) > SUMMARY_MAX:
        raise ValidationError(
            {"text": _("Keep it under %(limit)s characters.") % {"limit": SUMMARY_MAX}},
            code="too_long",
        )
    with STEPS.take("propose_summary", dialogue, by=by, now=now) as step:
        fresh = step.obj
        step.save = False  # the dialogue stays as it is
        summary = fresh.add(
            Summary, by, at=step.now, text=text, visibility=Visibility.SHARED
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
    with SUMMARY_STEPS.take("keep", summary, by=by, now=now) as step:
        step.obj.kept_at = step.now


def summary_let_go(*, summary: Summary, by) -> None:
    """Either of you can say no, now or later: the summary stops being
    shared and stays private to whoever wrote it (who can delete it).
    The partner is not told. Taking back one's words needs no partner:
    it works in a closed space too (an `anytime` step)."""
    with SUMMARY_STEPS.take("let_go", summary, by=by) as step:
        step.obj.kept_at = None


def summary_delete(*, summary: Summary, by) -> None:
    """Its author can delete a summary that is only theirs."""
    with SUMMARY_STEPS.take("delete", summary, by=by) as step:
        step.save = False
        step.obj.delete()
