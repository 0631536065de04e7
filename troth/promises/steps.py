"""The steps a promise can take, declared once (see `troth.spaces.steps`).

    open --(promiser: mark_done)--> done --(promisee: confirm_kept)--> kept
                                         --(promisee: confirm_not_quite)--> not_quite
                                            (the promiser may respond once)
    open --(promiser: propose, before the due time)
         --(promisee: accept_proposal, before the due time)--> open, renegotiated
         (or decline_proposal, or the promiser's withdraw_proposal)
    open --(either: request_cancel)--(the other: agree_cancel)--> cancelled
         (or the other's decline_cancel, or the asker's withdraw_cancel)
    open --(the clock, due time passed)--> missed   (not a partner's step)

The services take these steps; the promise's page shows the buttons of
`STEPS.allowed(promise, user)`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from troth.promises.models import EventKind, Promise, PromiseEvent, State
from troth.spaces.steps import Check, History, Step, Steps, Text, role

HISTORY = History(PromiseEvent, "promise", at=None)
# A refusal's words and code.
Refusal = tuple[Text, str]


def other_party(promise: Promise, user):
    """The other of the two people in a promise."""
    return promise.promisee if user.pk == promise.author_id else promise.author


def state_message(promise: Promise) -> str:
    messages = {
        State.DONE: _(
            "This promise is already marked done and waits for confirmation."
        ),
        State.KEPT: _("This promise was already confirmed as kept."),
        State.NOT_QUITE: _("This promise was already confirmed as not quite kept."),
        State.MISSED: _("This promise's due time passed: it counts as missed."),
        State.CANCELLED: _("This promise was cancelled."),
        State.OPEN: _("This promise hasn't been marked done yet."),
    }
    return str(messages[State(promise.state)])


def _promiser(message: Text) -> Check:
    return role(
        lambda p, u: p.author_id == u.pk,
        lambda p: message % {"name": p.author},
    )


def _promisers(name: str, refusal: Text, **step) -> Step:
    """A step only the promiser takes; anyone else is told `refusal`."""
    return Step(name, who=_promiser(refusal), **step)


def _promisee(message: Text) -> Check:
    return role(
        lambda p, u: p.promisee_id == u.pk,
        lambda p: message % {"name": p.promisee},
    )


PARTY = role(
    lambda p, u: u.pk in (p.author_id, p.promisee_id),
    _("Only the two people in this promise can do that."),
)
NOT_PAST_DUE = Check(
    lambda p, u, now: not p.is_past_due(now),
    _(
        "The due time of this promise has passed, so it can't be changed "
        "any more: it counts as missed."
    ),
    "past_due",
)


def _awaiting(
    has: Callable[[Promise], bool], *, none: Refusal, already: Refusal
) -> tuple[Check, Check]:
    """The two checks on something that waits for the other's answer (new
    terms, a request to cancel): that none waits yet, to ask; that one
    waits, to answer it. Each says why not, with its code."""
    return (
        Check(lambda p, u, now: not has(p), *already),
        Check(lambda p, u, now: p.state == State.OPEN and has(p), *none),
    )


NOT_PROPOSED, PROPOSAL_WAITING = _awaiting(
    lambda p: p.has_proposal,
    none=(_("No new terms are waiting for an answer."), "no_proposal"),
    already=(_("New terms are already waiting for an answer."), "already_proposed"),
)
NOT_REQUESTED, CANCEL_WAITING = _awaiting(
    lambda p: p.has_cancel_request,
    none=(_("No request to cancel is waiting for an answer."), "no_cancel_request"),
    already=(
        _("A request to cancel is already waiting for an answer."),
        "already_requested",
    ),
)
# Who asked to cancel waits for the other's answer, or takes it back.
NOT_THE_ASKER = Check(
    lambda p, u, now: p.cancel_requested_by_id != u.pk,
    _("You asked to cancel: your partner is the one to agree."),
    "wrong_person",
)
THE_ASKER = Check(
    lambda p, u, now: p.state == State.OPEN and p.cancel_requested_by_id == u.pk,
    _("You have no request to cancel waiting here."),
    "no_cancel_request",
)


def _responded(promise: Promise) -> bool:
    # Uses the prefetched history on the promise's page.
    return any(e.kind == EventKind.RESPONDED for e in promise.events.all())


# The promiser responds once, after a "not quite".
NOT_QUITE_SAID = Check(
    lambda p, u, now: p.state == State.NOT_QUITE,
    _("You can respond only after your partner said “not quite”."),
    "wrong_state",
)
NOT_RESPONDED = Check(
    lambda p, u, now: not _responded(p),
    _("You have already responded."),
    "already_responded",
)


def _answer(name: str, event: str, verb: str) -> Step:
    return Step(
        name,
        who=_promisee(
            _("Only %(name)s can answer new terms: the promise was made to them.")
        ),
        when=(PROPOSAL_WAITING, NOT_PAST_DUE),
        event=event,
        verb=verb,
    )


def _cancel_answer(name: str, event: str, verb: str, **more) -> Step:
    return Step(
        name,
        who=PARTY,
        when=(CANCEL_WAITING, NOT_THE_ASKER),
        event=event,
        verb=verb,
        **more,
    )


STEPS = Steps(
    _promisers(
        "mark_done",
        _("Only %(name)s can mark their promise as done."),
        source=[State.OPEN],
        target=State.DONE,
        when=(NOT_PAST_DUE,),
        event=EventKind.DONE,
        verb="promise.done",
    ),
    *(
        Step(
            name,
            source=[State.DONE],
            target=target,
            who=_promisee(
                _("Only %(name)s can confirm this promise: it was made to them.")
            ),
            event=event,
            verb=verb,
        )
        for name, target, event, verb in (
            ("confirm_kept", State.KEPT, EventKind.KEPT, "promise.kept"),
            (
                "confirm_not_quite",
                State.NOT_QUITE,
                EventKind.NOT_QUITE,
                "promise.not_quite",
            ),
        )
    ),
    _promisers(
        "respond",
        _("Only %(name)s can respond here: it is their promise."),
        when=(NOT_QUITE_SAID, NOT_RESPONDED),
        event=EventKind.RESPONDED,
        verb="promise.responded",
    ),
    _promisers(
        "propose",
        _("Only %(name)s can propose new terms for their promise."),
        source=[State.OPEN],
        when=(NOT_PAST_DUE, NOT_PROPOSED),
        event=EventKind.PROPOSED,
        verb="promise.proposed",
    ),
    _answer("accept_proposal", EventKind.ACCEPTED, "promise.renegotiated"),
    _answer("decline_proposal", EventKind.DECLINED, "promise.proposal_declined"),
    _promisers(
        "withdraw_proposal",
        _("Only %(name)s can withdraw their proposal."),
        when=(PROPOSAL_WAITING,),
        event=EventKind.WITHDRAWN,
        verb="promise.proposal_withdrawn",
    ),
    Step(
        "request_cancel",
        source=[State.OPEN],
        who=PARTY,
        when=(NOT_REQUESTED,),
        event=EventKind.CANCEL_REQUESTED,
        verb="promise.cancel_requested",
    ),
    _cancel_answer(
        "agree_cancel",
        EventKind.CANCEL_AGREED,
        "promise.cancelled",
        target=State.CANCELLED,
    ),
    _cancel_answer(
        "decline_cancel", EventKind.CANCEL_DECLINED, "promise.cancel_declined"
    ),
    Step(
        "withdraw_cancel",
        who=PARTY,
        when=(THE_ASKER,),
        event=EventKind.CANCEL_WITHDRAWN,
        verb="promise.cancel_withdrawn",
    ),
    model=Promise,
    related=("author", "promisee", "space"),
    history=HISTORY,
    recipient=other_party,
    state_message=state_message,
)
