from __future__ import annotations

import zoneinfo
from datetime import timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from troth.lib.models import ReadableQuerySet, one_per, person, state_is
from troth.lib.time import zone


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Choose a time zone from the list."))


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person. They sign in with their email; partners see their display name."""

    # Setting an inherited field to None removes it (Django's documented way);
    # django-stubs types these as the parent's str fields.
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("name your partner sees"),
        max_length=60,
        help_text=_("A first name or nickname is enough."),
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone]
    )
    # One of settings.LANGUAGES, checked by the forms that set it: no choices
    # here, so shipping a language needs no migration.
    language = models.CharField(
        _("language"), max_length=10, default=settings.LANGUAGE_CODE
    )

    theme = models.CharField(
        _("appearance"),
        max_length=10,
        choices=[
            ("system", _("Same as this device")),
            ("light", _("Light")),
            ("dark", _("Dark")),
        ],
        default="system",
        help_text=_("How Troth looks for you, on every device you sign in on."),
    )

    # Raised to end every session of the account at once, including sessions
    # no list knows about: it is part of the hash each session must match.
    session_epoch = models.PositiveIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects: ClassVar[UserManager[User]] = UserManager()  # type: ignore[assignment]  # django-stubs: AbstractUser declares Django's UserManager

    def __str__(self) -> str:
        return self.display_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return str(self)

    def get_short_name(self) -> str:
        return str(self)

    def _get_session_auth_hash(self, secret=None) -> str:
        # Django's hash covers the password only; ours adds the epoch, so
        # "sign out everywhere" works without changing the password.
        return salted_hmac(
            "troth.accounts.User.get_session_auth_hash",
            f"{self.password}:{self.session_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zone(self.timezone)


class SignInQuerySet(ReadableQuerySet):
    def visibility_q(self, user) -> Q:
        """Sign-in history is its owner's alone."""
        return Q(user=user)

    def recent(self) -> SignInQuerySet:
        return self.filter(at__gte=timezone.now() - SignIn.KEEP_FOR)


class SignIn(models.Model):
    """One attempt to sign in to an account, successful or not.

    Kept for 90 days (a daily job prunes older rows) and shown to the account
    owner only. Attempts for addresses that have no account are not kept.
    """

    KEEP_FOR = timedelta(days=90)

    class Outcome(models.TextChoices):
        SIGNED_IN = "signed_in", _("Signed in")
        WRONG_PASSWORD = "wrong_password", _("Wrong password")
        WRONG_CODE = "wrong_code", _("Wrong two-factor code")
        PAUSED = "paused", _("Too many attempts: paused for a few minutes")

    user = person(related_name="sign_ins")
    at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    method = models.CharField(max_length=20, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    # SHA-256 of this browser's device cookie: how a new device is told
    # from a known one (see troth/accounts/devices.py).
    device = models.CharField(max_length=64, blank=True)

    objects = SignInQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"])]

    def __str__(self) -> str:
        return f"{self.outcome} for {self.user_id} at {self.at:%Y-%m-%d %H:%M}"

    succeeded = state_is(Outcome.SIGNED_IN, field="outcome")


class FormToken(models.Model):
    """A one-time token of a form that adds something, once it was used.

    The first POST carrying the token records it here (the unique constraint
    makes exactly one of two simultaneous POSTs the first) and, when done,
    where it led; a repeat does nothing and goes there too. See
    troth/accounts/once.py. Pruned after KEEP_FOR by a named job."""

    KEEP_FOR = timedelta(days=2)

    user = person()
    token = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    # False while the first request is still at work.
    done = models.BooleanField(default=False)
    # The page the first request redirected to; "" when it answered in
    # place (htmx) or its address was too long to keep.
    result = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [one_per("user", "token", name="one_use_per_token")]

    def __str__(self) -> str:
        return f"form token of {self.user_id}"
