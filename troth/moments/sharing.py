"""What a person shares from moments, for the "What I share" page: the
moments about themself they chose to share. Moments about the partner are
written to the partner and are not "sharing" that can be stopped; they can
be deleted. The bid log is never shared."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from troth.lib.sharedrows import SharedRows
from troth.moments import services
from troth.moments.models import About, Moment


def _shared_own(user, space):
    return (
        Moment.objects.visible_to(user)
        .by(user)
        .shared()
        .filter(space=space, about=About.SELF)
    )


SHARED = SharedRows(
    kind="moment",
    group=gettext_lazy("Moments"),
    rows=_shared_own,
    label=lambda moment: f"{moment.kind_label} ({moment.occurred_on:%Y-%m-%d})",
    unshare=lambda moment, user: services.moment_unshare(moment=moment, by=user),
    order=("-occurred_on", "-id"),
)
shared, shared_by = SHARED.shared, SHARED.shared_by
stop, stop_all = SHARED.stop, SHARED.stop_all
