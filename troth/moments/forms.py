from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.moments.models import About, Ack, Bid, Kind
from troth.moments.services import NOTE_MAX


class Form(forms.Form):
    """Labels without a trailing colon, like the rest of Troth's pages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class MomentForm(Form):
    about = forms.ChoiceField(
        label=_("This moment is about"),
        choices=About.choices,
        initial=About.PARTNER,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether it's about your partner or you."),
            "invalid_choice": _("Choose whether it's about your partner or you."),
        },
    )
    kind = forms.ChoiceField(
        label=_("What happened"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what kind of moment it was."),
            "invalid_choice": _("Choose what kind of moment it was."),
        },
    )
    note = forms.CharField(
        label=_("A few words (optional)"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": _(
                "Keep the note under %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )
    occurred_on = forms.DateField(
        label=_("When"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Choose the day it happened."),
            "invalid": _("Enter a date like 2026-11-27."),
        },
    )
    share = forms.BooleanField(
        label=_("Share it with my partner"),
        required=False,
        help_text=_(
            "Only for moments about you. Moments about your partner are always shared with them."
        ),
    )


class AckForm(Form):
    ack = forms.ChoiceField(
        choices=Ack.choices,
        error_messages={
            "required": _("Choose how to acknowledge it."),
            "invalid_choice": _("Choose how to acknowledge it."),
        },
    )


class BidForm(Form):
    response = forms.ChoiceField(
        label=_("How did your partner respond?"),
        choices=Bid.Response.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how your partner responded."),
            "invalid_choice": _("Choose how your partner responded."),
        },
    )
    occurred_at = forms.DateTimeField(
        label=_("When"),
        required=False,
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        help_text=_("Leave empty for now."),
        error_messages={"invalid": _("Enter a date and time like 2026-11-27 18:30.")},
    )
    note = forms.CharField(
        label=_("What you reached out about (optional)"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": _(
                "Keep the note under %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )


TIMELINE_TABS = [
    ("", _("All")),
    ("noticed", _("I noticed")),
    ("noticed-me", _("Noticed about me")),
    ("mine", _("My own moments")),
]


class TimelineFilter(Form):
    show = forms.ChoiceField(choices=TIMELINE_TABS, required=False)
