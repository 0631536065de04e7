from __future__ import annotations

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.accounts.models import User


def timezone_choices() -> list[tuple[str, str]]:
    """Region/City zones plus UTC: the legacy aliases only make the list longer."""
    zones = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/"))
    )
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in zones)]


class SignupForm(forms.Form):
    """The fields allauth's sign-up form lacks: what the partner calls you and
    where you are. The browser's zone is filled in by a small script; without
    JavaScript the person picks it."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=60,
        help_text=_("What your partner will see. A first name or nickname is enough."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=timezone_choices,
        initial="UTC",
        widget=forms.Select(attrs={"data-detect-timezone": "true"}),
    )
    field_order = ["display_name", "email", "password1", "timezone"]

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.timezone = self.cleaned_data["timezone"]
        user.save(update_fields=["display_name", "timezone"])


class ProfileForm(forms.ModelForm):
    timezone = forms.ChoiceField(label=_("Time zone"), choices=timezone_choices)

    class Meta:
        model = User
        fields = ["display_name", "timezone", "language"]


class DeleteAccountForm(forms.Form):
    KEEP = "keep"
    WITHDRAW = "withdraw"

    shared_entries = forms.ChoiceField(
        label=_("What you shared with your partner"),
        choices=[
            (
                KEEP,
                _(
                    "Keep it visible to my former partner as history. It will "
                    "show as written by “Former partner”."
                ),
            ),
            (WITHDRAW, _("Delete it too. My former partner no longer sees it.")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens to what you shared.")},
    )
    confirmation = forms.CharField(
        label=_("Confirmation"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Type the words to confirm.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirmation"].label = _("To confirm, type “%(phrase)s”") % {
            "phrase": self.phrase()
        }

    @staticmethod
    def phrase() -> str:
        return str(_("delete my account"))

    def clean_confirmation(self) -> str:
        typed = " ".join(self.cleaned_data["confirmation"].split()).lower()
        if typed != self.phrase().lower():
            raise forms.ValidationError(
                _("Type “%(phrase)s” exactly, to be sure."),
                params={"phrase": self.phrase()},
            )
        return typed

    @property
    def keep_shared(self) -> bool:
        return self.cleaned_data["shared_entries"] == self.KEEP
