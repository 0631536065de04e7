"""What each repair notification says. Never what anyone wrote, and nothing
at all about anyone's private notes, log or check-ins: those record no
notification."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "repair.opened": (Category.REPAIR, _("{actor} opened a repair.")),
    "repair.account": (
        Category.REPAIR,
        _(
            "{actor} wrote their account in a repair. Next, you put it in your own words."
        ),
    ),
    "repair.mirrored": (
        Category.REPAIR,
        _("{actor} put your account in their own words. Did they hear you?"),
    ),
    "repair.heard": (
        Category.REPAIR,
        _("{actor} said you heard them. The apology is open."),
    ),
    "repair.try_again": (
        Category.REPAIR,
        _("{actor} asked you to try putting their account in your own words again."),
    ),
    "repair.apology": (Category.REPAIR, _("{actor} sent you an apology.")),
    "repair.apology_revised": (
        Category.REPAIR,
        _("{actor} sent you a revised apology."),
    ),
    "repair.answered": (Category.REPAIR, _("{actor} answered your apology.")),
    "repair.phase": (Category.REPAIR, _("{actor} moved a repair to another phase.")),
    "repair.plan": (Category.REPAIR, _("{actor} added to a repair plan.")),
    "repair.resolved": (Category.REPAIR, _("{actor} closed a repair.")),
    "repair.reopened": (Category.REPAIR, _("{actor} reopened a repair.")),
}
