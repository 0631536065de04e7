"""The steps a moment can take (see `troth.spaces.steps`).

    a moment about oneself: private --(author: share)--> shared
                            shared --(author: unshare)--> private
                                     (anytime, even in a closed space; the
                                     partner isn't told)
    a shared moment --(the partner: acknowledge, once)--> acknowledged

A moment about the partner is shared from the start and stays so.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.moments.models import About, Moment
from troth.spaces.steps import Check, Step, Steps, role, sharing_steps

AUTHOR = role(
    lambda m, u: m.author_id == u.pk,
    _("Only the person who recorded a moment can change it."),
)
ABOUT_SELF = Check(
    lambda m, u, now: m.about == About.SELF,
    _("A moment about your partner is always shared with them."),
    "about_partner",
)

STEPS = Steps(
    *sharing_steps(
        who=AUTHOR,
        when=(ABOUT_SELF,),
        already_shared=_("This moment is already shared."),
        already_private=_("This moment is already private."),
        verbs=("moments.shared", "moments.unshared"),
    ),
    Step(
        "acknowledge",
        who=role(
            lambda m, u: m.author_id != u.pk,
            _("Your partner acknowledges your moments, not you."),
        ),
        when=(
            Check(
                lambda m, u, now: m.is_shared,
                _("This moment is not shared with you."),
                "not_shared",
            ),
            Check(
                lambda m, u, now: m.acknowledged_at is None,
                _("You already acknowledged this moment."),
                "already_acknowledged",
            ),
        ),
        verb="moments.acknowledged",
    ),
    model=Moment,
    related=("space",),
    recipient=lambda moment, by: moment.space.partner_of(by),
)
