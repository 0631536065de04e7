from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.lib.forms import Form, choice_field, note_field, text_field
from troth.selfmap.models import Kind
from troth.selfmap.services import HELPS_MAX, TEXT_MAX, TITLE_MAX


class EntryForm(Form):
    kind = choice_field(
        _("Kind"),
        Kind.choices,
        radio=True,
        missing=_("Choose boundary, trigger, value or need."),
    )
    title = text_field(
        _("Title"),
        TITLE_MAX,
        help_text=_("A few words you will recognise it by."),
        missing=_("Give the entry a short title."),
        too_long=_("Keep the title under %(limit_value)d characters."),
    )
    text = text_field(
        _("In your own words"),
        TEXT_MAX,
        rows=6,
        missing=_("Write a few words about it."),
        too_long=_(
            "That is %(show_value)d characters; an entry holds up to %(limit_value)d."
        ),
    )
    helps = note_field(
        _("What helps me when this comes up (optional)"),
        HELPS_MAX,
        too_long=_(
            "That is %(show_value)d characters; this part holds up to %(limit_value)d."
        ),
    )
    share = forms.BooleanField(
        label=_("Share this entry with my partner"),
        required=False,
        help_text=_(
            "You can stop sharing at any time; your partner then loses access at once."
        ),
    )

    def __init__(
        self, *args, with_kind: bool = True, with_share: bool = True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        if not with_kind:
            del self.fields["kind"]
        if not with_share:
            del self.fields["share"]
