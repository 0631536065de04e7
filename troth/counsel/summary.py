"""The session summary: one page for a chosen period, built from chosen
areas of a window (troth/counsel/areas.py), that either partner can print
or download as Markdown and bring to a session, with no counsellor account.

It shows exactly what the areas show: only what both partners share. The
pulse is the builder's own, and only if they include it: the partner's
pulse is theirs to bring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.counsel.areas import AREAS, Area, area_choices
from troth.lib.forms import Form, date_field, messages

# The period offered first: the last 30 days, up to today.
DEFAULT_DAYS = 30
# The longest period a summary covers, both days counted.
MAX_DAYS = 366


class SummaryForm(Form):
    """The period and the areas of a summary (a GET form: nothing changes)."""

    start = date_field(
        gettext_lazy("From"),
        missing=gettext_lazy("Choose the first day."),
        invalid=gettext_lazy("Enter a date such as 2026-12-31."),
    )
    end = date_field(
        gettext_lazy("To"),
        missing=gettext_lazy("Choose the last day."),
        invalid=gettext_lazy("Enter a date such as 2026-12-31."),
    )
    areas = forms.MultipleChoiceField(
        label=gettext_lazy("What the summary shows"),
        choices=area_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(
            required=gettext_lazy("Choose at least one area."),
            invalid_choice=gettext_lazy("Choose areas from the list."),
        ),
    )
    include_pulse = forms.BooleanField(
        label=gettext_lazy("Include my own pulse"),
        required=False,
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The last day comes before the first."))
            elif (end - start).days + 1 > MAX_DAYS:
                self.add_error(
                    "end",
                    _("A summary covers at most %(days)s days.") % {"days": MAX_DAYS},
                )
        return data


def summary_initial(today: dt.date) -> dict:
    """The form as first offered: the last 30 days, every area."""
    return {
        "start": today - dt.timedelta(days=DEFAULT_DAYS),
        "end": today,
        "areas": list(AREAS),
    }


@dataclass(frozen=True)
class Part:
    """One area of a summary with what it read."""

    area: Area
    context: dict


@dataclass(frozen=True)
class SessionSummary:
    start: dt.date
    end: dt.date
    parts: list[Part]

    @property
    def filename(self) -> str:
        """No names and no content: only the period."""
        return f"troth-summary-{self.start:%Y-%m-%d}-to-{self.end:%Y-%m-%d}.md"


def summary_build(
    space, *, start: dt.date, end: dt.date, keys: list[str], pulse_from: frozenset
) -> SessionSummary:
    """The chosen areas of `space` for [start, end], in the areas' order.
    Each area reads a fixed number of queries, so the summary does too."""
    parts = [
        Part(area, area.read(space, start=start, end=end, pulse_from=pulse_from))
        for key, area in AREAS.items()
        if key in keys
    ]
    return SessionSummary(start=start, end=end, parts=parts)


def summary_markdown(summary: SessionSummary) -> str:
    """The summary as one Markdown document."""
    first = formats.date_format(summary.start, "DATE_FORMAT")
    last = formats.date_format(summary.end, "DATE_FORMAT")
    out = [
        "# " + _("Session summary"),
        "",
        _("Covers %(first)s to %(last)s.") % {"first": first, "last": last},
        "",
        _("Only what you both share in Troth is in it: nothing private."),
        "",
    ]
    out += [part.area.markdown(part.context) for part in summary.parts]
    return "\n".join(out).rstrip() + "\n"
