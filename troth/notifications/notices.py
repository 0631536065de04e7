"""The words of each notification kind.

Each app may add `NOTICES` in `troth/<app>/notices.py`: a dict from kind to
(category, text). Text may use {actor}; it must never include what anyone
wrote, because a notification can be read on a shared screen or in email.
"""

from __future__ import annotations

from functools import cache

from django.utils.translation import gettext_lazy as _

from troth.lib.hooks import app_modules
from troth.notifications.categories import Category

NOTICES = {
    "space.joined": (Category.SPACE, _("{actor} joined your space.")),
    "space.left": (Category.SPACE, _("{actor} left the space. It is now closed.")),
}


@cache
def registry() -> dict:
    merged: dict = {}
    for module in app_modules("notices"):
        merged.update(module.NOTICES)
    return merged


def category_of(kind: str) -> str:
    entry = registry().get(kind)
    return entry[0] if entry else Category.SPACE


def notice_text(notification) -> str:
    entry = registry().get(notification.kind)
    actor = str(notification.actor) if notification.actor_id else _("Troth")
    if entry is None:
        return str(_("You have an update."))
    return str(entry[1]).format(actor=actor)
