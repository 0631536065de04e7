from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class LeaveForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that I will no longer see anything in this space."),
        error_messages={"required": _("Tick the box to confirm you want to leave.")},
    )
