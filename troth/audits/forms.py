from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.audits.models import COMMITMENT_MAX, REFLECTION_MAX
from troth.lib import forms as lib_forms
from troth.lib.forms import choice_field, date_field, note_field, text_field

DAYS = [(n, str(n)) for n in range(1, 32)]


class AuditDayForm(lib_forms.Form):
    day = choice_field(
        _("Our audit day"),
        DAYS,
        coerce=int,
        help_text=_(
            "A day of the month. In a month without it (the 31st in April), "
            "the audit comes on that month's last day."
        ),
        choose=_("Choose a day from 1 to 31."),
    )


def _reflection(label) -> forms.CharField:
    return note_field(label, REFLECTION_MAX, rows=4)


class ReflectionForm(lib_forms.Form):
    went_well = _reflection(_("What went well"))
    differently = _reflection(_("What I want to do differently"))
    need = _reflection(_("What I need from you"))

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


class CommitmentForm(lib_forms.Form):
    text = text_field(
        _("Next month, I commit to"),
        COMMITMENT_MAX,
        rows=2,
        help_text=_(
            "Concrete and checkable works best. When you have both signed "
            "off, it becomes a promise to your partner."
        ),
        missing=_("Say what you commit to."),
    )
    due_date = date_field(
        _("By"),
        missing=_("Choose the day it is due."),
        invalid=_("Enter a date such as 2026-12-31."),
    )
