from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.lib import forms as lib_forms
from troth.lib.forms import time_field
from troth.notifications.categories import Category
from troth.notifications.models import NotificationSettings


class NotificationSettingsForm(lib_forms.ModelForm):
    email_categories = forms.MultipleChoiceField(
        label=_("Email me about"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    push_categories = forms.MultipleChoiceField(
        label=_("Send push notifications about"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("On the devices where you turned push on."),
    )
    # The two times share one explanation, above them (settings.html).
    quiet_start = time_field(_("Quiet from"), required=False)
    quiet_end = time_field(_("Quiet until"), required=False)

    class Meta:
        model = NotificationSettings
        fields = [
            "email_enabled",
            "email_categories",
            "push_categories",
            "outside_details",
            "quiet_start",
            "quiet_end",
        ]

    def clean(self):
        data = super().clean()
        if (data.get("quiet_start") is None) != (data.get("quiet_end") is None):
            raise forms.ValidationError(
                _("Give both a start and an end for quiet hours, or neither.")
            )
        return data
