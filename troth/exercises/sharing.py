"""What a person shares in exercises: logs of how an exercise went.
Planned exercises are for both partners and always shared, like the
calendar event they come with; they are not listed here."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.exercises.models import ExerciseLog
from troth.exercises.services import log_stop
from troth.lib.sharedrows import SharedRows

SHARED = SharedRows(
    kind="log",
    group=gettext_lazy("Exercises"),
    rows=lambda user, space: (
        ExerciseLog.objects.by(user)
        .in_space(space)
        .shared()
        .select_related("session")
        .order_by("-created", "-id")
    ),
    label=lambda log: _("How “%(title)s” went for you") % {"title": log.session.title},
    unshare=lambda log, user: log_stop(log=log, by=user),
)
shared, shared_by = SHARED.shared, SHARED.shared_by
stop, stop_all = SHARED.stop, SHARED.stop_all
