"""What each counsellor-window notification says. Never what anyone wrote,
and nothing at all of a close: the partner sees it on their next visit."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "counsel.proposed": (
        Category.SPACE,
        _("{actor} proposed a window for a counsellor. It opens only if you accept."),
    ),
    "counsel.accepted": (
        Category.SPACE,
        _("{actor} accepted the window for your counsellor: it is open."),
    ),
    "counsel.renewal_proposed": (
        Category.SPACE,
        _("{actor} proposed keeping the counsellor's window open longer."),
    ),
    "counsel.renewed": (
        Category.SPACE,
        _("{actor} accepted keeping the counsellor's window open longer."),
    ),
    "counsel.note": (Category.SPACE, _("Your counsellor left a note for you both.")),
    "counsel.suggestion": (
        Category.SPACE,
        _("Your counsellor suggested an exercise for you both."),
    ),
}
