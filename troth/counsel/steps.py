"""The steps a counsellor's window can take, declared once (see
`troth.spaces.steps`).

    proposed --(the other partner: accept, the same scope)--> open
    proposed --(the other: decline)--> declined
    proposed --(the proposer: withdraw)--> withdrawn
    proposed/open --(either partner, alone: close)--> closed
    open --(either: propose_renewal; the other: accept_renewal or
            decline_renewal)--> open, perhaps with a later end
    open --(its end date passes: the clock)--> expired

Proposing is a service (`window_propose`), not a step: there is no window
yet. A close tells nobody and its history names nobody (a closed window
says only that it was closed): it is declared without a verb or an event,
and the service appends the actor-less entry itself.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.counsel.models import EventKind, Status, Window, WindowEvent
from troth.spaces.steps import Check, History, Step, Steps, role

OTHER = role(
    lambda w, u: w.proposed_by_id != u.pk,
    _("You proposed this window: your partner is the one to answer it."),
)
PROPOSER = role(
    lambda w, u: w.proposed_by_id == u.pk,
    _("Only the partner who proposed the window can withdraw it."),
)
# Either partner who is still in the space, even once it closed (a close
# is the one step taken anytime: the emergency reset takes it too).
PARTNER = role(
    lambda w, u: any(p.pk == u.pk for p in w.space.partners),
    _("Only the partners in this space can do that."),
)
NOT_PAST_END = Check(
    lambda w, u, now: not w.is_past_end(now),
    _("This window has reached its end date."),
    "past_end",
)
NO_RENEWAL = Check(
    lambda w, u, now: not w.has_renewal,
    _("A later end is already waiting for an answer."),
    "renewal_waiting",
)
RENEWAL_WAITING = Check(
    lambda w, u, now: w.has_renewal,
    _("No later end is waiting for an answer."),
    "no_renewal",
)
NOT_MY_RENEWAL = Check(
    lambda w, u, now: w.renewal_by_id != u.pk,
    _("You proposed this later end: your partner is the one to answer it."),
    "own_renewal",
)


def _answer_renewal(name: str, event: str, verb: str, *, private: bool) -> Step:
    return Step(
        name,
        source=[Status.OPEN],
        when=(NOT_PAST_END, RENEWAL_WAITING, NOT_MY_RENEWAL),
        event=event,
        verb=verb,
        private=private,
    )


STEPS = Steps(
    Step(
        "accept",
        source=[Status.PROPOSED],
        target=Status.OPEN,
        who=OTHER,
        event=EventKind.ACCEPTED,
        verb="counsel.accepted",
    ),
    Step(
        "decline",
        source=[Status.PROPOSED],
        target=Status.DECLINED,
        who=OTHER,
        event=EventKind.DECLINED,
        verb="counsel.declined",
        private=True,
    ),
    Step(
        "withdraw",
        source=[Status.PROPOSED],
        target=Status.WITHDRAWN,
        who=PROPOSER,
        event=EventKind.WITHDRAWN,
        verb="counsel.withdrawn",
        private=True,
    ),
    # Either partner, alone, at once; nobody is told (no verb) and the
    # history's entry names nobody (appended by the service).
    Step(
        "close",
        source=[Status.PROPOSED, Status.OPEN],
        target=Status.CLOSED,
        who=PARTNER,
        anytime=True,
    ),
    Step(
        "propose_renewal",
        source=[Status.OPEN],
        when=(NOT_PAST_END, NO_RENEWAL),
        event=EventKind.RENEWAL_PROPOSED,
        verb="counsel.renewal_proposed",
    ),
    _answer_renewal(
        "accept_renewal", EventKind.RENEWED, "counsel.renewed", private=False
    ),
    _answer_renewal(
        "decline_renewal",
        EventKind.RENEWAL_DECLINED,
        "counsel.renewal_declined",
        private=True,
    ),
    model=Window,
    state="status",
    related=("space",),
    history=History(WindowEvent, "window"),
    recipient=lambda window, by: window.space.partner_of(by),
    state_message=_("This window can't do that any more."),
)
