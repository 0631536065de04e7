"""The pieces Troth's forms are built from: the label style of its pages,
the browser's own date and time pickers, and one factory for each kind of
question a form asks, so that a form reads as the list of what it asks.

Each factory builds the plain Django field it names and takes Django's own
arguments besides; what it adds is the words a person is told when the
answer is missing or wrong (`missing`, `invalid`, `too_long`, `unknown`,
`choose`), said once each instead of as an `error_messages` dictionary."""

from __future__ import annotations

from typing import Any

from django import forms

from troth.lib.content import Visibility

# The ratings people give (how far, how much): 1 to 7, as radio buttons.
SCALE = [(n, str(n)) for n in range(1, 8)]

# Radio buttons laid out as a list of full sentences rather than in a row.
CHOICE_LIST = forms.RadioSelect(attrs={"class": "choice-list"})


class Form(forms.Form):
    """Labels without a trailing colon: on Troth's pages a label is a
    question or a phrase ("When did it happen?"), never "Field:"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ModelForm(forms.ModelForm):
    """A model's form, with labels written the same way as Form's."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DateInput(forms.DateInput):
    """The browser's date picker, which reads and writes YYYY-MM-DD only."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    """The browser's time picker, which reads and writes HH:MM."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker (local time, no zone)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def messages(**by_code: Any) -> dict[str, Any] | None:
    """Django's `error_messages` from the codes given words (None: Django's own)."""
    return {code: words for code, words in by_code.items() if words is not None} or None


def text_field(
    label: Any = None,
    max_length: int | None = None,
    *,
    rows: int | None = None,
    missing: Any = None,
    too_long: Any = None,
    **kwargs: Any,
) -> forms.CharField:
    """Words a person writes, at most `max_length` characters: one line, or a
    box `rows` lines high.
    Surrounding spaces are dropped, so blanks alone count as missing."""
    if rows:
        kwargs["widget"] = forms.Textarea(attrs={"rows": rows})
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages=messages(required=missing, max_length=too_long),
        **kwargs,
    )


def note_field(
    label: Any, max_length: int, *, rows: int = 3, **kwargs: Any
) -> forms.CharField:
    """Words a person may add or leave out, in a box: a note, a reason."""
    return text_field(label, max_length, rows=rows, required=False, **kwargs)


def _picked(field: type, widget: forms.Widget, label: Any, kwargs: dict) -> Any:
    """A field whose value comes from one of the browser's pickers; `missing`
    and `invalid` are the words for an empty and an unreadable value."""
    errors = messages(
        required=kwargs.pop("missing", None), invalid=kwargs.pop("invalid", None)
    )
    return field(label=label, widget=widget, error_messages=errors, **kwargs)


def date_field(label: Any = None, **kwargs: Any) -> forms.DateField:
    """A day, from the date picker (`missing`, `invalid`: see _picked)."""
    return _picked(forms.DateField, DateInput(), label, kwargs)


def time_field(label: Any = None, **kwargs: Any) -> forms.TimeField:
    """A time of day, from the time picker."""
    return _picked(forms.TimeField, TimeInput(), label, kwargs)


def datetime_field(label: Any = None, **kwargs: Any) -> forms.DateTimeField:
    """A day and a time, from the date-and-time picker (local time)."""
    return _picked(forms.DateTimeField, DateTimeInput(), label, kwargs)


def choice_field(
    label: Any = None,
    choices: Any = (),
    *,
    radio: bool = False,
    missing: Any = None,
    unknown: Any = None,
    choose: Any = None,
    **kwargs: Any,
) -> forms.ChoiceField:
    """One of `choices`, from a menu or (`radio`) radio buttons. `missing` is
    said when nothing was chosen, `unknown` when the choice is not one on
    offer, `choose` in both cases. With `coerce`, the value is converted
    (a TypedChoiceField)."""
    if radio:
        kwargs["widget"] = forms.RadioSelect
    field = forms.TypedChoiceField if "coerce" in kwargs else forms.ChoiceField
    return field(
        label=label,
        choices=choices,
        error_messages=messages(
            required=choose if missing is None else missing,
            invalid_choice=choose if unknown is None else unknown,
        ),
        **kwargs,
    )


def visibility_field(
    label: Any, initial: Visibility, *, missing: Any, **kwargs: Any
) -> forms.ChoiceField:
    """Who can see what a person writes: only them, or their partner too."""
    return choice_field(
        label,
        Visibility.choices,
        initial=initial,
        widget=CHOICE_LIST,
        missing=missing,
        **kwargs,
    )


# What becomes of what a person shared when they go (leave the space, delete
# their account): kept for the former partner as history, or withdrawn.
KEEP = "keep"
WITHDRAW = "withdraw"


def keep_or_withdraw_field(
    label: Any, keep: Any, withdraw: Any, **kwargs: Any
) -> forms.ChoiceField:
    """The choice between KEEP and WITHDRAW, in the page's own words."""
    return choice_field(
        label, [(KEEP, keep), (WITHDRAW, withdraw)], radio=True, **kwargs
    )


def scale_field(label: Any, *, missing: Any = None, **kwargs: Any) -> forms.ChoiceField:
    """A rating from 1 to 7 as radio buttons; an integer once cleaned (None
    when the rating is optional and left out)."""
    if not kwargs.get("required", True):
        kwargs["empty_value"] = None
    return choice_field(label, SCALE, radio=True, coerce=int, missing=missing, **kwargs)
