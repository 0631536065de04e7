"""What check-in notifications say. Never the status itself or a pulse."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "status.sent": (Category.CHECKINS, _("{actor} sent you a status.")),
    "pulse.reminder": (
        Category.CHECKINS,
        _("A moment for today’s pulse, if you’d like. Skipping is fine too."),
    ),
}
