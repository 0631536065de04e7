"""What a person shares through the trust audit: their reflections, which
the partner reads once both have written theirs. Commitments are proposals
of promises, shared like promises, so they are not listed here."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from troth.audits import services
from troth.audits.models import Reflection
from troth.lib.content import Visibility
from troth.lib.sharing import SharedItem

KEY = "reflections"


def _shared(user, space):
    return Reflection.objects.filter(
        space=space, author=user, visibility=Visibility.SHARED
    )


def shared_by(user, space) -> list[SharedItem]:
    count = _shared(user, space).count()
    if not count:
        return []
    return [
        SharedItem(
            group=_("Trust audit"),
            label=ngettext(
                "Your reflection in %(n)d audit",
                "Your reflections in %(n)d audits",
                count,
            )
            % {"n": count},
            key=KEY,
            detail=_("Your partner reads each once you have both written yours"),
        )
    ]


def stop(user, space, key: str) -> bool:
    if key != KEY:
        return False
    return bool(services.reflections_sharing_stop(user=user, space=space))


def stop_all(user, space) -> int:
    return services.reflections_sharing_stop(user=user, space=space)
