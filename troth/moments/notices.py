"""Notification words for moments. They never quote a note, and the bid log
never notifies anyone."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "moments.noticed": (Category.CLOSENESS, _("{actor} noticed something you did.")),
    "moments.shared": (Category.CLOSENESS, _("{actor} shared a moment with you.")),
    "moments.acknowledged": (
        Category.CLOSENESS,
        _("{actor} acknowledged a moment you noted."),
    ),
    "moments.digest": (
        Category.CLOSENESS,
        _("Your week in moments: what you noticed, and what was noticed about you."),
    ),
}
