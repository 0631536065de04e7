"""Rows that are written once and then kept as they were: a promise's
history, an agreement's wording, a dialogue's turns, what was said in a
repair.

The rule lives in two places so that neither path gets around it:
`AppendOnly.save()` refuses to rewrite a stored row, and
`AppendOnlyQuerySet` refuses `update()`, `bulk_update()` and `delete()`. A model may name, in `SETTABLE_LATER`, the few
fields that record an answer given after the row was written (a clause
version's decision, a mirror's answer); only those may then be written, by
either path.

The one deliberate way around the rule is the model's `_base_manager`, a
plain Django manager: deleting an account (`troth.accounts.services.
account_delete`) forgets a person by it, and Django's own cascade (a
promise deleted with its space takes its history with it) goes through it
too. Nothing else should use it on these models.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django.core import checks
from django.db import models


def managers_keep(
    model: type[models.Model], queryset_class: type, check_id: str
) -> list[checks.CheckMessage]:
    """An error for each manager of `model` whose queryset isn't a
    `queryset_class`: a subclass that declares its own manager must keep the
    guard its queryset holds."""
    return [
        checks.Error(
            f"Manager '{manager.name}' of {model._meta.label} does not use "
            f"{queryset_class.__name__}, which guards its rows.",
            obj=model,
            id=check_id,
        )
        for manager in model._meta.managers
        if not issubclass(
            getattr(manager, "_queryset_class", models.QuerySet), queryset_class
        )
    ]


class AppendOnlyError(ValueError):
    """A stored row of an append-only model was about to change."""


def _field_names(model: type[models.Model], names) -> set[str]:
    # `update()` and `save(update_fields=...)` accept `author_id` as well as
    # `author`: compare by field name so neither spelling slips through.
    return {model._meta.get_field(name).name for name in names}


def _refuse(model: type[models.Model], what: str) -> AppendOnlyError:
    return AppendOnlyError(
        f"{model._meta.label} is append-only: {what} would change rows already "
        "written. Add a new row instead."
    )


def _settable_later(model: type[models.Model]) -> frozenset[str]:
    return cast("type[AppendOnly]", model).SETTABLE_LATER


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        allowed = _settable_later(self.model)
        if not kwargs or not _field_names(self.model, kwargs) <= allowed:
            raise _refuse(self.model, "update()")
        return super().update(**kwargs)

    update.alters_data = True  # type: ignore[attr-defined]

    def bulk_update(self, objs, fields, batch_size=None) -> int:
        # Checked before Django opens its transaction, so a refusal leaves
        # the caller's transaction usable.
        if not fields or not _field_names(self.model, fields) <= (
            _settable_later(self.model)
        ):
            raise _refuse(self.model, "bulk_update()")
        return super().bulk_update(objs, fields, batch_size=batch_size)

    bulk_update.alters_data = True  # type: ignore[attr-defined]

    def delete(self) -> tuple[int, dict[str, int]]:
        raise _refuse(self.model, "delete()")

    delete.alters_data = True  # type: ignore[attr-defined]


class AppendOnly(models.Model):
    # Fields that may be written once more after creation, on their own
    # (the answer to what the row proposed). Empty: nothing may change.
    SETTABLE_LATER: ClassVar[frozenset[str]] = frozenset()

    # A subclass with its own queryset derives it from AppendOnlyQuerySet
    # (checked by `check()` below) and says `# type: ignore[misc]`, as for
    # `Content.objects`.
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if not fields or not _field_names(type(self), fields) <= (
                self.SETTABLE_LATER
            ):
                raise _refuse(type(self), "save()")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise _refuse(type(self), "delete()")

    @classmethod
    def check(cls, **kwargs: Any) -> list[checks.CheckMessage]:
        # `Model.objects.filter(...).update()` would get around the rule unseen.
        return [
            *super().check(**kwargs),
            *managers_keep(cls, AppendOnlyQuerySet, "troth.E001"),
        ]
