from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Func, IntegerField, Q, Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from troth.lib.content import Content, Visibility
from troth.lib.models import ReadableQuerySet, one_per, optional_link, person


class Space(models.Model):
    """The place two partners share. Who belongs is in Membership rows, not
    in columns, so a later change can allow more than two."""

    created = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Space {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @cached_property
    def active_memberships(self) -> list[Membership]:
        return list(
            self.memberships.filter(left_at__isnull=True)
            .select_related("user")
            .order_by("joined_at")
        )

    @property
    def partners(self) -> list:
        return [m.user for m in self.active_memberships]

    @property
    def is_full(self) -> bool:
        return len(self.active_memberships) >= settings.TROTH_SPACE_SIZE

    def partner_of(self, user):
        """The other partner, or None while the space waits for them."""
        for member in self.partners:
            if member.pk != user.pk:
                return member
        return None


class MembershipQuerySet(models.QuerySet):
    def active(self) -> MembershipQuerySet:
        return self.filter(left_at__isnull=True)


class Membership(models.Model):
    space = models.ForeignKey(
        Space, on_delete=models.CASCADE, related_name="memberships"
    )
    user = person(related_name="memberships")
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    # The first-run checklist on Today (troth/spaces/firstrun.py): when this
    # person put it away, and the steps they ticked by hand (those Troth
    # cannot tell from what they did, such as reading the safety page).
    firstrun_dismissed_at = models.DateTimeField(null=True, blank=True)
    firstrun_ticked = models.JSONField(default=list, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            one_per(
                "user",
                condition=Q(left_at__isnull=True),
                name="one_active_space_per_person",
            )
        ]
        indexes = [
            # A space's partners, in the order they joined: read by the
            # space, not through every couple's active memberships.
            models.Index(
                fields=["space", "joined_at"],
                condition=Q(left_at__isnull=True),
                name="membership_active_in_space",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.space}"


def current_membership(request) -> Membership | None:
    """The signed-in person's active membership, fetched once per request.

    Every page's shell asks the same three things of it: the space, who
    else is in it, and how many updates the person has not read (the nav's
    badge, troth/notifications/context.py). One query answers all three:
    the space's active memberships with their people, each row carrying
    the count, so `space.partners` and the badge cost nothing more."""
    if not hasattr(request, "_troth_membership"):
        user = getattr(request, "user", None)
        membership = None
        if user is not None and user.is_authenticated:
            membership = _membership_with_partners(user)
            # Read by every visible_to of the request (troth/lib/content.py).
            user._troth_space_ids = [membership.space_id] if membership else []
        request._troth_membership = membership
    return request._troth_membership


def _membership_with_partners(user) -> Membership | None:
    # Built on every signed-in page, so its shape is the cheapest the ORM
    # builds (measured, issue 14: about 2 ms less a request than a GROUP BY
    # count under COALESCE, an IN subquery and ORDER BY): the space's active
    # memberships joined to the person's own (one active space per person:
    # `one_active_space_per_person`), the unread count as one COUNT without
    # GROUP BY (so 0, never NULL), and the two rows put in the order they
    # joined here rather than by the database.
    Notification = apps.get_model("notifications", "Notification")
    unread = (
        Notification.objects.filter(user_id=user.pk, read_at__isnull=True)
        .order_by()
        .values(count=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    )
    rows = sorted(
        Membership.objects.filter(
            left_at__isnull=True,
            space__memberships__user_id=user.pk,
            space__memberships__left_at__isnull=True,
        )
        .select_related("space", "user")
        .annotate(unread_count=Subquery(unread)),
        key=lambda row: (row.joined_at, row.pk),
    )
    membership = next((row for row in rows if row.user_id == user.pk), None)
    if membership is not None:
        space = membership.space
        for row in rows:
            row.space = space
        space.__dict__["active_memberships"] = rows
    return membership


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(ReadableQuerySet):
    """Invitations are seen by the partners of their space only."""

    def pending(self) -> InvitationQuerySet:
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """A single-use link a partner opens to join a space.

    The link carries 256 random bits; only their SHA-256 is stored, so a copy
    of the database cannot be used to join anyone's space. A slow hash adds
    nothing for a secret this long.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        USED = "used", _("used")
        REVOKED = "revoked", _("revoked")
        EXPIRED = "expired", _("expired")

    space = models.ForeignKey(
        Space, on_delete=models.CASCADE, related_name="invitations"
    )
    created_by = person()
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = person(optional=True, on_delete=models.SET_NULL)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Invitation {self.pk} to {self.space_id}"

    @classmethod
    def new(cls, *, space: Space, created_by) -> tuple[Invitation, str]:
        token = secrets.token_urlsafe(32)
        now = timezone.now()
        invitation = cls(
            space=space,
            created_by=created_by,
            token_hash=hash_token(token),
            created=now,
            expires_at=now + timedelta(days=settings.TROTH_INVITATION_DAYS),
        )
        return invitation, token

    @property
    def status(self) -> str:
        if self.used_at:
            return self.Status.USED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING


class Activity(Content):
    """One thing that happened in a space: who did what to which object.

    Every action records one; notifications and the dashboard timeline are
    derived from these rows by tasks and queries, never sent from views.
    The author is the actor; a private activity is seen by its actor only.
    """

    verb = models.CharField(max_length=64)
    target_type = optional_link(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    # Who the activity concerns besides the actor (the partner a promise is
    # made to, say); notifications go to them.
    recipient = person(optional=True)
    # When the recipient's notification was made, or found not due (they
    # cannot see it, or it is their own). Until then a shared activity
    # meant for someone waits in the index `activity_undelivered`, which
    # the notifications sweep reads: a lost task is found there, and a
    # tick with nothing lost reads an empty range, however many couples.
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["space", "-created"]),
            models.Index(
                fields=["id"],
                condition=Q(
                    recipient__isnull=False,
                    delivered_at__isnull=True,
                    visibility=Visibility.SHARED,
                ),
                name="activity_undelivered",
            ),
            # The notifications sweep reads recent activity meant for
            # someone across all spaces (troth/notifications/tasks.py).
            models.Index(
                fields=["created"],
                condition=Q(recipient__isnull=False),
                name="activity_to_someone_created",
            ),
        ]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return f"{self.author} {self.verb}"


__all__ = ["Space", "Membership", "Invitation", "Activity", "Visibility"]
