"""What a person shares from their self map, for the "What I share" page.

Stopping goes through the same services as the self map's own buttons: the
entry becomes private at once, and the partner is not told."""

from __future__ import annotations

from django.utils.translation import gettext as _

from troth.lib.sharing import SharedItem, SharedList
from troth.selfmap import services
from troth.selfmap.models import KIND_PLURALS, Entry, KindShare


def _entry_item(entry) -> SharedItem:
    return SharedItem(
        group=_("Self map"),
        label=f"{entry.get_kind_display()}: {entry.title}",
        key=f"entry:{entry.pk}",
    )


def shared(user, space) -> SharedList:
    """Whole kinds first (a handful at most), then each shared entry."""
    kinds = [
        SharedItem(
            group=_("Self map"),
            label=_("All my %(kind)s")
            % {"kind": str(KIND_PLURALS[share.kind]).lower()},
            key=f"kind:{share.kind}",
            detail=_("New entries of this kind start shared"),
        )
        for share in KindShare.objects.filter(space=space, author=user).order_by("kind")
    ]
    entries = (
        Entry.objects.visible_to(user)
        .by(user)
        .shared()
        .filter(space=space)
        .order_by("kind", "-created", "-id")
    )
    return SharedList(entries, _entry_item, first=kinds)


def shared_by(user, space) -> list[SharedItem]:
    return list(shared(user, space))


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
    stopped = shared(user, space).count()
    for share in list(KindShare.objects.filter(space=space, author=user)):
        services.kind_unshare(space=space, author=user, kind=share.kind)
    for entry in list(Entry.objects.by(user).shared().filter(space=space)):
        services.entry_unshare(entry=entry, by=user)
    return stopped
