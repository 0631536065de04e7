"""What each goal notification says; all of them are for review."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

_WORDS = {
    "goal.created": _("{actor} started a shared goal."),
    "adventure.planned": _("{actor} planned an adventure for you both."),
    "milestone.added": _("{actor} gave you a step in a shared goal."),
    "milestone.done": _("{actor} ticked off a step of a shared goal."),
    "goal.finished": _(
        "{actor} marked a shared goal as finished. Add a short reflection when you like."
    ),
    "goal.set_aside": _("{actor} set a shared goal aside for now."),
    "goal.resumed": _("{actor} took up a shared goal again."),
    "goal.reflected": _("{actor} shared a reflection on a finished goal."),
    "goal.due_soon": _("A shared goal's target date is coming up."),
    "milestone.due_soon": _("A step you own in a shared goal is due soon."),
}
NOTICES = {kind: (Category.REVIEW, words) for kind, words in _WORDS.items()}
