"""Sign-up that never tells whether an address already has an account.

allauth hides it only when verifying the address is mandatory (with SMTP):
a sign-up with a taken address then gets the same "check your email" page
as a new one, and the owner gets an email. When verification is optional
(no SMTP, the default) allauth says "A user is already registered with this
email address" and signs a new account in at once: both answers tell.

So without SMTP both end the same way: a redirect to the sign-in page
(keeping `next`, so an invitation still leads back to its join page) with
the same message. A new address gets its account; a taken one gets nothing
but a notice to its owner (allauth's "account already exists" email). The
person then signs in with the password they just chose.
"""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.account import app_settings
from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.userkit import filter_users_by_email
from allauth.account.signals import user_signed_up
from allauth.account.utils import get_next_redirect_url
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from troth.accounts import devices
from troth.accounts.models import SignIn
from troth.accounts.services import sign_in_record


def verification_is_mandatory() -> bool:
    return (
        app_settings.EMAIL_VERIFICATION
        == app_settings.EmailVerificationMethod.MANDATORY
    )


class SignupForm(AllauthSignupForm):
    def validate_unique_email(self, value: str) -> str:
        if filter_users_by_email(value):
            # Never a form error: the answer must not differ (above).
            self.account_already_exists = True
            return get_adapter().validate_unique_email(value)
        return super().validate_unique_email(value)

    def try_save(self, request):
        if verification_is_mandatory():
            return super().try_save(request)
        if self.account_already_exists:
            # Hash the password all the same: a quicker answer would tell.
            make_password(self.cleaned_data.get("password1"))
            get_adapter().send_account_already_exists_mail(self.cleaned_data["email"])
            user = None
        else:
            user = self.save(request)
            user_signed_up.send(sender=user.__class__, request=request, user=user)
        # Both answers set a device cookie. For a new account this browser
        # is where it was made, so signing in from it next is no new device.
        token = request.COOKIES.get(devices.cookie_name()) or devices.new_device_token()
        if user is not None:
            sign_in_record(
                user=user,
                outcome=SignIn.Outcome.SIGNED_IN,
                request=request,
                method="signup",
                device=devices.device_hash(token),
            )
        messages.info(
            request,
            _(
                "Now sign in with your email address and password. If this "
                "address already had an account, use that account's password, "
                "or reset it."
            ),
        )
        url = reverse("account_login")
        next_url = get_next_redirect_url(request)
        if next_url:
            url += "?" + urlencode({"next": next_url})
        response = HttpResponseRedirect(url)
        devices.set_device_cookie(response, token)
        return user, response
