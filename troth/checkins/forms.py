from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.checkins.models import Item, Kind
from troth.checkins.services import CUSTOM_MAX, NOTE_MAX

SCALE = [(n, str(n)) for n in range(1, 8)]


class StatusForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Kind.choices, error_messages={"required": _("Choose a status.")}
    )
    minutes = forms.IntegerField(
        label=_("Minutes"),
        required=False,
        min_value=1,
        max_value=720,
        error_messages={"invalid": _("Give a whole number of minutes.")},
    )
    until = forms.TimeField(
        label=_("Until"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter a time such as 21:00.")},
    )
    text = forms.CharField(
        label=_("Your own words"), required=False, max_length=CUSTOM_MAX
    )
    next = forms.CharField(required=False)


class PulseForm(forms.Form):
    note = forms.CharField(
        label=_("A note for yourself (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item in Item:
            self.fields[item.value] = forms.TypedChoiceField(
                label=item.label,
                choices=SCALE,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
            )
        self.order_fields([*(i.value for i in Item), "note"])

    def items(self):
        return [self[item.value] for item in Item]


class PulseSettingsForm(forms.Form):
    share = forms.BooleanField(
        label=_("Share my pulse answers with my partner"),
        required=False,
        help_text=_(
            "Off by default. When on, your partner can read all your answers "
            "and notes in this space, past ones too. Turning it off makes them "
            "private again at once; your partner isn't told either way."
        ),
    )
    remind_at = forms.TimeField(
        label=_("Remind me each day at (optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("In your own time zone. Leave empty for no reminder."),
        error_messages={"invalid": _("Enter a time such as 20:30.")},
    )
