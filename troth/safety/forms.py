from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.lib import forms as lib_forms


class StopForm(lib_forms.Form):
    app = forms.CharField(max_length=100)
    key = forms.CharField(max_length=300)


class ResetForm(lib_forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand: everything I share stops, and every other device "
            "signed in to my account is signed out."
        ),
        error_messages={"required": _("Tick the box to go ahead.")},
    )
