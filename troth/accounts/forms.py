from __future__ import annotations

import zoneinfo

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from troth.accounts.models import User
from troth.lib import forms as lib_forms
from troth.lib.forms import (
    KEEP,
    choice_field,
    keep_or_withdraw_field,
    text_field,
)


def _zones() -> list[tuple[str, str]]:
    """Region/City zones plus UTC: the legacy aliases only make the list longer.
    Read from disk once per process (timezone_choices)."""
    zones = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/"))
    )
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in zones)]


timezone_choices = lib_forms.CachedChoices(_zones)


class SignupForm(lib_forms.Form):
    """The fields allauth's sign-up form lacks: what the partner calls you and
    where you are. The browser's zone is filled in by a small script; without
    JavaScript the person picks it."""

    display_name = text_field(
        _("Your name"),
        60,
        help_text=_("What your partner will see. A first name or nickname is enough."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    timezone = choice_field(
        _("Time zone"),
        timezone_choices,
        initial="UTC",
        widget=lib_forms.Select(attrs={"data-detect-timezone": "true"}),
    )
    field_order = ["display_name", "email", "password1", "timezone"]

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.timezone = self.cleaned_data["timezone"]
        # The language the browser asked for, among those Troth speaks
        # (LocaleMiddleware chose it); Settings changes it.
        user.language = translation.get_language_from_request(request)
        user.save(update_fields=["display_name", "timezone", "language"])


class ProfileForm(lib_forms.ModelForm):
    timezone = choice_field(_("Time zone"), timezone_choices)
    language = choice_field(
        _("Language"),
        settings.LANGUAGES,
        choose=_("Choose one of the languages on the list."),
        help_text=_(
            "For pages, emails and notifications to you; your partner keeps theirs."
        ),
    )

    class Meta:
        model = User
        fields = ["display_name", "timezone", "language"]


class ThemeForm(lib_forms.ModelForm):
    """Light, dark, or whatever this device is set to (base.html reads it)."""

    theme = choice_field(
        _("Appearance"),
        User._meta.get_field("theme").choices,
        radio=True,
        choose=_("Choose how Troth looks: same as this device, light or dark."),
        help_text=_("For you only, on every device you sign in on."),
    )

    class Meta:
        model = User
        fields = ["theme"]


class DeleteAccountForm(lib_forms.Form):
    shared_entries = keep_or_withdraw_field(
        _("What you shared with your partner"),
        keep=_(
            "Keep it visible to my former partner as history. It will "
            "show as written by “Former partner”."
        ),
        withdraw=_("Delete it too. My former partner no longer sees it."),
        missing=_("Choose what happens to what you shared."),
    )
    confirmation = text_field(
        _("Confirmation"),
        100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        missing=_("Type the words to confirm."),
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
        return self.cleaned_data["shared_entries"] == KEEP
