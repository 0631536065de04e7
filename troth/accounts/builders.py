"""Builders for people, for the demo and the tests alike (see
troth/spaces/builders.py for what a builder is)."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from troth.accounts.models import User


def build_user(
    email: str, password: str, *, display_name: str, verified: bool = False, **extra
) -> User:
    """A person who signs in with `email` and `password`; with `verified`,
    their email address is confirmed, as after clicking the link."""
    user = User.objects.create_user(email, password, display_name=display_name, **extra)
    if verified:
        EmailAddress.objects.create(
            user=user, email=user.email, verified=True, primary=True
        )
    return user
