"""The words of the calendar's notifications. They never carry an event's
title, place or note: a notification can be read on a shared screen."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

# Every calendar notice is in the calendar's category.
WORDS = {
    "event.created": _("{actor} added an event to your shared calendar."),
    "event.updated": _("{actor} changed a shared event."),
    "event.shared": _("{actor} shared an event with you."),
    "event.moved_once": _("{actor} moved one date of a shared event."),
    "event.cancelled_once": _("{actor} called off one date of a shared event."),
    "event.upcoming": _("An event in your calendar starts soon."),
    "ritual.created": _("{actor} started a ritual for the two of you."),
    "ritual.updated": _("{actor} changed a ritual you share."),
    "ritual.moved_once": _("{actor} moved one date of a ritual you share."),
    "ritual.cancelled_once": _("{actor} called off one date of a ritual you share."),
    "ritual.marked": _(
        "{actor} said whether your ritual happened. How was it for you?"
    ),
    "ritual.upcoming": _("A ritual you share is coming up."),
    "ritual.ask": _("Did your ritual happen? Say so for the two of you."),
}

NOTICES = {verb: (Category.CALENDAR, words) for verb, words in WORDS.items()}
