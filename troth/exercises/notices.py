from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "exercise.scheduled": (
        Category.REVIEW,
        _("{actor} planned an exercise for the two of you."),
    ),
    "exercise.cancelled": (
        Category.REVIEW,
        _("{actor} called off a planned exercise."),
    ),
    "exercise.logged": (
        Category.REVIEW,
        _("{actor} shared how an exercise went for them."),
    ),
    "exercise.soon": (
        Category.REVIEW,
        _("An exercise you planned together starts soon."),
    ),
    "exercise.log_prompt": (
        Category.REVIEW,
        _(
            "How did your exercise go? Say so if you like; it stays yours unless you share it."
        ),
    ),
}
