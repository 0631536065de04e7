"""What other apps are told when a person's account changes, without
accounts importing them: a change of time zone moves the moments their
reminders fall at, and every app whose clock keeps such a moment on a row
offers `timezone_changed(user=...)` in its `reminders.py`
(`troth.lib.hooks.app_modules`), called in the save's transaction.

Found on every save of a person, wherever it happens (the settings page,
sign-up, the admin): the zone each instance was loaded with is kept, and a
save that changed it calls the hooks. Saves that name their fields without
the zone (a sign-in's last_login) cost nothing."""

from __future__ import annotations

from django.db.models.signals import post_init, post_save

from troth.accounts.models import User
from troth.lib.hooks import app_modules

LOADED = "_timezone_loaded"


def install() -> None:
    post_init.connect(zone_loaded, sender=User, dispatch_uid="troth.accounts.zone")
    post_save.connect(zone_saved, sender=User, dispatch_uid="troth.accounts.zone")


def zone_loaded(sender, instance, **kwargs) -> None:
    # A deferred zone is not loaded here (that would be a query a person).
    setattr(instance, LOADED, instance.__dict__.get("timezone"))


def zone_saved(sender, instance, created, raw, update_fields, **kwargs) -> None:
    if raw or (update_fields is not None and "timezone" not in update_fields):
        return
    before = getattr(instance, LOADED, None)
    setattr(instance, LOADED, instance.timezone)
    if not created and before != instance.timezone:
        timezone_changed(user=instance)


def timezone_changed(*, user) -> None:
    """Tell every app that keeps reminder moments that `user`'s zone changed."""
    for module in app_modules("reminders"):
        hook = getattr(module, "timezone_changed", None)
        if hook is not None:
            hook(user=user)
