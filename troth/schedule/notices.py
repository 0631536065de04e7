"""The words of the calendar's notifications. They never carry an event's
title, place or note: a notification can be read on a shared screen."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "event.created": (
        Category.CALENDAR,
        _("{actor} added an event to your shared calendar."),
    ),
    "event.updated": (Category.CALENDAR, _("{actor} changed a shared event.")),
    "event.shared": (Category.CALENDAR, _("{actor} shared an event with you.")),
    "event.moved_once": (
        Category.CALENDAR,
        _("{actor} moved one date of a shared event."),
    ),
    "event.cancelled_once": (
        Category.CALENDAR,
        _("{actor} called off one date of a shared event."),
    ),
    "event.upcoming": (Category.CALENDAR, _("An event in your calendar starts soon.")),
    "ritual.created": (
        Category.CALENDAR,
        _("{actor} started a ritual for the two of you."),
    ),
    "ritual.updated": (Category.CALENDAR, _("{actor} changed a ritual you share.")),
    "ritual.moved_once": (
        Category.CALENDAR,
        _("{actor} moved one date of a ritual you share."),
    ),
    "ritual.cancelled_once": (
        Category.CALENDAR,
        _("{actor} called off one date of a ritual you share."),
    ),
    "ritual.marked": (
        Category.CALENDAR,
        _("{actor} said whether your ritual happened. How was it for you?"),
    ),
    "ritual.upcoming": (Category.CALENDAR, _("A ritual you share is coming up.")),
    "ritual.ask": (
        Category.CALENDAR,
        _("Did your ritual happen? Say so for the two of you."),
    ),
}
