"""What a person shares through dialogue: summaries kept (or suggested)
for both. Stopping makes a summary private to whoever wrote it again, and
tells nobody."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from troth.dialogue.models import Summary
from troth.dialogue.services import summary_let_go
from troth.lib.content import Visibility
from troth.lib.sharing import SharedItem, SharedList


def _shared(user, space):
    """Shared summaries of the dialogues `user` speaks in (`Dialogue.is_party`)."""
    return (
        Summary.objects.visible_to(user)
        .filter(space=space, visibility=Visibility.SHARED)
        .filter(Q(dialogue__first_sender=user) | Q(dialogue__first_receiver=user))
        .select_related("dialogue")
    )


def _item(s) -> SharedItem:
    return SharedItem(
        group=_("Dialogue"),
        label=_("Summary: %(start)s")
        % {"start": s.text[:60] + ("…" if len(s.text) > 60 else "")},
        key=f"summary:{s.pk}",
        detail=_("Kept by both of you")
        if s.is_kept
        else _("Suggested, not yet agreed"),
    )


def shared(user, space) -> SharedList:
    return SharedList(_shared(user, space), _item)


def shared_by(user, space) -> list[SharedItem]:
    return list(shared(user, space))


def stop(user, space, key: str) -> bool:
    kind, _sep, pk = key.partition(":")
    if kind != "summary" or not pk.isdigit():
        return False
    summary = _shared(user, space).filter(pk=int(pk)).first()
    if summary is None:
        return False
    try:
        summary_let_go(summary=summary, by=user)
    except ValidationError:
        return False
    return True


def stop_all(user, space) -> int:
    stopped = 0
    for summary in _shared(user, space):
        try:
            summary_let_go(summary=summary, by=user)
        except ValidationError:
            continue
        stopped += 1
    return stopped
