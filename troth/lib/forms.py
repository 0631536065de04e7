"""The pieces Troth's forms are built from: the label style of its pages,
the browser's own date and time pickers, and one factory for each kind of
question a form asks, so that a form reads as the list of what it asks.

Each factory builds the plain Django field it names and takes Django's own
arguments besides; what it adds is the words a person is told when the
answer is missing or wrong (`missing`, `invalid`, `too_long`, `unknown`,
`choose`), said once each instead of as an `error_messages` dictionary."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

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
    """A model's form, with labels written the same way as Form's, a model
    field's choices in Troth's menu (Select) rather than Django's, and its
    boxes of words reading their direction from what is typed (as
    text_field's)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                field.widget = Select(field.widget.attrs, field.widget.choices)
            if type(field.widget) in (forms.TextInput, forms.Textarea):
                field.widget.attrs.setdefault("dir", "auto")


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


class CachedChoices(BaseChoiceIterator):
    """Choices worked out once per process, on first use, and shared by every
    form: Django calls a choices function again for each form and each
    iteration, and copies a list of choices into each form it builds. Never
    changed once worked out, so every copy is this one."""

    def __init__(self, compute: Callable[[], Iterable]):
        self.compute = compute

    @cached_property
    def choices(self) -> list:
        return list(normalize_choices(self.compute()))

    def __iter__(self) -> Iterator:
        return iter(self.choices)

    def __copy__(self) -> CachedChoices:
        return self

    def __deepcopy__(self, memo) -> CachedChoices:
        return self


class Select(forms.Select):
    """Django's menu, written in one pass instead of one template include per
    option: the settings page's ~600 time zones cost about ten thousand
    template renders a request. The HTML is Django's own
    (tests/test_forms_lib.py renders both); a menu of several choices
    (`allow_multiple_selected`) is left to Django."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        if self.allow_multiple_selected:
            return super().render(name, value, attrs, renderer)
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            self.options_html(self.format_value(value)),
        )

    def options_html(self, values: list[str]) -> SafeString:
        """The options and groups, the first one whose value is among
        `values` selected (as Django's optgroups() does)."""
        parts: list[str] = []
        pending = set(values)
        for value, label in self.choices:
            if isinstance(label, (list, tuple)):
                parts.append(_optgroup(value))
                for subvalue, sublabel in label:
                    parts.append(_option(subvalue, sublabel, pending))
                parts.append("\n  </optgroup>")
            else:
                parts.append(_option("" if value is None else value, label, pending))
        # Every part is format_html output (_option, _optgroup): escaped.
        return mark_safe("".join(parts))  # nosec B308 B703


def _optgroup(name: Any) -> str:
    return f'\n  <optgroup label="{_text(name)}">'


def _option(value: Any, label: Any, pending: set[str]) -> str:
    """One <option>; selected when its value is still pending, which it
    then no longer is (only the first match is selected)."""
    text = str(value)
    selected = bool(pending) and text in pending
    if selected:
        pending.clear()
    mark = " selected" if selected else ""
    return f'\n  <option value="{html.escape(text)}"{mark}>{_text(label)}</option>'


def _text(value: Any) -> str:
    """What {{ value }} writes (localized, escaped unless safe); plain
    strings skip Django's lazy-aware conditional_escape, the slow part."""
    if type(value) is str:
        return html.escape(value)
    return conditional_escape(localize(value))


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
    Surrounding spaces are dropped, so blanks alone count as missing.
    The box reads its direction from what is typed in it (`dir="auto"`):
    partners may write in different scripts, whatever the page's language."""
    if rows:
        kwargs["widget"] = forms.Textarea(attrs={"rows": rows})
    field = forms.CharField(
        label=label,
        max_length=max_length,
        error_messages=messages(required=missing, max_length=too_long),
        **kwargs,
    )
    field.widget.attrs.setdefault("dir", "auto")
    return field


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
    kwargs.setdefault("widget", Select)
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
