from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "goal.created": (Category.REVIEW, _("{actor} started a shared goal.")),
    "adventure.planned": (
        Category.REVIEW,
        _("{actor} planned an adventure for you both."),
    ),
    "milestone.added": (
        Category.REVIEW,
        _("{actor} gave you a step in a shared goal."),
    ),
    "milestone.done": (
        Category.REVIEW,
        _("{actor} ticked off a step of a shared goal."),
    ),
    "goal.finished": (
        Category.REVIEW,
        _(
            "{actor} marked a shared goal as finished. Add a short reflection when you like."
        ),
    ),
    "goal.set_aside": (Category.REVIEW, _("{actor} set a shared goal aside for now.")),
    "goal.resumed": (Category.REVIEW, _("{actor} took up a shared goal again.")),
    "goal.reflected": (
        Category.REVIEW,
        _("{actor} shared a reflection on a finished goal."),
    ),
    "goal.due_soon": (Category.REVIEW, _("A shared goal's target date is coming up.")),
    "milestone.due_soon": (
        Category.REVIEW,
        _("A step you own in a shared goal is due soon."),
    ),
}
