from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.checkins.models import Item, Kind
from troth.checkins.services import CUSTOM_MAX, NOTE_MAX
from troth.lib import forms as lib_forms
from troth.lib.forms import (
    choice_field,
    note_field,
    scale_field,
    text_field,
    time_field,
)


class StatusForm(lib_forms.Form):
    kind = choice_field(choices=Kind.choices, missing=_("Choose a status."))
    minutes = forms.IntegerField(
        label=_("Minutes"),
        required=False,
        min_value=1,
        max_value=720,
        error_messages={"invalid": _("Give a whole number of minutes.")},
    )
    until = time_field(
        _("Until"), required=False, invalid=_("Enter a time such as 21:00.")
    )
    text = text_field(_("Your own words"), CUSTOM_MAX, required=False)
    next = forms.CharField(required=False)


class PulseForm(lib_forms.Form):
    note = note_field(_("A note for yourself (optional)"), NOTE_MAX, rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item in Item:
            self.fields[item.value] = scale_field(item.label, required=False)
        self.order_fields([*(i.value for i in Item), "note"])

    def items(self):
        return [self[item.value] for item in Item]


class PulseSettingsForm(lib_forms.Form):
    share = forms.BooleanField(
        label=_("Share my pulse answers with my partner"),
        required=False,
        help_text=_(
            "Off by default. When on, your partner can read all your answers "
            "and notes in this space, past ones too. Turning it off makes them "
            "private again at once; your partner isn't told either way."
        ),
    )
    remind_at = time_field(
        _("Remind me each day at (optional)"),
        required=False,
        help_text=_("In your own time zone. Leave empty for no reminder."),
        invalid=_("Enter a time such as 20:30."),
    )
