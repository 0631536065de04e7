from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.selfmap.models import Kind, Response
from troth.selfmap.services import HELPS_MAX, TEXT_MAX, TITLE_MAX


class Form(forms.Form):
    """Labels without a trailing colon, like the rest of Troth's pages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class EntryForm(Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose boundary, trigger, value or need.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        help_text=_("A few words you will recognise it by."),
        error_messages={
            "required": _("Give the entry a short title."),
            "max_length": _("Keep the title under %(limit_value)d characters."),
        },
    )
    text = forms.CharField(
        label=_("In your own words"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write a few words about it."),
            "max_length": _(
                "That is %(show_value)d characters; an entry holds up to %(limit_value)d."
            ),
        },
    )
    helps = forms.CharField(
        label=_("What helps me when this comes up (optional)"),
        max_length=HELPS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _(
                "That is %(show_value)d characters; this part holds up to %(limit_value)d."
            ),
        },
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


class ResponseForm(Form):
    kind = forms.ChoiceField(
        choices=Response.Kind.choices,
        error_messages={
            "required": _("Choose to thank, or to ask to talk."),
            "invalid_choice": _("Choose to thank, or to ask to talk."),
        },
    )
