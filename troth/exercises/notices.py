"""What each exercise notification says; all of them are for review."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

_WORDS = {
    "exercise.scheduled": _("{actor} planned an exercise for the two of you."),
    "exercise.cancelled": _("{actor} called off a planned exercise."),
    "exercise.logged": _("{actor} shared how an exercise went for them."),
    "exercise.soon": _("An exercise you planned together starts soon."),
    "exercise.log_prompt": _(
        "How did your exercise go? Say so if you like; it stays yours unless you share it."
    ),
}
NOTICES = {kind: (Category.REVIEW, words) for kind, words in _WORDS.items()}
