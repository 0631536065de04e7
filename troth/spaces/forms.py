from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class LeaveForm(forms.Form):
    KEEP = "keep"
    WITHDRAW = "withdraw"

    shared_entries = forms.ChoiceField(
        label=_("What you shared"),
        choices=[
            (
                KEEP,
                _(
                    "Keep it visible to my former partner as history. They can "
                    "read it; nobody can add to it."
                ),
            ),
            (
                WITHDRAW,
                _(
                    "Withdraw it. Everything I shared becomes private to me; "
                    "my former partner no longer sees it."
                ),
            ),
        ],
        initial=KEEP,
        required=False,
        widget=forms.RadioSelect,
    )
    confirm = forms.BooleanField(
        label=_("I understand that I will no longer see anything in this space."),
        error_messages={"required": _("Tick the box to confirm you want to leave.")},
    )

    def clean_shared_entries(self) -> str:
        # An older form without the choice keeps what was shared, as before.
        return self.cleaned_data.get("shared_entries") or self.KEEP

    @property
    def withdraw(self) -> bool:
        return self.cleaned_data["shared_entries"] == self.WITHDRAW
