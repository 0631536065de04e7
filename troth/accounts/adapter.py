from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject: str) -> str:
        # Neutral subjects: whoever glances at the inbox learns nothing.
        return str(subject)

    def get_login_redirect_url(self, request) -> str:
        return super().get_login_redirect_url(request)

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "TROTH_SIGNUP_OPEN", True)
