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


def _answer_mirror(name: str, target: str, event: str, verb: str) -> Step:
    return Step(
        name,
        target=target,
        who=HURT,
        when=(
            OPEN,
            _at(
                Stage.CONFIRM,
                _("There is no mirror waiting for your answer."),
                "not_confirm_step",
            ),
        ),
        event=event,
        verb=verb,
    )


STEPS = Steps(
    Step(
        "write_account",
        target=Stage.MIRROR,
        who=HURT,
        when=(
            OPEN,
            Check(
                lambda r, u, now: not r.is_heard,
                _("You've said you were heard; your account stays as it was."),
                "heard",
            ),
        ),
        event=EventKind.ACCOUNT,
        verb="repair.account",
    ),
    Step(
        "mirror",
        target=Stage.CONFIRM,
        who=OTHER,
        when=(
            OPEN,
            _at(
                Stage.MIRROR,
                _("There is no account waiting to be mirrored right now."),
                "not_mirror_step",
            ),
        ),
        event=EventKind.MIRRORED,
        verb="repair.mirrored",
    ),
    _answer_mirror("heard", Stage.APOLOGY, EventKind.HEARD, "repair.heard"),
    _answer_mirror("try_again", Stage.MIRROR, EventKind.AGAIN, "repair.try_again"),
    # A revised apology is the service's to tell: another history kind
    # and verb.
    Step(
        "send_apology",
        target=Stage.ANSWER,
        who=OTHER,
        when=(
            OPEN,
            Check(
                lambda r, u, now: r.is_heard,
                lambda r: (
                    _(
                        "The apology opens once %(name)s has said you heard them: "
                        "mirror their account first."
                    )
                    % {"name": r.hurt}
                ),
                "not_heard",
            ),
        ),
        event=EventKind.APOLOGY,
        verb="repair.apology",
    ),
    Step(
        "answer_apology",
        target=Stage.ANSWERED,
        who=HURT,
        when=(
            OPEN,
            _at(
                Stage.ANSWER,
                _("There is no apology waiting for your answer."),
                "not_answer_step",
            ),
        ),
        event=EventKind.ANSWERED,
        verb="repair.answered",
    ),
    Step(
        "move_phase",
        who=HURT,
        when=(OPEN,),
        event=EventKind.PHASE,
        verb="repair.phase",
    ),
    Step(
        "resolve",
        who=HURT,
        when=(OPEN,),
        event=EventKind.RESOLVED,
        verb="repair.resolved",
    ),
    Step(
        "reopen",
        who=HURT,
        when=(
            Check(
                lambda r, u, now: not r.is_open,
                _("This repair is already open."),
                "already_open",
            ),
        ),
        event=EventKind.REOPENED,
        verb="repair.reopened",
    ),
    Step("add_to_plan", when=(OPEN,), event=EventKind.PLAN, verb="repair.plan"),
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
