"""The steps a disagreement and each partner's view of it can take,
declared once (see `troth.spaces.steps`).

    a conflict:  add_view    (whoever can see it and has no view of it yet)
                 edit_frame  (whoever logged it: its topic and date)
    a view:      private --(its author: share)--> shared
                 shared  --(its author: stop)--> private
                 update, delete (its author)

A view is its author's own words: stopping to share it and deleting it stay
open to them in a closed space, and even after they left it (`anytime`);
stopping is recorded in their own history only (`private`).

The services take these steps; the pages show the buttons of `allowed`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from troth.conflicts.models import Conflict, ConflictView
from troth.lib.content import Visibility
from troth.spaces.steps import Check, Step, Steps, author, role, stop_sharing


def _state_message(view: ConflictView) -> str:
    if view.visibility == Visibility.SHARED:
        return str(_("Your view is already shared."))
    return str(_("Your view is not shared."))


def partner_of(view: ConflictView, by):
    return view.space.partner_of(by)


VIEW_STEPS = Steps(
    Step("update", who=author(_("Only the person who wrote a view can change it."))),
    Step(
        "share",
        source=[Visibility.PRIVATE],
        target=Visibility.SHARED,
        who=author(_("Only the person who wrote a view can share it.")),
        verb="conflict.view_shared",
    ),
    stop_sharing(
        author(_("Only the person who wrote a view can stop sharing it.")),
        "conflict.view_stopped",
    ),
    Step(
        "delete",
        who=author(_("Only the person who wrote a view can delete it.")),
        anytime=True,
    ),
    state="visibility",
    related=("conflict", "space"),
    recipient=partner_of,
    state_message=_state_message,
)


def _has_no_view(conflict: Conflict, user) -> bool:
    return not conflict.views.filter(author_id=user.pk).exists()


CONFLICT_STEPS = Steps(
    Step(
        "add_view",
        who=role(
            lambda conflict, user: conflict.is_visible_to(user),
            _("This disagreement is not shared with you."),
        ),
        when=(
            Check(
                lambda conflict, user, now: _has_no_view(conflict, user),
                _("You already gave your view of this. You can change it instead."),
                "already_done",
            ),
        ),
        verb="conflict.view_added",
    ),
    Step(
        "edit_frame",
        who=author(_("Only the person who logged it can change its topic and date.")),
    ),
    state="visibility",
    related=("space",),
    recipient=partner_of,
)
