"""What a person shares in the conflicts log: their shared views."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from troth.conflicts.models import ConflictView
from troth.conflicts.services import conflict_view_stop
from troth.lib.sharing import SharedItem, SharedList


def _shared(user, space):
    return (
        ConflictView.objects.by(user)
        .in_space(space)
        .shared()
        .select_related("conflict")
        .order_by("-conflict__occurred_at", "-id")
    )


def _item(view) -> SharedItem:
    return SharedItem(
        group=_("Disagreements"),
        label=_("Your view of “%(topic)s”") % {"topic": view.conflict.topic},
        key=f"view:{view.pk}",
        detail=_("Topic, date and your view"),
    )


def shared(user, space) -> SharedList:
    return SharedList(_shared(user, space), _item)


def shared_by(user, space) -> list[SharedItem]:
    return list(shared(user, space))


def stop(user, space, key: str) -> bool:
    kind, _sep, raw = key.partition(":")
    if kind != "view" or not raw.isdigit():
        return False
    view = _shared(user, space).filter(pk=int(raw)).first()
    if view is None:
        return False
    try:
        conflict_view_stop(view=view, by=user)
    except ValidationError:
        return False
    return True


def stop_all(user, space) -> int:
    stopped = 0
    for view in _shared(user, space):
        conflict_view_stop(view=view, by=user)
        stopped += 1
    return stopped
