from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from troth.agreements.forms import Form
from troth.dialogue.models import Mode
from troth.dialogue.services import SUMMARY_MAX, TOPIC_MAX, TURN_MAX


class StartForm(Form):
    mode = forms.ChoiceField(
        label=_("How"),
        choices=Mode.choices,
        initial=Mode.TOGETHER,
        widget=forms.RadioSelect,
    )
    first = forms.ChoiceField(
        label=_("Who speaks first"),
        choices=[("me", _("Me")), ("partner", _("My partner"))],
        initial="me",
        widget=forms.RadioSelect,
    )
    topic = forms.CharField(
        label=_("What it's about (optional)"),
        required=False,
        max_length=TOPIC_MAX,
        help_text=_("A few words, so you both know where you're starting."),
    )


class TurnForm(Form):
    text = forms.CharField(
        label=_("Your turn"),
        required=False,
        max_length=TURN_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    action = forms.CharField(widget=forms.HiddenInput, initial="next")


class SummaryForm(Form):
    text = forms.CharField(
        label=_("A summary to keep"),
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What each of you heard and what you'd like to remember. It's kept "
            "only if your partner agrees."
        ),
        error_messages={"required": _("Write the summary first.")},
    )
