"""Notification words for the self map. They never say what an entry says."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "selfmap.entry_shared": (
        Category.CLOSENESS,
        _("{actor} shared something from their self map with you."),
    ),
    "selfmap.kind_shared": (
        Category.CLOSENESS,
        _("{actor} shared a part of their self map with you."),
    ),
    "selfmap.entry_changed": (
        Category.CLOSENESS,
        _("{actor} changed something they share from their self map."),
    ),
    "selfmap.thanked": (
        Category.CLOSENESS,
        _("{actor} thanked you for something in your self map."),
    ),
    "selfmap.talk_asked": (
        Category.CLOSENESS,
        _("{actor} would like to talk about something in your self map."),
    ),
}
