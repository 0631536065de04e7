"""Forms for the calendar. Each turns what a person typed into the plain
values a service function takes; every problem gets a message in words."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur

from troth.accounts.forms import timezone_choices
from troth.lib import forms as lib_forms
from troth.lib.forms import choice_field, date_field, note_field, text_field, time_field
from troth.lib.time import wall_time_exists
from troth.lib.time import zone as time_zone
from troth.schedule.models import FIRST_YEAR, LAST_YEAR, Event, EventVisibility
from troth.schedule.recurrence import (
    as_utc,
    floating_date,
    floating_utc,
    rule_parts,
)
from troth.schedule.services import LOCATION_MAX, NOTE_MAX, TITLE_MAX, EventFields

UTC = zoneinfo.ZoneInfo("UTC")

WEEKDAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
WEEKDAY_CODES = [code for code, _label in WEEKDAYS]

REPEAT_CHOICES = [
    ("", _("Does not repeat")),
    ("DAILY", _("Every day")),
    ("WEEKLY", _("Every week")),
    ("MONTHLY", _("Every month")),
    ("YEARLY", _("Every year")),
]
CUSTOM = "custom"

ENDS_CHOICES = [
    ("never", _("Never")),
    ("until", _("On a date")),
    ("count", _("After a number of times")),
]

REMINDER_CHOICES = [
    ("", _("No reminder")),
    ("0", _("When it starts")),
    ("10", _("10 minutes before")),
    ("30", _("30 minutes before")),
    ("60", _("1 hour before")),
    ("120", _("2 hours before")),
    ("1440", _("1 day before")),
]

# Rule parts the form can show and edit; anything else (from an imported
# calendar) is kept as it is unless the person chooses a new rule.
SIMPLE_PARTS = {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}
MAX_COUNT = 500


def within_years(value: date) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Choose a date between %(first)s and %(last)s."),
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


def minutes_or_none(value: str) -> int | None:
    return int(value) if value not in ("", None) else None


def local(day: date, clock: time, zone: zoneinfo.ZoneInfo) -> tuple[datetime, bool]:
    """`day` at `clock` in `zone`, and whether that wall-clock time exists
    (it doesn't in the hour the clocks skip in spring)."""
    return datetime.combine(day, clock, zone), wall_time_exists(day, clock, zone)


class EventForm(lib_forms.Form):
    title = text_field(_("Title"), TITLE_MAX, missing=_("Give the event a title."))
    all_day = forms.BooleanField(label=_("All day"), required=False)
    start_date = date_field(
        _("Starts on"),
        validators=[within_years],
        missing=_("Choose the day it starts."),
        invalid=_("Enter the start date as YYYY-MM-DD."),
    )
    start_time = time_field(
        _("Start time"), required=False, invalid=_("Enter the start time as HH:MM.")
    )
    end_date = date_field(
        _("Ends on"),
        validators=[within_years],
        required=False,
        help_text=_("Leave empty if it ends the same day."),
        invalid=_("Enter the end date as YYYY-MM-DD."),
    )
    end_time = time_field(
        _("End time"),
        required=False,
        help_text=_("Leave empty for one hour."),
        invalid=_("Enter the end time as HH:MM."),
    )
    time_zone = choice_field(
        _("Time zone"),
        timezone_choices,
        help_text=_("The times above are in this zone; repeats keep its clock time."),
    )
    location = text_field(_("Place"), LOCATION_MAX, required=False)
    note = note_field(_("Note"), NOTE_MAX)
    visibility = choice_field(
        _("Who sees it"),
        EventVisibility.choices,
        initial=EventVisibility.SHARED,
        radio=True,
    )
    repeat = choice_field(_("How often"), REPEAT_CHOICES, required=False)
    interval = forms.IntegerField(
        label=_("Every how many"),
        min_value=1,
        max_value=99,
        initial=1,
        required=False,
        help_text=_("1 for every time, 2 for every other, and so on."),
        error_messages={
            "min_value": _("Repeat every 1 or more."),
            "max_value": _("Repeat at most every 99."),
            "invalid": _("Enter a whole number."),
        },
    )
    weekdays = forms.MultipleChoiceField(
        label=_("On these days (weekly)"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    ends = choice_field(
        _("Stops repeating"), ENDS_CHOICES, initial="never", radio=True, required=False
    )
    until = date_field(
        _("Last date"),
        validators=[within_years],
        required=False,
        invalid=_("Enter the last date as YYYY-MM-DD."),
    )
    count = forms.IntegerField(
        label=_("Number of times"),
        min_value=1,
        max_value=MAX_COUNT,
        required=False,
        error_messages={
            "min_value": _("It has to happen at least once."),
            "max_value": _(
                "At most %(limit_value)s times; choose a last date instead."
            ),
            "invalid": _("Enter a whole number."),
        },
    )
    reminder = choice_field(_("Remind me"), REMINDER_CHOICES, required=False)

    def __init__(
        self, *args, kind: str = Event.Kind.EVENT, event: Event | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.event = event
        repeat = self.fields["repeat"]
        reminder = self.fields["reminder"]
        # Both are declared above as ChoiceFields; `fields` only says Field.
        assert isinstance(repeat, forms.ChoiceField)
        assert isinstance(reminder, forms.ChoiceField)
        if kind == Event.Kind.RITUAL:
            del self.fields["visibility"]
            self.fields["title"].help_text = _("For example: date night, Sunday walk.")
            repeat.choices = REPEAT_CHOICES[1:]
            repeat.required = True
            repeat.error_messages["required"] = _("A ritual repeats: choose how often.")
            reminder.help_text = _(
                "You both get a reminder 2 hours before, unless you choose otherwise."
            )
            reminder.choices = [
                ("default", _("2 hours before (the default)")),
                *REMINDER_CHOICES,
            ]
        if event is not None and event.rrule and not self.rule_is_simple(event):
            repeat.choices = [
                (CUSTOM, _("As in the imported calendar")),
                # The stubs give the getter the setter's type (callables too);
                # Django returns the choices as a list here.
                *repeat.choices,  # type: ignore[misc]
            ]
        repeat.widget.attrs["data-testid"] = "repeat"

    @staticmethod
    def rule_is_simple(event: Event) -> bool:
        parts = rule_parts(event)
        if set(parts) - SIMPLE_PARTS:
            return False
        return all(day in WEEKDAY_CODES for day in parts.get("BYDAY", []))

    @classmethod
    def initial_for(cls, event: Event, *, first: datetime | None = None) -> dict:
        """The form's values for an existing event, in the event's zone.
        `first` replaces the first start (a ritual edited from a later date)."""
        zone = event.tz
        start = first or event.start
        end = start + event.duration
        initial: dict[str, object]
        if event.all_day:
            start_day = floating_date(start)
            last_day = floating_date(end) - timedelta(days=1)
            initial = {
                "start_date": start_day,
                "end_date": last_day if last_day != start_day else None,
            }
        else:
            local_start, local_end = start.astimezone(zone), end.astimezone(zone)
            initial = {
                "start_date": local_start.date(),
                "start_time": local_start.time(),
                "end_date": local_end.date()
                if local_end.date() != local_start.date()
                else None,
                "end_time": local_end.time(),
            }
        initial.update(
            title=event.title,
            all_day=event.all_day,
            time_zone=event.time_zone,
            location=event.location,
            note=event.note,
            visibility=event.visibility,
            ends="never",
        )
        parts = rule_parts(event)
        if parts and cls.rule_is_simple(event):
            initial["repeat"] = str(parts["FREQ"][0])
            initial["interval"] = int(parts.get("INTERVAL", [1])[0])
            initial["weekdays"] = [str(day) for day in parts.get("BYDAY", [])]
            if "COUNT" in parts:
                initial.update(ends="count", count=int(parts["COUNT"][0]))
            elif "UNTIL" in parts:
                until = parts["UNTIL"][0]
                if isinstance(until, datetime):
                    until = (
                        (until if until.tzinfo else until.replace(tzinfo=UTC))
                        .astimezone(zone)
                        .date()
                    )
                initial.update(ends="until", until=until)
        elif parts:
            initial["repeat"] = CUSTOM
        return initial

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        zone = time_zone(data["time_zone"])
        start_date = data["start_date"]
        end_date = data.get("end_date") or start_date
        if data.get("all_day"):
            if end_date < start_date:
                self.add_error("end_date", _("The end is before the start."))
                return data
            start = floating_utc(start_date)
            end = floating_utc(end_date + timedelta(days=1))
        else:
            if data.get("start_time") is None:
                self.add_error("start_time", _("Choose a start time, or tick All day."))
                return data
            start, exists = local(start_date, data["start_time"], zone)
            if not exists:
                self.add_error(
                    "start_time",
                    _(
                        "That time doesn't exist in %(zone)s on that day: the clocks change then."
                    )
                    % {"zone": data["time_zone"]},
                )
                return data
            end_time = data.get("end_time")
            if end_time is None:
                end = start + timedelta(hours=1)
                if data.get("end_date"):
                    end, exists = local(end_date, data["start_time"], zone)
            else:
                end, exists = local(end_date, end_time, zone)
                if not exists:
                    self.add_error(
                        "end_time",
                        _(
                            "That time doesn't exist in %(zone)s on that day: the clocks change then."
                        )
                        % {"zone": data["time_zone"]},
                    )
                    return data
            if end < start:
                self.add_error(
                    "end_time" if end_date == start_date else "end_date",
                    _("The end is before the start."),
                )
                return data
        data["start"], data["end"] = start, end
        data["rrule"] = self.build_rule(data, zone, start_date)
        return data

    def build_rule(self, data: dict, zone, start_date: date) -> str:
        repeat = data.get("repeat") or ""
        if repeat == CUSTOM and self.event is not None:
            return self.event.rrule
        if not repeat:
            return ""
        rule = vRecur(freq=repeat)
        interval = data.get("interval") or 1
        if interval > 1:
            rule["INTERVAL"] = interval
        if repeat == "WEEKLY" and data.get("weekdays"):
            days = set(data["weekdays"]) | {WEEKDAY_CODES[start_date.weekday()]}
            rule["BYDAY"] = [code for code in WEEKDAY_CODES if code in days]
        ends = data.get("ends") or "never"
        if ends == "until":
            until = data.get("until")
            if until is None:
                self.add_error("until", _("Choose the last date, or choose Never."))
                return ""
            if until < start_date:
                self.add_error("until", _("The last date is before the first one."))
                return ""
            if data.get("all_day"):
                rule["UNTIL"] = until
            else:
                rule["UNTIL"] = as_utc(datetime.combine(until, time(23, 59, 59), zone))
        elif ends == "count":
            if not data.get("count"):
                self.add_error("count", _("Say how many times, or choose Never."))
                return ""
            rule["COUNT"] = data["count"]
        return rule.to_ical().decode()

    def event_fields(self) -> EventFields:
        data = self.cleaned_data
        return EventFields(
            title=data["title"],
            start=data["start"],
            end=data["end"],
            time_zone=data["time_zone"],
            all_day=bool(data.get("all_day")),
            location=data.get("location", ""),
            note=data.get("note", ""),
            visibility=(
                EventVisibility.SHARED
                if self.kind == Event.Kind.RITUAL
                else data["visibility"]
            ),
            rrule=data["rrule"],
            kind=self.kind,
        )

    def reminder_choice(self) -> tuple[bool, int | None]:
        """(whether the person chose, the minutes or None for no reminder)."""
        value = self.cleaned_data.get("reminder", "")
        if value == "default":
            return False, None
        return True, minutes_or_none(value)


class MoveForm(lib_forms.Form):
    """A new time for one occurrence, in the event's zone."""

    start_date = date_field(
        _("New date"),
        validators=[within_years],
        missing=_("Choose the new date."),
        invalid=_("Enter the date as YYYY-MM-DD."),
    )
    start_time = time_field(
        _("Start time"), required=False, invalid=_("Enter the time as HH:MM.")
    )
    end_time = time_field(
        _("End time"), required=False, invalid=_("Enter the time as HH:MM.")
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event.all_day:
            del self.fields["start_time"]
            del self.fields["end_time"]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        event = self.event
        if event.all_day:
            data["start"] = floating_utc(data["start_date"])
            data["end"] = data["start"] + event.duration
            return data
        zone = event.tz
        if data.get("start_time") is None:
            self.add_error("start_time", _("Choose a start time."))
            return data
        start, exists = local(data["start_date"], data["start_time"], zone)
        if not exists:
            self.add_error(
                "start_time",
                _("That time doesn't exist on that day: the clocks change then."),
            )
            return data
        if data.get("end_time") is None:
            end = start + event.duration
        else:
            end, _exists = local(data["start_date"], data["end_time"], zone)
            if end < start:
                self.add_error("end_time", _("The end is before the start."))
                return data
        data["start"], data["end"] = start, end
        return data


class MarkForm(lib_forms.Form):
    happened = choice_field(
        choices=[("yes", _("It happened")), ("no", _("It didn't happen"))],
        coerce=lambda value: value == "yes",
        missing=_("Say whether it happened."),
    )


class ReminderForm(lib_forms.Form):
    reminder = choice_field(_("Remind me"), REMINDER_CHOICES, required=False)

    def minutes(self) -> int | None:
        return minutes_or_none(self.cleaned_data.get("reminder", ""))


class VisibilityForm(lib_forms.Form):
    visibility = choice_field(
        choices=EventVisibility.choices, missing=_("Choose who can see this event.")
    )


IMPORT_VISIBILITY = [
    (EventVisibility.PRIVATE, _("Only me")),
    (EventVisibility.BUSY, _("Busy only: my partner sees the times, nothing else")),
    (EventVisibility.SHARED, _("Shared with my partner")),
]


class ImportForm(lib_forms.Form):
    file = forms.FileField(
        label=_("Calendar file (.ics)"),
        error_messages={
            "required": _("Choose a .ics file to import."),
            "empty": _("That file is empty."),
        },
    )
    visibility = choice_field(
        _("Who sees the imported events"),
        IMPORT_VISIBILITY,
        initial=EventVisibility.PRIVATE,
        radio=True,
    )
