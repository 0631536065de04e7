"""What a person shares from moments, for the "What I share" page: the
moments about themself they chose to share. Moments about the partner are
written to the partner and are not "sharing" that can be stopped; they can
be deleted. The bid log is never shared."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.lib.sharing import SharedItem
from troth.moments import services
from troth.moments.models import About, Moment


def _shared_own(user, space):
    return (
        Moment.objects.visible_to(user)
        .by(user)
        .shared()
        .filter(space=space, about=About.SELF)
    )


def shared_by(user, space) -> list[SharedItem]:
    return [
        SharedItem(
            group=_("Moments"),
            label=f"{moment.kind_label} ({moment.occurred_on:%Y-%m-%d})",
            key=f"moment:{moment.pk}",
        )
        for moment in _shared_own(user, space).order_by("-occurred_on", "-id")
    ]


def stop(user, space, key: str) -> bool:
    what, _sep, ident = (key or "").partition(":")
    if what != "moment" or not ident.isdigit():
        return False
    moment = _shared_own(user, space).filter(pk=int(ident)).first()
    if moment is None:
        return False
    services.moment_unshare(moment=moment, by=user)
    return True


def stop_all(user, space) -> int:
    moments = list(_shared_own(user, space))
    for moment in moments:
        services.moment_unshare(moment=moment, by=user)
    return len(moments)
