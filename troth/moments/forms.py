from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.lib.forms import (
    Form,
    choice_field,
    date_field,
    datetime_field,
    note_field,
)
from troth.moments.models import About, Ack, Bid, Kind
from troth.moments.services import NOTE_MAX

NOTE_TOO_LONG = _(
    "Keep the note under %(limit_value)d characters (it has %(show_value)d)."
)


class MomentForm(Form):
    about = choice_field(
        _("This moment is about"),
        About.choices,
        initial=About.PARTNER,
        radio=True,
        choose=_("Choose whether it's about your partner or you."),
    )
    kind = choice_field(
        _("What happened"),
        Kind.choices,
        radio=True,
        choose=_("Choose what kind of moment it was."),
    )
    note = note_field(
        _("A few words (optional)"), NOTE_MAX, rows=2, too_long=NOTE_TOO_LONG
    )
    occurred_on = date_field(
        _("When"),
        missing=_("Choose the day it happened."),
        invalid=_("Enter a date like 2026-11-27."),
    )
    share = forms.BooleanField(
        label=_("Share it with my partner"),
        required=False,
        help_text=_(
            "Only for moments about you. Moments about your partner are always shared with them."
        ),
    )


class AckForm(Form):
    ack = choice_field(choices=Ack.choices, choose=_("Choose how to acknowledge it."))


class BidForm(Form):
    response = choice_field(
        _("How did your partner respond?"),
        Bid.Response.choices,
        radio=True,
        choose=_("Choose how your partner responded."),
    )
    occurred_at = datetime_field(
        _("When"),
        required=False,
        help_text=_("Leave empty for now."),
        invalid=_("Enter a date and time like 2026-11-27 18:30."),
    )
    note = note_field(
        _("What you reached out about (optional)"),
        NOTE_MAX,
        rows=2,
        too_long=NOTE_TOO_LONG,
    )


TIMELINE_TABS = [
    ("", _("All")),
    ("noticed", _("I noticed")),
    ("noticed-me", _("Noticed about me")),
    ("mine", _("My own moments")),
]


class TimelineFilter(Form):
    show = choice_field(choices=TIMELINE_TABS, required=False)
