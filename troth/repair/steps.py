"""The steps a repair can take, declared once (see `troth.spaces.steps`).

    account (hurt: write_account) --> mirror (other: mirror)
        --> confirm (hurt: heard) --> apology (other: send_apology)
        --> answer (hurt: answer_apology) --> answered
        (confirm --(hurt: try_again)--> mirror; the account can be written
        again until the hurt partner feels heard; a revised apology goes
        back to answer)
    phase: Atone <-> Attune <-> Attach (hurt: move_phase, one at a time)
    open --(hurt: resolve)--> closed --(hurt: reopen)--> open
    either partner, while it is open: add_to_plan

Three more are private steps that leave nothing on the shared repair: a
private note or therapy log entry (either partner of the repair) and a
forgiveness check-in (the hurt partner). Their services take them without
saving the repair, make a private row and name it as the activity's
target, recorded for its author alone.

The state is the heard-first `step` field; whether the repair is open is a
condition (refused as "resolved"), so each refusal keeps its own code.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.repair.models import EventKind, Repair, RepairEvent
from troth.repair.models import Step as Stage
from troth.spaces.steps import Check, History, Step, Steps, Text

HISTORY = History(RepairEvent, "repair")


def other_party(repair: Repair, user):
    """The other of the two people in a repair."""
    return repair.other if user.pk == repair.hurt_id else repair.hurt


HURT = Check(
    lambda r, u, now: u.pk == r.hurt_id,
    lambda r: _("This step belongs to %(name)s, who was hurt.") % {"name": r.hurt},
    "not_hurt",
)
OTHER = Check(
    lambda r, u, now: u.pk == r.other_id,
    lambda r: _("This step belongs to %(name)s.") % {"name": r.other},
    "not_other",
)
OPEN = Check(
    lambda r, u, now: r.is_open,
    _("This repair is closed. The one who was hurt can reopen it."),
    "resolved",
)


def _at(stage: str, message: Text, code: str) -> Check:
    return Check(lambda r, u, now: r.step == stage, message, code)


def _party(message: Text) -> Check:
    return Check(lambda r, u, now: r.role_of(u) != "", message, "not_party")


# Where the heard-first exchange stands, each in the words of the one who
# would take the step.
NOT_HEARD = Check(
    lambda r, u, now: not r.is_heard,
    _("You've said you were heard; your account stays as it was."),
    "heard",
)
AT_MIRROR = _at(
    Stage.MIRROR,
    _("There is no account waiting to be mirrored right now."),
    "not_mirror_step",
)
AT_CONFIRM = _at(
    Stage.CONFIRM, _("There is no mirror waiting for your answer."), "not_confirm_step"
)
HEARD = Check(
    lambda r, u, now: r.is_heard,
    lambda r: (
        _(
            "The apology opens once %(name)s has said you heard them: "
            "mirror their account first."
        )
        % {"name": r.hurt}
    ),
    "not_heard",
)
AT_ANSWER = _at(
    Stage.ANSWER, _("There is no apology waiting for your answer."), "not_answer_step"
)
CLOSED = Check(
    lambda r, u, now: not r.is_open,
    _("This repair is already open."),
    "already_open",
)

# What each shared step leaves behind: its entry in the repair's history
# and the activity the partner is told of.
LEAVES = {
    "write_account": (EventKind.ACCOUNT, "repair.account"),
    "mirror": (EventKind.MIRRORED, "repair.mirrored"),
    "heard": (EventKind.HEARD, "repair.heard"),
    "try_again": (EventKind.AGAIN, "repair.try_again"),
    # A revised apology is the service's to tell: another history kind
    # and verb.
    "send_apology": (EventKind.APOLOGY, "repair.apology"),
    "answer_apology": (EventKind.ANSWERED, "repair.answered"),
    "move_phase": (EventKind.PHASE, "repair.phase"),
    "resolve": (EventKind.RESOLVED, "repair.resolved"),
    "reopen": (EventKind.REOPENED, "repair.reopened"),
    "add_to_plan": (EventKind.PLAN, "repair.plan"),
}


def _shared(name: str, **declared) -> Step:
    """The step `name`, leaving behind what `LEAVES` says."""
    event, verb = LEAVES[name]
    return Step(name, event=event, verb=verb, **declared)


STEPS = Steps(
    _shared("write_account", target=Stage.MIRROR, who=HURT, when=(OPEN, NOT_HEARD)),
    _shared("mirror", target=Stage.CONFIRM, who=OTHER, when=(OPEN, AT_MIRROR)),
    _shared("heard", target=Stage.APOLOGY, who=HURT, when=(OPEN, AT_CONFIRM)),
    _shared("try_again", target=Stage.MIRROR, who=HURT, when=(OPEN, AT_CONFIRM)),
    _shared("send_apology", target=Stage.ANSWER, who=OTHER, when=(OPEN, HEARD)),
    _shared("answer_apology", target=Stage.ANSWERED, who=HURT, when=(OPEN, AT_ANSWER)),
    _shared("move_phase", who=HURT, when=(OPEN,)),
    _shared("resolve", who=HURT, when=(OPEN,)),
    _shared("reopen", who=HURT, when=(CLOSED,)),
    # Either partner, while it is open.
    _shared("add_to_plan", when=(OPEN,)),
    # Private: the repair itself doesn't change (see the module's docstring).
    Step(
        "write_note",
        who=_party(_("Only the two of you can keep notes here.")),
        verb="repair.note",
        private=True,
    ),
    Step(
        "log_therapy",
        who=_party(_("Only the two of you can keep a log here.")),
        verb="repair.therapy",
        private=True,
    ),
    Step(
        "check_in",
        who=Check(
            lambda r, u, now: u.pk == r.hurt_id,
            _("Forgiveness check-ins are for the one who was hurt."),
            "not_hurt",
        ),
        verb="repair.checkin",
        private=True,
    ),
    state="step",
    related=("space", "hurt", "other"),
    history=HISTORY,
    recipient=other_party,
)
