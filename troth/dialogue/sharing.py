"""What a person shares through dialogue: summaries kept (or suggested)
for both. Stopping makes a summary private to whoever wrote it again, and
tells nobody."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from troth.dialogue.models import Summary
from troth.dialogue.services import summary_let_go
from troth.lib.content import Visibility
from troth.lib.sharing import SharedItem


def _shared(user, space):
    return [
        s
        for s in Summary.objects.visible_to(user)
        .filter(space=space, visibility=Visibility.SHARED)
        .select_related("dialogue")
        if s.dialogue.is_party(user)
    ]


def shared_by(user, space) -> list[SharedItem]:
    return [
        SharedItem(
            group=_("Dialogue"),
            label=_("Summary: %(start)s")
            % {"start": s.text[:60] + ("…" if len(s.text) > 60 else "")},
            key=f"summary:{s.pk}",
            detail=_("Kept by both of you")
            if s.is_kept
            else _("Suggested, not yet agreed"),
        )
        for s in _shared(user, space)
    ]


def stop(user, space, key: str) -> bool:
    kind, _sep, pk = key.partition(":")
    if kind != "summary" or not pk.isdigit():
        return False
    for summary in _shared(user, space):
        if summary.pk == int(pk):
            try:
                summary_let_go(summary=summary, by=user)
            except ValidationError:
                return False
            return True
    return False


def stop_all(user, space) -> int:
    stopped = 0
    for summary in _shared(user, space):
        try:
            summary_let_go(summary=summary, by=user)
        except ValidationError:
            continue
        stopped += 1
    return stopped
