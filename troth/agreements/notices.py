"""What each agreement notification says. Never what anyone wrote."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "agreement.proposed": (Category.AGREEMENTS, _("{actor} proposed an agreement.")),
    "agreement.active": (
        Category.AGREEMENTS,
        _("{actor} accepted the last open clause: an agreement is now active."),
    ),
    "agreement.change_proposed": (
        Category.AGREEMENTS,
        _("{actor} proposed a change to an agreement."),
    ),
    "agreement.change_accepted": (
        Category.AGREEMENTS,
        _("{actor} accepted a change to an agreement."),
    ),
    "agreement.change_declined": (
        Category.AGREEMENTS,
        _("{actor} said no to a proposed change in an agreement."),
    ),
    "agreement.change_withdrawn": (
        Category.AGREEMENTS,
        _("{actor} withdrew a proposed change to an agreement."),
    ),
    "agreement.paused": (
        Category.AGREEMENTS,
        _("{actor} withdrew consent from an agreement. It is paused."),
    ),
    "agreement.consent_given": (
        Category.AGREEMENTS,
        _("{actor} gave consent again to a paused agreement."),
    ),
    "agreement.resumed": (
        Category.AGREEMENTS,
        _("{actor} gave consent again: an agreement is active again."),
    ),
    "agreement.set_aside": (
        Category.AGREEMENTS,
        _("{actor} set aside a proposed agreement."),
    ),
    "agreement.ended": (Category.AGREEMENTS, _("{actor} ended an agreement.")),
    "agreement.reviewed": (
        Category.AGREEMENTS,
        _("{actor} marked an agreement as reviewed."),
    ),
    "agreement.renewal_proposed": (
        Category.AGREEMENTS,
        _("{actor} proposed renewing a time-boxed agreement."),
    ),
    "agreement.renewed": (
        Category.AGREEMENTS,
        _("{actor} agreed to renew a time-boxed agreement."),
    ),
    "agreement.renewal_declined": (
        Category.AGREEMENTS,
        _("{actor} would rather let a time-boxed agreement end as planned."),
    ),
    "agreement.renewal_withdrawn": (
        Category.AGREEMENTS,
        _("{actor} withdrew a proposed renewal."),
    ),
    # Reminders from jobs.py
    "agreement.review_soon": (
        Category.AGREEMENTS,
        _("An agreement is due for review within a week."),
    ),
    "agreement.ends_soon": (
        Category.AGREEMENTS,
        _("A time-boxed agreement ends within a week unless you both renew it."),
    ),
    "agreement.lapsed": (
        Category.AGREEMENTS,
        _("A time-boxed agreement has ended."),
    ),
}
