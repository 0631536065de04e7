"""The steps of a dialogue and of its summary, declared once (see
`troth.spaces.steps`).

    active --(take_turn: together, either of you; in writing, the one
              whose turn it is)--> active ... --> finished
    active --(either: take_break)--> break
           --(resume: together, either; in writing, who asked)--> active
    active, break --(either: stop)--> stopped
    finished, stopped --(either: propose_summary, while none is shared)
        --> a summary, proposed
    proposed --(the partner, not its author: keep)--> kept
    proposed, kept --(either: let_go)--> private to its author
        --(its author: delete)--> gone

The services take these steps; the dialogue's page shows the buttons of
`STEPS.allowed(dialogue, user)` and `summary_allowed(summary, user)`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.dialogue.models import Dialogue, Status, Summary
from troth.lib.content import Visibility
from troth.spaces.steps import Check, Message, Step, Steps


def _party(message, dialogue=lambda obj: obj) -> Check:
    """Only the two people in the dialogue (found from `obj` by `dialogue`)."""
    return Check(
        lambda obj, user, now: dialogue(obj).is_party(user), message, "not_party"
    )


def _your_turn(dialogue: Dialogue, user) -> bool:
    """Together, whoever holds the phone presses on; in writing, each turn
    is one person's."""
    actor = dialogue.actor
    return not dialogue.is_written or (actor is not None and actor.pk == user.pk)


def _in(field: str, values: tuple[str, ...], message: Message, code: str) -> Check:
    """The thing's `field` (a dialogue's status, a summary's visibility)
    holds one of `values`."""
    return Check(lambda obj, u, now: getattr(obj, field) in values, message, code)


PARTY = _party(_("Only the two of you can take part."))

# What the dialogue's steps need besides the partner: each condition once,
# with the words a person reads when it doesn't hold.
NOT_ON_BREAK = Check(
    lambda d, u, now: d.status != Status.BREAK,
    _("You're on a break. Resume when you're both ready."),
    "on_break",
)
ACTIVE = _in("status", (Status.ACTIVE,), _("This dialogue is over."), "finished")
YOUR_TURN = Check(
    lambda d, u, now: _your_turn(d, u),
    lambda d: _("It's %(name)s's turn.") % {"name": d.actor},
    "not_your_turn",
)
PAUSABLE = _in(
    "status", (Status.ACTIVE,), _("There's nothing to pause right now."), "not_active"
)
ON_BREAK = _in(
    "status", (Status.BREAK,), _("This dialogue isn't on a break."), "not_on_break"
)
# In writing, the one who asked for the break says when it is over.
BREAK_TAKER = Check(
    lambda d, u, now: not d.is_written or d.break_by_id == u.pk,
    lambda d: (
        _("%(name)s asked for the break; they'll resume when ready.")
        % {"name": d.break_by}
    ),
    "not_break_taker",
)
ONGOING = Check(
    lambda d, u, now: d.is_ongoing,
    _("This dialogue is already over."),
    "finished",
)
OVER = Check(
    lambda d, u, now: not d.is_ongoing,
    _("Finish or stop the dialogue first; then you can suggest a summary."),
    "ongoing",
)
NO_SHARED_SUMMARY = Check(
    # Reads the summaries prefetched on the dialogue's page.
    lambda d, u, now: not any(s.is_shared for s in d.summaries.all()),
    _("A summary is already suggested or kept for this dialogue."),
    "exists",
)


def written_partner(dialogue: Dialogue, by):
    """Who hears of a step: together, both are there; in writing, the
    partner is told."""
    return dialogue.partner_of(by) if dialogue.is_written else None


def _by_either(name: str, *when: Check, **rest) -> Step:
    """A step of the dialogue: either of its two people takes it, when
    `when` holds."""
    return Step(name, who=PARTY, when=when, **rest)


STEPS = Steps(
    # The verb of a turn depends on where it leads (see the service).
    _by_either("take_turn", NOT_ON_BREAK, ACTIVE, YOUR_TURN),
    _by_either("take_break", PAUSABLE, target=Status.BREAK, verb="dialogue.break"),
    _by_either(
        "resume", ON_BREAK, BREAK_TAKER, target=Status.ACTIVE, verb="dialogue.resumed"
    ),
    _by_either("stop", ONGOING, target=Status.STOPPED, verb="dialogue.stopped"),
    # The dialogue stays as it is; the activity is about the summary (see
    # the service).
    _by_either("propose_summary", OVER, NO_SHARED_SUMMARY),
    state="status",
    related=("space", "first_sender", "first_receiver", "break_by"),
    recipient=written_partner,
)


def _of_summary(summary: Summary) -> Dialogue:
    return summary.dialogue


def _wrote_it(wrote: bool, message: Message, code: str) -> Check:
    """Whether the person wrote the summary is `wrote`."""
    return Check(lambda s, u, now: (s.author_id == u.pk) == wrote, message, code)


# What the summary's steps need, each once.
PROPOSED = Check(
    lambda s, u, now: s.is_proposed,
    _("This summary isn't waiting for an answer."),
    "not_proposed",
)
NOT_OWN = _wrote_it(
    False, _("You suggested it: your partner is the one to agree."), "own_summary"
)
SHARED = _in(
    "visibility", (Visibility.SHARED,), _("This summary isn't shared."), "not_shared"
)
OWN = _wrote_it(True, _("Only its author can delete this."), "not_author")
NOT_SHARED = _in(
    "visibility",
    (Visibility.PRIVATE,),
    _("Stop sharing it first: it belongs to both of you while shared."),
    "shared",
)


def _taking_back(name: str, *when: Check, verb: str, **rest) -> Step:
    """Taking back one's own words needs no partner: a person may stop
    sharing a summary, or delete their private one, even once the space is
    closed (`anytime`). The partner is not told (`private`)."""
    return Step(name, when=when, verb=verb, private=True, anytime=True, **rest)


SUMMARY_STEPS = Steps(
    Step(
        "keep",
        when=(
            PROPOSED,
            NOT_OWN,
            _party(_("Only the two of you can agree to this."), _of_summary),
        ),
        verb="dialogue.summary_kept",
    ),
    _taking_back(
        "let_go",
        SHARED,
        _party(_("Only the two of you can do that."), _of_summary),
        target=Visibility.PRIVATE,
        verb="dialogue.summary_let_go",
    ),
    _taking_back("delete", OWN, NOT_SHARED, verb="dialogue.summary_deleted"),
    state="visibility",
    space=lambda s: s.dialogue.space,
    related=("dialogue__space", "dialogue__first_sender", "dialogue__first_receiver"),
    recipient=lambda s, by: s.author,
)

# The summary steps a person may take now (taking back one's words, in a
# closed space too).
summary_allowed = SUMMARY_STEPS.allowed
