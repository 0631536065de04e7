"""Builders for people, for the demo and the tests alike (see
troth/spaces/builders.py for what a builder is)."""

from __future__ import annotations

from datetime import datetime

from allauth.account.models import EmailAddress

from troth.accounts.models import SignIn, User


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


def build_sign_in(
    user,
    *,
    at: datetime,
    outcome: str = SignIn.Outcome.SIGNED_IN,
    ip: str,
    user_agent: str,
    save: bool = True,
    **fields,
) -> SignIn:
    """One attempt to sign in as `user`, in their sign-in history; `fields`
    holds `method` and `device` for a successful one. With `save=False` it
    is returned unsaved, for a bulk insert."""
    row = SignIn(
        user=user, at=at, outcome=outcome, ip=ip, user_agent=user_agent, **fields
    )
    if save:
        row.save()
    return row
