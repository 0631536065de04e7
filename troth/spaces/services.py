"""Operations on spaces, memberships and invitations.

Each function does its whole job in one transaction and records an Activity;
views only parse input, call one of these and render the outcome.
"""

from __future__ import annotations

import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, Visibility
from troth.lib.hooks import app_modules
from troth.spaces.models import Activity, Invitation, Membership, Space, hash_token

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")


class SpaceError(Exception):
    """A request that cannot be carried out, with words for the person."""

    def __init__(self, code: str, title, message):
        super().__init__(code)
        self.code = code
        self.title = title
        self.message = message


def activity_record(
    *,
    space: Space,
    actor,
    verb: str,
    target=None,
    recipient=None,
    visibility: str = Visibility.SHARED,
) -> Activity:
    """Record that `actor` did `verb` (to `target`) in `space`."""
    activity = Activity(
        space=space,
        author=actor,
        verb=verb,
        recipient=recipient,
        visibility=visibility,
    )
    if target is not None:
        activity.target_type = ContentType.objects.get_for_model(target)
        activity.target_id = target.pk
    activity.save()
    # In the same transaction, every app that acts on new activity is told
    # (notifications enqueues the partner's notification, so with the
    # database task backend the task exists exactly when the activity does).
    for module in app_modules("receivers"):
        module.activity_recorded(activity)
    return activity


def activity_record_for_partner(
    *, space: Space, actor, verb: str, target=None
) -> Activity:
    """Record that `actor` did `verb` (to `target`) and tell their partner
    in `space`, if they have one yet."""
    partner = space.partner_of(actor)
    return activity_record(
        space=space, actor=actor, verb=verb, target=target, recipient=partner
    )


def activity_record_private(*, space: Space, actor, verb: str, target=None) -> Activity:
    """Record that `actor` did `verb` for their own history only: the
    partner is not told and can't see it."""
    return activity_record(
        space=space,
        actor=actor,
        verb=verb,
        target=target,
        visibility=Visibility.PRIVATE,
    )


def own_content_delete(obj, *, by, verb: str) -> None:
    """Delete `obj` (something `by` wrote, already checked) and note the
    deletion in `by`'s own history; the partner is not told."""
    with transaction.atomic():
        space = obj.space
        obj.delete()
        activity_record_private(space=space, actor=by, verb=verb)


def space_create(*, user) -> Space:
    """Create a space with `user` as its first partner."""
    with transaction.atomic():
        if Membership.objects.active().filter(user=user).exists():
            raise SpaceError(
                "already_in_space",
                _("You already have a space"),
                _("You can belong to one space at a time."),
            )
        space = Space.objects.create()
        Membership.objects.create(space=space, user=user)
        activity_record(space=space, actor=user, verb="space.created")
    return space


def invitation_create(*, space: Space, by) -> tuple[Invitation, str]:
    """Make a fresh invitation link; any earlier pending link stops working."""
    if not space.is_open:
        raise SpaceError(
            "space_closed",
            _("This space is closed"),
            _("A closed space can't invite anyone."),
        )
    if space.is_full:
        raise SpaceError(
            "space_full",
            _("Your space is complete"),
            _("Both partners are already here."),
        )
    with transaction.atomic():
        now = timezone.now()
        space.invitations.pending().update(revoked_at=now)
        invitation, token = Invitation.new(space=space, created_by=by)
        invitation.save()
        activity_record(
            space=space, actor=by, verb="invitation.created", target=invitation
        )
    return invitation, token


def invitation_revoke(*, invitation: Invitation, by) -> None:
    with transaction.atomic():
        if invitation.status == Invitation.Status.PENDING:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
            activity_record(
                space=invitation.space,
                actor=by,
                verb="invitation.revoked",
                target=invitation,
            )


