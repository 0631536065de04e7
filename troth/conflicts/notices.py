from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "conflict.logged": (
        Category.REVIEW,
        _("{actor} logged a disagreement and shared their view of it."),
    ),
    "conflict.view_added": (
        Category.REVIEW,
        _("{actor} added their view of a disagreement."),
    ),
    "conflict.view_shared": (
        Category.REVIEW,
        _("{actor} shared their view of a disagreement."),
    ),
}
