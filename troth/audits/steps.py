"""The steps of a monthly trust audit, declared once (see
`troth.spaces.steps`).

    (no audit this month) --(either partner, once both have joined: start)
    open audit, each partner for their own part, until they sign off:
        reflect (write or change their reflection), commit (propose up to
        five commitments), take_back (one of their commitments)
    --(sign_off, once their reflection is written)--> their part is locked
        (withdraw_sign_off opens it again while the audit is open)
    when the second partner signs off, the audit closes

An audit has no state field: it is open until `closed_at`, and each
partner's part is open until their reflection's `signed_off_at`. The
checks read `audit.reflections` and `audit.commitments`, which the audit's
page prefetches, so asking what is allowed adds no query there.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.audits.models import COMMITMENTS_EACH, Audit, Reflection
from troth.lib.time import space_today
from troth.spaces.models import Membership, Space
from troth.spaces.steps import Check, Step, Steps


def my_reflection(audit: Audit, user) -> Reflection | None:
    """`user`'s reflection on `audit`, if they wrote one (from the
    prefetched reflections on the audit's page)."""
    return next((r for r in audit.reflections.all() if r.author_id == user.pk), None)


def _signed(audit: Audit, user) -> bool:
    mine = my_reflection(audit, user)
    return mine is not None and mine.is_signed_off


OPEN = Check(
    lambda a, u, now: not a.is_closed,
    _("This audit is closed: both of you signed it off."),
    "closed",
)
NOT_SIGNED = Check(
    lambda a, u, now: not _signed(a, u),
    _("You have signed off. Take your sign-off back first to change your part."),
    "signed_off",
)

ROOM = Check(
    lambda a, u, now: (
        sum(1 for c in a.commitments.all() if c.author_id == u.pk) < COMMITMENTS_EACH
    ),
    lambda a: (
        _("Up to %(n)s commitments each: fewer, kept, do more than many.")
        % {"n": COMMITMENTS_EACH}
    ),
    "too_many",
)
WRITTEN = Check(
    lambda a, u, now: (mine := my_reflection(a, u)) is not None and mine.is_written,
    _("Write your reflection before you sign off."),
    "no_reflection",
)
# NOT_SIGNED in the words of someone about to sign off.
NOT_SIGNED_YET = Check(
    NOT_SIGNED.test, _("You have already signed off."), NOT_SIGNED.code
)
SIGNED = Check(
    lambda a, u, now: _signed(a, u), _("You haven't signed off."), "not_signed"
)

STEPS = Steps(
    Step("reflect", when=(OPEN, NOT_SIGNED), verb="audit.reflected"),
    # Shown on the audit, not sent: the partner isn't notified (the service
    # tells nobody).
    Step("commit", when=(OPEN, NOT_SIGNED, ROOM), verb="audit.committed"),
    Step(
        "take_back",
        when=(OPEN, NOT_SIGNED),
        verb="audit.commitment_removed",
        private=True,
    ),
    Step("sign_off", when=(OPEN, WRITTEN, NOT_SIGNED_YET), verb="audit.signed_off"),
    Step("withdraw_sign_off", when=(OPEN, SIGNED), verb="audit.sign_off_withdrawn"),
    related=("space",),
    recipient=lambda audit, by: audit.space.partner_of(by),
)


# Starting this month's audit early: a step on the space (its row locked),
# since the audit doesn't exist yet; `audit_start` drafts it and names it
# as the activity's target.


def partners(space: Space) -> list:
    """The space's current partners, first to join first."""
    return [
        m.user
        for m in Membership.objects.active()
        .filter(space_id=space.pk)
        .select_related("user")
        .order_by("joined_at")
    ]


def _not_started(space: Space, user, now) -> bool:
    """No audit of this month yet (a Check's test)."""
    month = space_today(partners(space), now).replace(day=1)
    return not Audit.objects.filter(space=space, month=month).exists()


PAIR = Check(
    lambda s, u, now: len(partners(s)) >= 2,
    _(
        "The audit is something the two of you do together: it starts once "
        "your partner has joined."
    ),
    "no_partner",
)

NOT_STARTED = Check(
    _not_started, _("This month's audit has already started."), "exists"
)

START = Steps(
    Step("start", when=(PAIR, NOT_STARTED), verb="audit.started"),
    space=lambda space: space,
    recipient=lambda space, by: space.partner_of(by),
)