def invitation_lookup(token: str) -> Invitation:
    """Find the invitation a link names, or explain why the link can't be used."""
    invalid = SpaceError(
        "invalid",
        _("This invitation link doesn't work"),
        _(
            "The link may have been copied incompletely. Ask your partner to "
            "send it again, or to make a new one from their Troth home page."
        ),
    )
    if not TOKEN_RE.match(token or ""):
        raise invalid
    invitation = (
        Invitation.objects.select_related("space", "created_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise invalid
    status = invitation.status
    if status == Invitation.Status.USED:
        raise SpaceError(
            "used",
            _("This invitation has already been used"),
            _(
                "Each link works once. If you already joined, sign in. Otherwise ask "
                "your partner for a new link."
            ),
        )
    if status == Invitation.Status.REVOKED:
        raise SpaceError(
            "revoked",
            _("This invitation was withdrawn"),
            _("Your partner replaced or cancelled this link. Ask them for a new one."),
        )
    if status == Invitation.Status.EXPIRED:
        raise SpaceError(
            "expired",
            _("This invitation has expired"),
            _("Links work for 7 days. Ask your partner to make a new one."),
        )
    if not invitation.space.is_open:
        raise SpaceError(
            "closed",
            _("This space is closed"),
            _("The space this link belongs to has been closed."),
        )
    if invitation.space.is_full:
        raise SpaceError(
            "full",
            _("This space already has two partners"),
            _("A space is for two people. Nothing was changed."),
        )
    return invitation


def invitation_accept(*, token: str, user) -> Space:
    """Join the space an invitation link belongs to."""
    with transaction.atomic():
        invitation = invitation_lookup(token)
        # Lock the invitation row so two people opening one link at the same
        # moment can't both join.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.used_at is not None:
            raise SpaceError(
                "used",
                _("This invitation has already been used"),
                _("Each link works once. Ask your partner for a new link."),
            )
        space = invitation.space
        if space.memberships.active().filter(user=user).exists():
            raise SpaceError(
                "own_space",
                _("This is your own invitation"),
                _("Send the link to your partner: they open it to join you."),
            )
        if Membership.objects.active().filter(user=user).exists():
            raise SpaceError(
                "already_in_space",
                _("You're already in a space"),
                _(
                    "You can belong to one space at a time. To join this one, "
                    "first leave your current space from its home page."
                ),
            )
        try:
            with transaction.atomic():
                Membership.objects.create(space=space, user=user)
        except IntegrityError:
            raise SpaceError(
                "already_in_space",
                _("You're already in a space"),
                _("You can belong to one space at a time."),
            ) from None
        invitation.used_at = timezone.now()
        invitation.used_by = user
        invitation.save(update_fields=["used_at", "used_by"])
        activity_record(
            space=space,
            actor=user,
            verb="space.joined",
            recipient=invitation.created_by,
        )
    return space


def content_models() -> list[type[Content]]:
    """Every kind of content, whichever app defines it."""
    return [m for m in apps.get_models() if issubclass(m, Content)]


def content_withdraw(*, user, space: Space) -> int:
    """Make everything `user` shared in `space` private again, in every
    feature at once. Returns how many entries changed."""
    changed = 0
    for model in content_models():
        # The base manager on purpose: withdrawing is the one change that may
        # make an always-shared kind private (troth.lib.content.FixedVisibility).
        changed += model._base_manager.filter(
            space=space, author=user, visibility=Visibility.SHARED
        ).update(visibility=Visibility.PRIVATE)
    return changed


def space_leave(*, membership: Membership, withdraw: bool = False) -> None:
    """Leave a space. Access ends at once; the space closes for the other
    partner, who keeps read-only access to what was shared with them, unless
    the leaver chose to `withdraw` it: then all of it becomes private to its
    author, in every feature, before anything else happens."""
    with transaction.atomic():
        now = timezone.now()
        space = membership.space
        if withdraw:
            content_withdraw(user=membership.user, space=space)
        space.__dict__.pop("active_memberships", None)
        membership.left_at = now
        membership.save(update_fields=["left_at"])
        if space.closed_at is None:
            space.closed_at = now
            space.save(update_fields=["closed_at"])
            space.invitations.pending().update(revoked_at=now)
            remaining = space.partner_of(membership.user)
            activity_record(
                space=space,
                actor=membership.user,
                verb="space.left",
                recipient=remaining,
            )
