"""What a person shares from their self map, for the "What I share" page.

Stopping goes through the same services as the self map's own buttons: the
entry becomes private at once, and the partner is not told."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.lib.sharing import SharedItem
from troth.selfmap import services
from troth.selfmap.models import KIND_PLURALS, Entry, KindShare


def shared_by(user, space) -> list[SharedItem]:
    group = _("Self map")
    items = [
        SharedItem(
            group=group,
            label=_("All my %(kind)s")
            % {"kind": str(KIND_PLURALS[share.kind]).lower()},
            key=f"kind:{share.kind}",
            detail=_("New entries of this kind start shared"),
        )
        for share in KindShare.objects.filter(space=space, author=user).order_by("kind")
    ]
    items.extend(
        SharedItem(
            group=group,
            label=f"{entry.get_kind_display()}: {entry.title}",
            key=f"entry:{entry.pk}",
        )
        for entry in Entry.objects.visible_to(user)
        .by(user)
        .shared()
        .filter(space=space)
        .order_by("kind", "-created")
    )
    return items


def stop(user, space, key: str) -> bool:
    what, _sep, ident = (key or "").partition(":")
    if what == "kind":
        if not KindShare.objects.filter(space=space, author=user, kind=ident).exists():
            return False
        services.kind_unshare(space=space, author=user, kind=ident)
        return True
    if what == "entry" and ident.isdigit():
        entry = (
            Entry.objects.visible_to(user)
            .by(user)
            .shared()
            .filter(pk=int(ident), space=space)
            .first()
        )
        if entry is None:
            return False
        services.entry_unshare(entry=entry, by=user)
        return True
    return False


def stop_all(user, space) -> int:
    """Stop every item `shared_by` lists; returns how many that was."""
    stopped = len(shared_by(user, space))
    for share in list(KindShare.objects.filter(space=space, author=user)):
        services.kind_unshare(space=space, author=user, kind=share.kind)
    for entry in list(Entry.objects.by(user).shared().filter(space=space)):
        services.entry_unshare(entry=entry, by=user)
    return stopped
