from __future__ import annotations

from typing import cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from troth.agreements.models import DEFAULT_REVIEW_DAYS, MAX_CLAUSES, Topic
from troth.agreements.services import (
    CLAUSE_MAX,
    REVIEW_DAYS_MAX,
    REVIEW_DAYS_MIN,
    TITLE_MAX,
)
from troth.lib.forms import Form, choice_field, date_field, text_field

# Empty clause boxes offered below a starter's clauses (the page works
# without JavaScript, so the boxes are there from the start).
SPARE_CLAUSES = 2


class ProposeForm(Form):
    """A new agreement: its title, topic, clauses and terms.

    Clauses arrive as repeated `clause` fields; empty ones are ignored."""

    title = text_field(_("Title"), TITLE_MAX)
    topic = choice_field(_("Topic"), Topic.choices)
    review_days = forms.IntegerField(
        label=_("Review it together after (days)"),
        initial=DEFAULT_REVIEW_DAYS,
        min_value=REVIEW_DAYS_MIN,
        max_value=REVIEW_DAYS_MAX,
        help_text=_("You'll both get a reminder a week before."),
    )
    ends_on = date_field(
        _("End date (optional)"),
        required=False,
        help_text=_(
            "A time-boxed agreement ends after this day unless you both renew it."
        ),
    )

    def __init__(self, *args, clauses: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # Bound only from request.POST, which holds every clause box.
            data = cast(QueryDict, self.data)
            self.clause_values = [
                value[: CLAUSE_MAX * 2] for value in data.getlist("clause")
            ][: MAX_CLAUSES + SPARE_CLAUSES]
        else:
            self.clause_values = [*(clauses or []), *[""] * SPARE_CLAUSES]
        self.clause_error = ""

    def clean(self):
        cleaned = super().clean()
        texts = [v.strip() for v in self.clause_values if v and v.strip()]
        if not texts:
            self.clause_error = str(_("Write at least one clause."))
        elif len(texts) > MAX_CLAUSES:
            self.clause_error = str(
                _("An agreement can have up to %(n)s clauses.") % {"n": MAX_CLAUSES}
            )
        elif any(len(t) > CLAUSE_MAX for t in texts):
            self.clause_error = str(
                _("Keep each clause under %(limit)s characters.")
                % {"limit": CLAUSE_MAX}
            )
        if self.clause_error:
            raise forms.ValidationError(self.clause_error)
        cleaned["clauses"] = texts
        return cleaned

    @property
    def clause_fields(self) -> list[dict]:
        return [
            {"number": i, "value": value}
            for i, value in enumerate(self.clause_values, start=1)
        ]


class ClauseTextForm(Form):
    """A clause's wording. `missing` is what a person is told when it is
    empty or too long (what to write, and how long it may be)."""

    text = text_field(_("Wording"), CLAUSE_MAX, rows=3)

    def __init__(self, *args, missing: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if missing:
            field = self.fields["text"]
            field.error_messages = {
                **field.error_messages,
                "required": missing,
                "max_length": missing,
            }


class ReviewForm(Form):
    next_review_on = date_field(
        _("Next review"),
        required=False,
        help_text=_("Leave empty to use the agreement's usual interval."),
    )


class RenewalForm(Form):
    until = date_field(_("Keep it until"))
