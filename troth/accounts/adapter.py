from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from troth.accounts import devices
from troth.accounts.models import SignIn, User
from troth.accounts.services import sign_in_failed, sign_in_succeeded
from troth.lib.mail import email_render


def recipient_of(email: str):
    """The account an address belongs to, if any (unknown-account notices
    go to addresses that have none)."""

    found = EmailAddress.objects.filter(email__iexact=email).select_related("user")
    row = found.first()
    if row is not None:
        return row.user
    return User.objects.filter(email__iexact=email).first()


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Said plainly, and true: the pause is for this account from this
        # address only (troth/accounts/ratelimits.py).
        "too_many_login_attempts": _(
            "Too many attempts from here. Wait a few minutes, then try again."
        ),
    }

    def format_email_subject(self, subject: str) -> str:
        # Neutral subjects: whoever glances at the inbox learns nothing.
        return str(subject)

    def get_login_redirect_url(self, request) -> str:
        return super().get_login_redirect_url(request)

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "TROTH_SIGNUP_OPEN", True)

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        # Accounts made outside allauth's sign-up (the demo, the admin shell)
        # may have no EmailAddress row; the alert still goes to the owner.
        if not email and not EmailAddress.objects.get_primary_email(user):
            email = user.email
        # The recipient, so render_mail uses their language and time zone.
        context = {"user": user, **(context or {})}
        return super().send_notification_mail(template_prefix, user, context, email)

    def render_mail(self, template_prefix, email, context, headers=None):
        """Every allauth message in Troth's one layout (text and HTML), in
        the recipient's language and time zone (troth/lib/mail.py)."""
        to = [email] if isinstance(email, str) else list(email)
        return email_render(
            template_prefix=template_prefix,
            to=to,
            context=context,
            recipient=context.get("user") or recipient_of(to[0]),
            headers=headers,
            format_subject=self.format_email_subject,
        )

    # Sign-in history: every attempt on an existing account is kept for its
    # owner (troth/accounts/services.py).

    def pre_authenticate(self, request, **credentials: Any) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            sign_in_failed(
                request=request,
                outcome=SignIn.Outcome.PAUSED,
                email=credentials.get("email", ""),
            )
            raise

    def authentication_failed(self, request, **credentials: Any) -> None:
        sign_in_failed(
            request=request,
            outcome=SignIn.Outcome.WRONG_PASSWORD,
            email=credentials.get("email", ""),
        )

    def post_login(self, request, user, **kwargs):
        # From here on the person is known: what allauth says next ("signed
        # in as …") is in their language, not the sign-in page's.
        if user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        response = super().post_login(request, user, **kwargs)
        signed_in = sign_in_succeeded(
            request=request, user=user, signup=bool(kwargs.get("signup"))
        )
        devices.set_device_cookie(response, signed_in.device_token)
        return response
