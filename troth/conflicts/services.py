"""Everything that changes conflicts and views of them.

The steps are declared in `troth.conflicts.steps`; each function here takes
one with `Steps.take` (which locks the row and checks the partner, the
person and the state) and does the step's own work. A step that is not
allowed raises `Refused` with words for the person; input that isn't right
raises `ValidationError`; nothing changes then.

A private view never reaches the partner: its activities are private and
carry no recipient, and stopping or deleting a shared view makes the earlier
activities about it private again and withdraws the partner's notifications
of it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NotRequired, TypedDict, Unpack

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.conflicts.models import (
    NOTE_MAX,
    PATTERN_FIELDS,
    TOPIC_MAX,
    Conflict,
    ConflictView,
    Intensity,
    Opening,
    Repair,
    RepairTime,
)
from troth.conflicts.steps import CONFLICT_STEPS, VIEW_STEPS
from troth.lib.content import Visibility
from troth.notifications.models import Notification
from troth.spaces.models import Activity, Space
from troth.spaces.services import activity_record, activity_record_private
from troth.spaces.steps import require_partner

FUTURE_SLACK = timedelta(minutes=10)


def _check_frame(topic: str, occurred_at: datetime) -> str:
    topic = (topic or "").strip()
    if not topic:
        raise ValidationError(_("Give the disagreement a short topic."))
    if len(topic) > TOPIC_MAX:
        raise ValidationError(
            _("Keep the topic under %(n)d characters.") % {"n": TOPIC_MAX}
        )
    if occurred_at is None or timezone.is_naive(occurred_at):
        raise ValidationError(_("Say when it happened."))
    if occurred_at > timezone.now() + FUTURE_SLACK:
        raise ValidationError(
            _("That time is still ahead. Log a disagreement once it happened.")
        )
    return topic


class ViewAnswers(TypedDict):
    """A person's answers about how a disagreement went: the same for
    logging one, adding a view of it and changing that view."""

    intensity: int
    opening: str
    patterns: set[str]
    repaired: str
    repair_minutes: int | None
    note: NotRequired[str]


def _apply_view(
    view: ConflictView,
    *,
    intensity: int,
    opening: str,
    patterns: set[str],
    repaired: str,
    repair_minutes: int | None,
    note: str = "",
) -> None:
    if intensity not in Intensity.values:
        raise ValidationError(_("Choose how intense it felt, from 1 to 5."))
    if opening not in Opening.values:
        raise ValidationError(_("Choose how it started."))
    unknown = set(patterns) - set(PATTERN_FIELDS)
    if unknown:
        raise ValidationError(_("Choose patterns from the list."))
    if repaired not in Repair.values:
        raise ValidationError(_("Say whether it was repaired, even “not yet”."))
    if repaired == Repair.NOT_YET:
        repair_minutes = None
    elif repair_minutes not in RepairTime.values:
        raise ValidationError(
            _("Choose roughly how long repair took, or answer “not yet”.")
        )
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            _("Keep the note under %(n)d characters.") % {"n": NOTE_MAX}
        )
    view.intensity = intensity
    view.opening = opening
    for name in PATTERN_FIELDS:
        setattr(view, name, name in patterns)
    view.repaired = repaired
    view.repair_minutes = repair_minutes
    view.note = note


def _check_visibility(visibility: str) -> None:
    if visibility not in Visibility.values:
        raise ValidationError(_("Choose who can see your view."))


def _sync_frame(conflict: Conflict) -> None:
    """The frame is visible to the partner exactly while its logger shares
    their view of it (or never, once the logger deleted their view)."""
    own = conflict.views.filter(author_id=conflict.author_id).first()
    visibility = own.visibility if own is not None else Visibility.PRIVATE
    if conflict.visibility != visibility:
        conflict.visibility = visibility
        conflict.save(update_fields=["visibility", "updated"])


def _frame_follows(view: ConflictView, visibility: str) -> None:
    """When the logger's own view changes who sees it, the frame follows
    (the rule `_sync_frame` keeps)."""
    conflict = view.conflict
    if view.author_id == conflict.author_id and conflict.visibility != visibility:
        conflict.visibility = visibility
        conflict.save(update_fields=["visibility", "updated"])


def _announce(view: ConflictView, *, actor, verb: str, shared: bool) -> None:
    """Record a step on `view`; only a shared step reaches the partner."""
    space = view.space
    activity_record(
        space=space,
        actor=actor,
        verb=verb,
        target=view,
        recipient=space.partner_of(actor) if shared and space.is_open else None,
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
    )


def _withdraw_traces(view: ConflictView, *, delete: bool) -> None:
    """Take back what the partner was told about `view`: earlier activities
    become private (or go, with the view) and their notifications go."""

    view_type = ContentType.objects.get_for_model(ConflictView)
    activities = Activity.objects.filter(target_type=view_type, target_id=view.pk)
    if delete:
        activities.delete()
    else:
        activities.update(visibility=Visibility.PRIVATE)
    Notification.objects.filter(target_type=view_type, target_id=view.pk).exclude(
        user_id=view.author_id
    ).delete()


def conflict_log(
    *,
    space: Space,
    author,
    topic: str,
    occurred_at: datetime,
    visibility: str = Visibility.PRIVATE,
    **answers: Unpack[ViewAnswers],
) -> ConflictView:
    """Log a disagreement with `author`'s own view of it.

    The view, and with it the topic and date, stay private unless
    `visibility` is shared; sharing tells the partner."""
    with transaction.atomic():
        require_partner(space, author)
        topic = _check_frame(topic, occurred_at)
        _check_visibility(visibility)
        conflict = Conflict(
            space=space,
            author=author,
            topic=topic,
            occurred_at=occurred_at,
            visibility=visibility,
        )
        view = ConflictView(space=space, author=author, visibility=visibility)
        _apply_view(view, **answers)
        conflict.full_clean()
        conflict.save()
        view.conflict = conflict
        view.full_clean()
        view.save()
        _announce(view, actor=author, verb="conflict.logged", shared=view.is_shared)
    return view


def conflict_view_add(
    *,
    conflict: Conflict,
    author,
    visibility: str = Visibility.PRIVATE,
    **answers: Unpack[ViewAnswers],
) -> ConflictView:
    """Add `author`'s own view to a conflict they can see (one view each)."""
    with CONFLICT_STEPS.take("add_view", conflict, by=author) as step:
        step.save = False  # the frame changes only through _sync_frame
        _check_visibility(visibility)
        view = ConflictView(
            space=step.obj.space,
            author=author,
            conflict=step.obj,
            visibility=visibility,
        )
        _apply_view(view, **answers)
        view.full_clean()
        view.save()
        _sync_frame(step.obj)
        step.target = view
        step.private = not view.is_shared
    return view


