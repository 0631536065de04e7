"""What a person shares in goals: their reflections on finished goals.
Goals and their steps are the couple's and always shared, like promises;
they are not listed here."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.goals.models import Reflection
from troth.goals.services import reflection_stop
from troth.lib.sharedrows import SharedRows

SHARED = SharedRows(
    kind="reflection",
    group=gettext_lazy("Goals and adventures"),
    rows=lambda user, space: (
        Reflection.objects.by(user)
        .in_space(space)
        .shared()
        .select_related("goal")
        .order_by("-created", "-id")
    ),
    label=lambda r: _("Your reflection on “%(title)s”") % {"title": r.goal.title},
    unshare=lambda r, user: reflection_stop(reflection=r, by=user),
)
shared, shared_by = SHARED.shared, SHARED.shared_by
stop, stop_all = SHARED.stop, SHARED.stop_all
