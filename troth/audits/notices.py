"""What each audit notification says. Never what anyone wrote."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "audit.day_set": (
        Category.REVIEW,
        _("{actor} chose the day of the month for your trust audit."),
    ),
    "audit.started": (
        Category.REVIEW,
        _("{actor} started this month's trust audit early."),
    ),
    "audit.reflected": (
        Category.REVIEW,
        _("{actor} wrote their reflection for your trust audit."),
    ),
    "audit.signed_off": (
        Category.REVIEW,
        _("{actor} signed off your trust audit. Your part is waiting."),
    ),
    "audit.sign_off_withdrawn": (
        Category.REVIEW,
        _("{actor} took back their sign-off of your trust audit to change something."),
    ),
    "audit.closed": (
        Category.REVIEW,
        _(
            "{actor} signed off too: your trust audit is closed, and its commitments are promises now."
        ),
    ),
    # From jobs.py
    "audit.ready": (
        Category.REVIEW,
        _("Your monthly trust audit is ready for the two of you."),
    ),
    "audit.soon": (
        Category.REVIEW,
        _("Your monthly trust audit is in two days."),
    ),
    "audit.waiting": (
        Category.REVIEW,
        _(
            "{actor} signed off your trust audit a while ago and is waiting for your part."
        ),
    ),
}
