from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.dialogue.models import Mode
from troth.dialogue.services import SUMMARY_MAX, TOPIC_MAX, TURN_MAX
from troth.lib.forms import Form, choice_field, note_field, text_field


class StartForm(Form):
    mode = choice_field(_("How"), Mode.choices, initial=Mode.TOGETHER, radio=True)
    first = choice_field(
        _("Who speaks first"),
        [("me", _("Me")), ("partner", _("My partner"))],
        initial="me",
        radio=True,
    )
    topic = text_field(
        _("What it's about (optional)"),
        TOPIC_MAX,
        required=False,
        help_text=_("A few words, so you both know where you're starting."),
    )


class TurnForm(Form):
    text = note_field(_("Your turn"), TURN_MAX, rows=6)
    action = forms.CharField(widget=forms.HiddenInput, initial="next")


class SummaryForm(Form):
    text = text_field(
        _("A summary to keep"),
        SUMMARY_MAX,
        rows=5,
        help_text=_(
            "What each of you heard and what you'd like to remember. It's kept "
            "only if your partner agrees."
        ),
        missing=_("Write the summary first."),
    )
