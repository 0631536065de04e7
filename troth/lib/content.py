"""The one visibility mechanism every piece of content uses (DESIGN.md).

Each content row belongs to a space and an author and is either private
(author only) or shared (every current partner of the space). Every read goes
through `visible_to(user)`; every object view through
`troth.lib.access.get_visible_or_404`.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self, cast

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.appendonly import AppendOnly, AppendOnlyQuerySet, managers_keep


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    SHARED = "shared", _("Shared with my partner")


def partner_space_ids(user) -> models.QuerySet | list[int]:
    """Spaces whose shared content `user` may read: those they have not left.

    A space closed by the other partner stays readable to the one who
    remains; the one who left keeps only what they wrote themselves.

    A subquery, unless the request already read the person's membership
    (`troth.spaces.models.current_membership` leaves it on the request's
    person): then a plain list, so each of a page's many reads neither
    repeats the subquery nor builds it again in the ORM."""
    known = getattr(user, "_troth_space_ids", None)
    if known is not None:
        return known
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


class FixedVisibilityQuerySet(ContentQuerySet):
    """Refuses an `update()` that would give rows another visibility than
    their model's `FIXED_VISIBILITY`.

    Withdrawing what a leaving partner shared (`troth.spaces.services.
    content_withdraw`) is the one deliberate exception: it goes through the
    model's `_base_manager`, a plain Django manager."""

    def update(self, **kwargs: Any) -> int:
        fixed = cast("type[FixedVisibility]", self.model).FIXED_VISIBILITY
        if "visibility" in kwargs and kwargs["visibility"] != fixed:
            raise ValueError(
                f"{self.model._meta.label} is always {fixed}: update() can't "
                "change who sees it."
            )
        return super().update(**kwargs)

    update.alters_data = True  # type: ignore[attr-defined]


class AlwaysSharedQuerySet(FixedVisibilityQuerySet):
    pass


class FixedVisibility(Content):
    """Content whose visibility is part of what it is, not a choice: set on
    creation, and never changed by `save()` or `update()`. Its form offers
    no choice of visibility."""

    FIXED_VISIBILITY: ClassVar[Visibility]

    objects = FixedVisibilityQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding:
            self.visibility = self.FIXED_VISIBILITY
        else:
            fields = kwargs.get("update_fields")
            writes = fields is None or "visibility" in fields
            if writes and self.visibility != self.FIXED_VISIBILITY:
                # Refused rather than quietly set back: a shared row withdrawn
                # by its author on leaving (see FixedVisibilityQuerySet) must
                # not become visible again because something saved it.
                raise ValueError(
                    f"{type(self)._meta.label} is always "
                    f"{self.FIXED_VISIBILITY}: save() can't change who sees it."
                )
        super().save(*args, **kwargs)

    @classmethod
    def check(cls, **kwargs: Any) -> list[checks.CheckMessage]:
        # update() could otherwise change who sees its rows.
        return [
            *super().check(**kwargs),
            *managers_keep(cls, FixedVisibilityQuerySet, "troth.E002"),
        ]


class AlwaysShared(FixedVisibility):
    """Content both partners always see (a promise, a repair, a dialogue)."""

    FIXED_VISIBILITY = Visibility.SHARED

    objects = AlwaysSharedQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        abstract = True


class AlwaysPrivate(FixedVisibility):
    """Content only its author ever reads (a repair's private notes)."""

    FIXED_VISIBILITY = Visibility.PRIVATE

    class Meta:
        abstract = True


# django-stubs types each queryset's `as_manager()` and each base's managers
# separately, so combining the two guards needs these ignores.
class SharedRecordQuerySet(AppendOnlyQuerySet, AlwaysSharedQuerySet):  # type: ignore[override]
    pass


class SharedRecord(AppendOnly, AlwaysShared):  # type: ignore[misc]
    """Always shared and written once: a dialogue's turns, what was said in
    a repair."""

    objects = SharedRecordQuerySet.as_manager()  # type: ignore[misc,assignment]

    class Meta:
        abstract = True
