"""What a person shares with a counsellor, and how to stop (see
troth/lib/sharing.py): a window proposed or open onto the couple's space
is shared by both partners, and either stops it alone: stopping closes it,
and the partner is not told. The emergency reset closes every window."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from troth.counsel.models import Window
from troth.counsel.services import window_close
from troth.lib.sharing import SharedItem


def _item(window: Window) -> SharedItem:
    if window.ends_on is None:
        label = _("With a counsellor: %(who)s, waiting for an answer") % {
            "who": window.counsellor_label
        }
    else:
        label = _("With a counsellor: %(who)s, until %(date)s") % {
            "who": window.counsellor_label,
            "date": formats.date_format(window.ends_on, "DATE_FORMAT"),
        }
    return SharedItem(
        group=_("With a counsellor"), label=label, key=f"window:{window.pk}"
    )


def _live(user, space):
    if space is None:
        return Window.objects.none()
    return Window.objects.visible_to(user).filter(space=space).live()


def shared_by(user, space) -> list[SharedItem]:
    return [_item(window) for window in _live(user, space)]


def stop(user, space, key: str) -> bool:
    kind, _sep, pk = key.partition(":")
    if kind != "window" or not pk.isdigit():
        return False
    window = _live(user, space).filter(pk=int(pk)).first()
    if window is None:
        return False
    window_close(window=window, by=user)
    return True


def stop_all(user, space) -> int:
    closed = 0
    for window in _live(user, space):
        window_close(window=window, by=user)
        closed += 1
    return closed
