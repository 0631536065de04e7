"""The one visibility mechanism every piece of content uses (DESIGN.md).

Each content row belongs to a space and an author and is either private
(author only) or shared (every current partner of the space). Every read goes
through `visible_to(user)`; every object view through
`troth.lib.access.get_visible_or_404`.
"""

from __future__ import annotations

from typing import Self

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    SHARED = "shared", _("Shared with my partner")


def partner_space_ids(user) -> models.QuerySet:
    """Spaces whose shared content `user` may read: those they have not left.

    A space closed by the other partner stays readable to the one who
    remains; the one who left keeps only what they wrote themselves.
    """
    Membership = apps.get_model("spaces", "Membership")
    return Membership.objects.filter(user=user, left_at__isnull=True).values("space_id")


class ContentQuerySet(models.QuerySet):
    def visible_to(self, user) -> Self:
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(self.visibility_q(user))

    def visibility_q(self, user) -> Q:
        """The rule itself; models with extra rules override this."""
        return Q(author=user) | Q(
            visibility=Visibility.SHARED, space_id__in=partner_space_ids(user)
        )

    def in_space(self, space) -> Self:
        return self.filter(space=space)

    def shared(self) -> Self:
        return self.filter(visibility=Visibility.SHARED)

    def by(self, user) -> Self:
        return self.filter(author=user)


class Content(models.Model):
    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    visibility = models.CharField(
        _("who can see this"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    created = models.DateTimeField(default=timezone.now, editable=False)
    updated = models.DateTimeField(auto_now=True)

    # Subclasses with their own queryset override this and say
    # `# type: ignore[misc]`: django-stubs reads a manager on an abstract base
    # as a class variable that a subclass may not redeclare.
    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_shared(self) -> bool:
        return self.visibility == Visibility.SHARED

    def is_visible_to(self, user) -> bool:
        return type(self)._default_manager.visible_to(user).filter(pk=self.pk).exists()
