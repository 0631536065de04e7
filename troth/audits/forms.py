from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.audits.models import COMMITMENT_MAX, REFLECTION_MAX

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DAYS = [(n, str(n)) for n in range(1, 32)]


class AuditDayForm(forms.Form):
    day = forms.TypedChoiceField(
        label=_("Our audit day"),
        choices=DAYS,
        coerce=int,
        help_text=_(
            "A day of the month. In a month without it (the 31st in April), "
            "the audit comes on that month's last day."
        ),
        error_messages={
            "required": _("Choose a day from 1 to 31."),
            "invalid_choice": _("Choose a day from 1 to 31."),
        },
    )


class ReflectionForm(forms.Form):
    went_well = forms.CharField(
        label=_("What went well"),
        required=False,
        max_length=REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    differently = forms.CharField(
        label=_("What I want to do differently"),
        required=False,
        max_length=REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    need = forms.CharField(
        label=_("What I need from you"),
        required=False,
        max_length=REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not any(
            (data.get(name) or "").strip()
            for name in ("went_well", "differently", "need")
        ):
            raise forms.ValidationError(
                _(
                    "Write at least one of the three: what went well, what you "
                    "want to do differently, or what you need."
                )
            )
        return data


class CommitmentForm(forms.Form):
    text = forms.CharField(
        label=_("Next month, I commit to"),
        max_length=COMMITMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Concrete and checkable works best. When you have both signed "
            "off, it becomes a promise to your partner."
        ),
        error_messages={"required": _("Say what you commit to.")},
    )
    due_date = forms.DateField(
        label=_("By"),
        widget=DATE,
        error_messages={
            "required": _("Choose the day it is due."),
            "invalid": _("Enter a date such as 2026-12-31."),
        },
    )
