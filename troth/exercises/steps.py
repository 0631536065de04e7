"""The steps a planned exercise and a log of it can take, declared once
(see `troth.spaces.steps`).

    a session:  planned --(whoever planned it, before it starts: cancel)--> called off
                log      (either partner, once it has started, unless called off)
    a log:      shared --(its author: stop)--> private

Stopping to share a log takes back a person's own words: it stays open to
them in a closed space, and even after they left it (`anytime`), and it
is noted in their own history only (`private`).

The services take these steps; the session's page shows the buttons of
`SESSION_STEPS.allowed`.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from troth.exercises.models import Session
from troth.spaces.steps import (
    Check,
    Step,
    Steps,
    author,
    taking_back_steps,
)

# A session may be logged this long before its start.
SLACK = timedelta(minutes=5)

NOT_CALLED_OFF = Check(
    lambda s, u, now: not s.is_cancelled,
    _("This was called off, so there is nothing to log."),
    "cancelled",
)


def partner_of(session: Session, by):
    return session.space.partner_of(by)


SESSION_STEPS = Steps(
    Step(
        "cancel",
        who=author(
            _(
                "The one who planned it can call it off; you can say you didn't "
                "get to it."
            )
        ),
        when=(
            Check(
                lambda s, u, now: not s.is_cancelled,
                _("This was already called off."),
                "already_done",
            ),
            Check(
                lambda s, u, now: s.starts_at > now,
                _("It has started: log that you didn't get to it instead."),
                "started",
            ),
        ),
        verb="exercise.cancelled",
    ),
    Step(
        "log",
        when=(
            NOT_CALLED_OFF,
            Check(
                lambda s, u, now: s.starts_at <= now + SLACK,
                _("You can log how it went once it has started."),
                "not_started",
            ),
        ),
        verb="exercise.logged",
    ),
    related=("space",),
    recipient=partner_of,
)

LOG_STEPS = taking_back_steps(
    "exercise.log_stopped", not_shared=_("Your log is not shared.")
)
