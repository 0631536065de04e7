"""What each dialogue notification says. Never what anyone wrote."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "dialogue.started": (
        Category.REPAIR,
        _("{actor} started a written dialogue with you."),
    ),
    "dialogue.your_turn": (
        Category.REPAIR,
        _("It's your turn in a dialogue with {actor}."),
    ),
    "dialogue.break": (
        Category.REPAIR,
        _("{actor} asked for a break in your dialogue. Take at least 20 minutes."),
    ),
    "dialogue.resumed": (
        Category.REPAIR,
        _("{actor} is ready to go on with your dialogue."),
    ),
    "dialogue.stopped": (Category.REPAIR, _("{actor} stopped a dialogue.")),
    "dialogue.finished": (
        Category.REPAIR,
        _("{actor} finished your dialogue: you've both been heard."),
    ),
    "dialogue.summary_proposed": (
        Category.REPAIR,
        _("{actor} suggested keeping a summary of a dialogue."),
    ),
    "dialogue.summary_kept": (
        Category.REPAIR,
        _("{actor} agreed to keep a summary of a dialogue."),
    ),
}