def _change_frame(
    conflict: Conflict, by, topic: str | None, occurred_at: datetime | None
) -> None:
    """The logger changes the topic and date of what they logged."""
    CONFLICT_STEPS.check("edit_frame", conflict, by)
    conflict.topic = _check_frame(
        conflict.topic if topic is None else topic,
        conflict.occurred_at if occurred_at is None else occurred_at,
    )
    if occurred_at is not None:
        conflict.occurred_at = occurred_at
    conflict.full_clean()
    conflict.save()


def conflict_view_update(
    *,
    view: ConflictView,
    by,
    visibility: str | None = None,
    topic: str | None = None,
    occurred_at: datetime | None = None,
    **answers: Unpack[ViewAnswers],
) -> ConflictView:
    """Change your own view (for instance once it was repaired). The person
    who logged the conflict may also change its topic and date."""
    with VIEW_STEPS.take("update", view, by=by) as step:
        fresh = step.obj
        if topic is not None or occurred_at is not None:
            _change_frame(fresh.conflict, by, topic, occurred_at)
        _apply_view(fresh, **answers)
        fresh.full_clean()
        if visibility is not None and visibility != fresh.visibility:
            _check_visibility(visibility)
            fresh.visibility = visibility
            _frame_follows(fresh, visibility)
            if visibility == Visibility.SHARED:
                step.verb = VIEW_STEPS.steps["share"].verb
            else:
                _withdraw_traces(fresh, delete=False)
                step.verb = VIEW_STEPS.steps["stop"].verb
                step.private = True
        else:
            # A private activity: editing is not news for the partner.
            step.verb = "conflict.view_updated"
            step.private = True
    return view


def conflict_view_share(*, view: ConflictView, by) -> ConflictView:
    """Share your view with your partner; they are told."""
    with VIEW_STEPS.take("share", view, by=by) as step:
        _frame_follows(step.obj, Visibility.SHARED)
    return view


def conflict_view_stop(*, view: ConflictView, by) -> ConflictView:
    """Stop sharing your view. The partner is not told; what they were told
    about it is withdrawn. Works in a closed space too."""
    with VIEW_STEPS.take("stop", view, by=by) as step:
        _frame_follows(step.obj, Visibility.PRIVATE)
        _withdraw_traces(step.obj, delete=False)
    return view


def conflict_view_delete(*, view: ConflictView, by) -> None:
    """Delete your view. A conflict nobody has a view of any more goes too.
    If you logged it and your partner still has a view of it, its topic and
    date stay, seen by you alone; your partner keeps their own view. Works in
    a closed space too."""
    with VIEW_STEPS.take("delete", view, by=by) as step:
        step.save = False
        fresh = step.obj
        conflict = fresh.conflict
        _withdraw_traces(fresh, delete=True)
        fresh.delete()
        if not conflict.views.exists():
            conflict.delete()
        else:
            _sync_frame(conflict)
        # Recorded here, not by the step: the view is gone, so the activity
        # names no target.
        activity_record_private(
            space=fresh.space, actor=by, verb="conflict.view_deleted"
        )
