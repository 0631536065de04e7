"""What each promise notification says. Never what anyone wrote."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "promise.made": (Category.PROMISES, _("{actor} made you a promise.")),
    "promise.done": (
        Category.PROMISES,
        _("{actor} marked a promise as done. Was it kept?"),
    ),
    "promise.kept": (Category.PROMISES, _("{actor} confirmed you kept a promise.")),
    "promise.not_quite": (
        Category.PROMISES,
        _("{actor} said a promise was not quite kept, and left you a note."),
    ),
    "promise.responded": (
        Category.PROMISES,
        _("{actor} responded to your note on a promise."),
    ),
    "promise.proposed": (
        Category.PROMISES,
        _("{actor} proposed new terms for a promise."),
    ),
    "promise.renegotiated": (
        Category.PROMISES,
        _("{actor} accepted the new terms you proposed."),
    ),
    "promise.proposal_declined": (
        Category.PROMISES,
        _("{actor} preferred to keep a promise as it was."),
    ),
    "promise.proposal_withdrawn": (
        Category.PROMISES,
        _("{actor} withdrew the new terms they proposed."),
    ),
    "promise.cancel_requested": (
        Category.PROMISES,
        _("{actor} asked to cancel a promise."),
    ),
    "promise.cancelled": (
        Category.PROMISES,
        _("{actor} agreed to cancel a promise."),
    ),
    "promise.cancel_declined": (
        Category.PROMISES,
        _("{actor} would rather keep a promise than cancel it."),
    ),
    "promise.cancel_withdrawn": (
        Category.PROMISES,
        _("{actor} withdrew their request to cancel a promise."),
    ),
    # Reminders from jobs.py
    "promise.due_soon": (
        Category.PROMISES,
        _("A promise you made to {actor} is due soon."),
    ),
    "promise.missed.mine": (
        Category.PROMISES,
        _(
            "A promise you made to {actor} passed its due time without being marked done."
        ),
    ),
    "promise.missed.theirs": (
        Category.PROMISES,
        _("A promise from {actor} passed its due time without being marked done."),
    ),
    "promise.confirm_waiting": (
        Category.PROMISES,
        _("{actor} is waiting for you to confirm a promise."),
    ),
}
