"""What a person shares in goals: their reflections on finished goals.
Goals and their steps are the couple's and always shared, like promises;
they are not listed here."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.goals.models import Reflection
from troth.goals.services import reflection_stop
from troth.lib.sharing import SharedItem


def _shared(user, space):
    return (
        Reflection.objects.by(user)
        .in_space(space)
        .shared()
        .select_related("goal")
        .order_by("-created", "-id")
    )


def shared_by(user, space) -> list[SharedItem]:
    return [
        SharedItem(
            group=_("Goals and adventures"),
            label=_("Your reflection on “%(title)s”") % {"title": r.goal.title},
            key=f"reflection:{r.pk}",
        )
        for r in _shared(user, space)
    ]


def stop(user, space, key: str) -> bool:
    kind, _sep, raw = key.partition(":")
    if kind != "reflection" or not raw.isdigit():
        return False
    reflection = _shared(user, space).filter(pk=int(raw)).first()
    if reflection is None:
        return False
    reflection_stop(reflection=reflection, by=user)
    return True


def stop_all(user, space) -> int:
    stopped = 0
    for reflection in _shared(user, space):
        reflection_stop(reflection=reflection, by=user)
        stopped += 1
    return stopped
