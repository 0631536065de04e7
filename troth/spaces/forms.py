from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.lib import forms as lib_forms
from troth.lib.forms import KEEP, WITHDRAW, keep_or_withdraw_field


class LeaveForm(lib_forms.Form):
    shared_entries = keep_or_withdraw_field(
        _("What you shared"),
        keep=_(
            "Keep it visible to my former partner as history. They can "
            "read it; nobody can add to it."
        ),
        withdraw=_(
            "Withdraw it. Everything I shared becomes private to me; "
            "my former partner no longer sees it."
        ),
        initial=KEEP,
        required=False,
    )
    confirm = forms.BooleanField(
        label=_("I understand that I will no longer see anything in this space."),
        error_messages={"required": _("Tick the box to confirm you want to leave.")},
    )

    def clean_shared_entries(self) -> str:
        # An older form without the choice keeps what was shared, as before.
        return self.cleaned_data.get("shared_entries") or KEEP

    @property
    def withdraw(self) -> bool:
        return self.cleaned_data["shared_entries"] == WITHDRAW
