"""What each area of a counsellor's window shows, and its part of the
session summary (issue 17).

A window shows a part of the couple's space that both partners chose: the
areas below. Whatever the scope, only what both partners already share
enters it: every read filters on `visibility=shared` and the kind's own
rule (a kept dialogue summary, a closed audit), never on `visible_to` of a
partner, which would bring in that partner's private rows. A private note,
a forgiveness check-in, an unshared pulse never reaches an area.

Each `read(space, *, start, end, pulse_from)` is bounded to the space and
to the days [start, end] (as the couple's days: `space_day_start`), and
takes a fixed number of queries whatever the history. Its dict is the
context of the area's template (a read-only fragment, with no link to a
partner's page) and of its `markdown`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.agreements.models import (
    Agreement,
    AgreementEvent,
    Clause,
    ClauseVersion,
    clause_states,
)
from troth.audits import figures as audit_figures
from troth.audits.models import Audit, Commitment, Reflection
from troth.checkins.audit import subscale_label
from troth.checkins.models import Pulse
from troth.checkins.stats import SUBSCALES, trend_from
from troth.dialogue.models import Summary
from troth.lib.content import Visibility
from troth.lib.time import space_day_start
from troth.promises.models import Promise
from troth.promises.stats import DOC as PROMISES_DOC
from troth.promises.stats import promise_figures_by_period
from troth.repair.models import (
    ApologyAnswer,
    ApologyVersion,
    PlanItem,
    Repair,
    RepairEvent,
)

SHARED = Visibility.SHARED


@dataclass(frozen=True)
class Area:
    """One area a window can show: its words, its fragment, how it reads
    the space, and its part of the summary."""

    key: str
    label: str
    description: str  # what the counsellor will see, and what never
    template: str  # a read-only fragment
    read: Callable[..., dict]
    markdown: Callable[[dict], str]


# The period


def bounds(space, start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The instants of [start, end], both days included, as the couple's
    days: from when `start` has begun for both partners to when the day
    after `end` has (troth/lib/time.py)."""
    partners = space.partners
    return (
        space_day_start(partners, start),
        space_day_start(partners, end + dt.timedelta(days=1)),
    )


def _day(moment: dt.datetime | dt.date) -> str:
    if isinstance(moment, dt.datetime):
        moment = timezone.localtime(moment).date()
    return formats.date_format(moment, "DATE_FORMAT")


def _quote(text: str | None) -> str:
    """Someone's words as a Markdown quote, so nothing they wrote turns into
    headings or links of the document around it."""
    lines = (text or "").strip().splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _line(text: str | None) -> str:
    """Someone's words on one line of a Markdown list."""
    return " ".join((text or "").split()).replace("|", "\\|")


def _heading(label) -> list[str]:
    return ["## " + str(label), ""]


def _nothing() -> list[str]:
    return [_("Nothing shared in this period."), ""]


# Agreements: the agreements in force in the period, their clauses and
# their history (versions, answers, consent withdrawn and given again).


def read_agreements(space, *, start, end, pulse_from=frozenset()) -> dict:
    """Five queries: the partners, the agreements, their clauses, their
    clause versions up to the end, their history in the period."""
    since, until = bounds(space, start, end)
    clauses = Clause.objects.filter(created__lt=until).filter(
        Q(removed_at__isnull=True) | Q(removed_at__gte=until)
    )
    versions = ClauseVersion.objects.filter(created__lt=until).select_related("author")
    events = (
        AgreementEvent.objects.filter(created__gte=since, created__lt=until)
        .select_related("actor", "version")
        .order_by("created", "id")
    )
    agreements = (
        Agreement.objects.in_space(space)
        .filter(visibility=SHARED, created__lt=until)
        .exclude(ended_at__lt=since)
        .prefetch_related(
            Prefetch("clauses", queryset=clauses),
            Prefetch("clause_versions", queryset=versions),
            Prefetch("events", queryset=events, to_attr="period_events"),
        )
        .order_by("created", "id")
    )
    return {
        "agreements": [
            {
                "agreement": a,
                "clauses": clause_states(a, include_removed=True),
                "events": a.period_events,
            }
            for a in agreements
        ],
        "start": start,
        "end": end,
    }


def agreements_markdown(context: dict) -> str:
    out = _heading(AREAS["agreements"].label)
    if not context["agreements"]:
        return "\n".join(out + _nothing())
    for row in context["agreements"]:
        agreement = row["agreement"]
        out += [
            "### " + _line(agreement.title),
            "",
            f"{agreement.get_topic_display()} · {agreement.get_status_display()}",
            "",
        ]
        for state in row["clauses"]:
            agreed = state.agreed
            if agreed is not None:
                out.append(f"- {_line(agreed.text)}")
            if state.pending is not None and not state.pending.removal:
                by = _("Proposed by %(name)s:") % {"name": state.pending.author}
                pending = f"{by} {_line(state.pending.text)}"
                out.append(f"  - {pending}" if agreed else f"- {pending}")
        out += ["", "#### " + _("History"), ""]
        out += [f"- {_event_line(e)}" for e in row["events"]] or [
            _("Nothing happened in this period.")
        ]
        out.append("")
    return "\n".join(out)


def _event_line(event) -> str:
    """One history entry: its day, who, what (and the wording it added)."""
    words = event.get_kind_display()
    who = f"{event.actor} " if event.actor_id else ""
    line = f"{_day(event.created)}: {who}{words}"
    version = getattr(event, "version", None)
    if version is not None and version.text:
        line += f": “{_line(version.text)}”"
    return line


# Repair: each repair open in the period, its phase and plan, the apology
# and its answers as both read them, and its shared history. Never a
# private note, a therapy log or a forgiveness check-in: those are
# `AlwaysPrivate` rows of other models, which this module never reads.


def read_repair(space, *, start, end, pulse_from=frozenset()) -> dict:
    """Five queries: the partners, the repairs with their history in the
    period, the plan as it stood at the end, the apologies sent in the
    period with their answers."""
    since, until = bounds(space, start, end)
    repairs = (
        Repair.objects.in_space(space)
        .filter(visibility=SHARED, created__lt=until)
        .exclude(resolved_at__lt=since)
    )
    events = RepairEvent.objects.filter(
        created__gte=since, created__lt=until
    ).select_related("actor")
    found = list(
        repairs.select_related("hurt", "other")
        .prefetch_related(Prefetch("events", queryset=events, to_attr="period_events"))
        .order_by("created", "id")
    )
    plan = _by_repair(
        PlanItem.objects.filter(
            repair__in=repairs, visibility=SHARED, created__lt=until
        ).select_related("promise", "agreement", "promise__author")
    )
    answers = ApologyAnswer.objects.filter(visibility=SHARED, created__lt=until)
    apologies = _by_repair(
        ApologyVersion.objects.filter(
            repair__in=repairs,
            visibility=SHARED,
            created__gte=since,
            created__lt=until,
        )
        .select_related("author")
        .prefetch_related(Prefetch("answers", queryset=answers))
    )
    return {
        "repairs": [
            {
                "repair": r,
                "plan": plan.get(r.pk, []),
                "apologies": apologies.get(r.pk, []),
                "events": r.period_events,
            }
            for r in found
        ],
        "start": start,
        "end": end,
    }


def _by_repair(rows) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows.order_by("created", "id"):
        grouped.setdefault(row.repair_id, []).append(row)
    return grouped


def repair_markdown(context: dict) -> str:
    out = _heading(AREAS["repair"].label)
    if not context["repairs"]:
        return "\n".join(out + _nothing())
    for row in context["repairs"]:
        repair = row["repair"]
        out += [
            "### " + _line(repair.summary),
            "",
            _("Phase: %(phase)s · %(status)s")
            % {
                "phase": repair.get_phase_display(),
                "status": repair.get_status_display(),
            },
            "",
            "#### " + _("The plan"),
            "",
        ]
        out += [f"- {_plan_line(item)}" for item in row["plan"]] or [
            _("Nothing in the plan yet.")
        ]
        out += ["", "#### " + _("Apology"), ""]
        for apology in row["apologies"]:
            out += [_("Sent on %(date)s:") % {"date": _day(apology.created)}]
            out += ["", _quote(apology.text), ""]
            out += [f"- {_answer_line(a)}" for a in apology.answers.all()]
            out.append("")
        if not row["apologies"]:
            out += [_("No apology was sent in this period."), ""]
        out += ["#### " + _("History"), ""]
        out += [f"- {_repair_event_line(e)}" for e in row["events"]] or [
            _("Nothing happened in this period.")
        ]
        out.append("")
    return "\n".join(out)


def _plan_line(item) -> str:
    if item.promise_id:
        promise = item.promise
        return (
            f"{_line(promise.text)} ({promise.author}: {promise.get_state_display()})"
        )
    agreement = item.agreement
    return f"{_line(agreement.title)} ({agreement.get_status_display()})"


def _answer_line(answer) -> str:
    line = f"{_day(answer.created)}: {answer.get_answer_display()}"
    return f"{line}: “{_line(answer.note)}”" if answer.note else line


def _repair_event_line(event) -> str:
    line = f"{_day(event.created)}: {event.actor} {event.get_kind_display()}"
    if event.phase:
        line += f" {event.get_phase_display()}"
    return line


# Promises: the figures of the promises page, computed by its own code for
# the period, and the promises they count.


def read_promises(space, *, start, end, pulse_from=frozenset()) -> dict:
    """Three queries: the partners, the figures of both (one query,
    `promise_figures_by_period`), the promises counted in the period."""
    since, until = bounds(space, start, end)
    partners = space.partners
    figures = promise_figures_by_period(space, partners, [(since, until)])
    counted = (
        Promise.objects.in_space(space)
        .filter(visibility=SHARED)
        .counted_between(since, min(until, timezone.now()))
        .select_related("author", "promisee")
        .order_by("counted_at", "id")
    )
    return {
        "rows": [{"person": p, "figures": figures[p.pk][0]} for p in partners],
        "promises": list(counted),
        "doc": PROMISES_DOC.removesuffix(".md"),
        "start": start,
        "end": end,
    }


def promises_markdown(context: dict) -> str:
    out = _heading(AREAS["promises"].label)
    out += [
        _("How each figure is computed: docs/figures/%(doc)s in Troth's source.")
        % {"doc": PROMISES_DOC},
        "",
    ]
    header = [
        _("Promises made by"),
        _("Due"),
        _("Kept"),
        _("Not quite"),
        _("Missed"),
        _("Renegotiated"),
    ]
    out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in context["rows"]:
        f = row["figures"]
        cells = [str(row["person"]), f.due, f.kept, f.not_quite, f.missed]
        cells.append(f.renegotiated)
        out.append("| " + " | ".join(_line(str(c)) for c in cells) + " |")
    out += ["", "### " + _("The promises counted"), ""]
    out += [
        f"- {_line(p.text)} ({p.author} → {p.promisee}, "
        f"{_day(p.counted_at)}: {p.get_state_display()})"
        for p in context["promises"]
    ] or [_("Nothing shared in this period.")]
    out.append("")
    return "\n".join(out)


# Audits: only audits both partners signed off (closed) in the period,
# with their frozen figures, the reflections still shared and the
# commitments. A pulse figure stays only for a partner in `pulse_from`.


def read_audits(space, *, start, end, pulse_from=frozenset()) -> dict:
    """Five queries: the partners, everyone who was a partner (for the
    figures' names), the audits closed in the period, their reflections,
    their commitments."""
    since, until = bounds(space, start, end)
    names = {
        str(m.user_id): str(m.user)
        for m in space.memberships.select_related("user").order_by("joined_at")
    }
    shared_reflections = Reflection.objects.filter(
        visibility=SHARED, signed_off_at__isnull=False
    ).select_related("author")
    commitments = Commitment.objects.filter(visibility=SHARED).select_related("author")
    audits = (
        Audit.objects.filter(
            space=space,
            closed_at__isnull=False,
            closed_at__gte=since,
            closed_at__lt=until,
        )
        .prefetch_related(
            Prefetch("reflections", queryset=shared_reflections),
            Prefetch("commitments", queryset=commitments.order_by("created", "id")),
        )
        .order_by("month", "id")
    )
    included = {str(pk) for pk in pulse_from}
    return {
        "audits": [
            {
                "audit": audit,
                "sections": _audit_sections(audit, names, included),
                "reflections": list(audit.reflections.all()),
                "commitments": list(audit.commitments.all()),
            }
            for audit in audits
        ],
        "start": start,
        "end": end,
    }


def _audit_sections(audit, names, included: set[str]) -> list[tuple[str, list]]:
    """The audit's rows by section, without the pulse of a partner who did
    not include theirs."""
    rows = [
        row
        for row in audit_figures.rows(audit.figures, names)
        if not (row.key.startswith("pulse.") and row.who not in included)
    ]
    grouped: dict[str, list] = {}
    for row in rows:
        grouped.setdefault(row.section, []).append(row)
    return list(grouped.items())


REFLECTION_FIELDS = (
    ("went_well", gettext_lazy("What went well")),
    ("differently", gettext_lazy("What I want to do differently")),
    ("need", gettext_lazy("What I need from you")),
)


def audits_markdown(context: dict) -> str:
    out = _heading(AREAS["audits"].label)
    if not context["audits"]:
        return "\n".join(out + _nothing())
    for row in context["audits"]:
        audit = row["audit"]
        out += [
            "### "
            + _("Trust audit, %(month)s")
            % {"month": formats.date_format(audit.month, "YEAR_MONTH_FORMAT")},
            "",
        ]
        for section, items in row["sections"]:
            out += [f"#### {section}", ""]
            out += [f"- {_line(item.label)}: {item.shown}" for item in items]
            out.append("")
        for reflection in row["reflections"]:
            out += [f"#### {reflection.author}", ""]
            for field, label in REFLECTION_FIELDS:
                text = getattr(reflection, field)
                if text:
                    out += [f"**{label}**", "", _quote(text), ""]
        if row["commitments"]:
            out += ["#### " + _("Commitments for next month"), ""]
            out += [f"- {c.author}: {_line(c.text)}" for c in row["commitments"]]
            out.append("")
    return "\n".join(out)


# Pulse: the weekly means of the partners in `pulse_from`, as the pulse
# trends compute them (troth/checkins/stats.py), from shared rows only.


def read_pulse(space, *, start, end, pulse_from=frozenset()) -> dict:
    """Three queries: the partners, the shared pulses of those included in
    the period, and how many days each answered up to its end (a trend is
    shown only after 14, as on the pulse trends page)."""
    people = [p for p in space.partners if p.pk in pulse_from]
    shared = Pulse.objects.in_space(space).filter(
        visibility=SHARED, author__in=[p.pk for p in people]
    )
    pulses: dict[int, list[Pulse]] = {p.pk: [] for p in people}
    totals: dict[int, int] = {}
    if people:
        for pulse in shared.filter(day__gte=start, day__lte=end).order_by("day"):
            pulses[pulse.author_id].append(pulse)
        totals = dict(
            shared.filter(day__lte=end)
            .order_by()
            .values("author")
            .annotate(n=Count("pk"))
            .values_list("author", "n")
        )
    return {
        "trends": [
            {
                "person": p,
                "trend": trend_from(pulses[p.pk], totals.get(p.pk, 0), start, end),
            }
            for p in people
        ],
        "subscales": [subscale_label(s) for s in SUBSCALES],
        "start": start,
        "end": end,
    }


def pulse_markdown(context: dict) -> str:
    out = _heading(AREAS["pulse"].label)
    if not context["trends"]:
        return "\n".join(out + [_("Neither of you included your pulse."), ""])
    for row in context["trends"]:
        trend = row["trend"]
        out += [
            "### " + _("%(name)s's pulse, week by week") % {"name": row["person"]},
            "",
        ]
        if not trend.enough or not trend.weeks:
            out += [_("Not enough answered days for a trend yet."), ""]
            continue
        header = [_("Week of"), _("Days"), *context["subscales"]]
        out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for week in trend.weeks:
            means = [week.means.get(s) for s in SUBSCALES]
            cells = [_day(week.start), str(week.days)]
            cells += ["–" if m is None else f"{m:.1f}" for m in means]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


# Dialogue: the summaries both partners kept in the period (a summary is
# kept when the partner agrees, and only while it stays shared).


def read_dialogue(space, *, start, end, pulse_from=frozenset()) -> dict:
    """Two queries: the partners, the summaries kept in the period."""
    since, until = bounds(space, start, end)
    summaries = (
        Summary.objects.in_space(space)
        .filter(
            visibility=SHARED,
            dialogue__visibility=SHARED,
            kept_at__isnull=False,
            kept_at__gte=since,
            kept_at__lt=until,
        )
        .select_related("dialogue", "author")
        .order_by("kept_at", "id")
    )
    return {"summaries": list(summaries), "start": start, "end": end}


def dialogue_markdown(context: dict) -> str:
    out = _heading(AREAS["dialogue"].label)
    if not context["summaries"]:
        return "\n".join(out + _nothing())
    for summary in context["summaries"]:
        topic = summary.dialogue.topic
        out += [
            "### " + (_line(topic) if topic else _("A dialogue")),
            "",
            _("Kept on %(date)s, suggested by %(name)s.")
            % {"date": _day(summary.kept_at), "name": summary.author},
            "",
            _quote(summary.text),
            "",
        ]
    return "\n".join(out)


# The areas, in the order a window and a summary show them


def _area(key, label, description, read, markdown) -> Area:
    return Area(key, label, description, f"counsel/areas/{key}.html", read, markdown)


AREAS: dict[str, Area] = {
    area.key: area
    for area in [
        _area(
            "agreements",
            gettext_lazy("Agreements and their history"),
            gettext_lazy(
                "The agreements, their clauses, and every change and answer in "
                "the period, consent withdrawn and given again included."
            ),
            read_agreements,
            agreements_markdown,
        ),
        _area(
            "repair",
            gettext_lazy("The repair path"),
            gettext_lazy(
                "Each repair's phase, its plan, the apology and its answers, and "
                "its shared history. Never anyone's private notes, therapy log or "
                "forgiveness check-ins."
            ),
            read_repair,
            repair_markdown,
        ),
        _area(
            "promises",
            gettext_lazy("Promises and their figures"),
            gettext_lazy(
                "What each partner promised in the period, and how many were kept, "
                "not quite kept, missed or renegotiated, computed as on the "
                "promises page."
            ),
            read_promises,
            promises_markdown,
        ),
        _area(
            "audits",
            gettext_lazy("Trust audits both partners signed off"),
            gettext_lazy(
                "The figures, shared reflections and commitments of each audit "
                "both partners signed off in the period. Never an audit still open."
            ),
            read_audits,
            audits_markdown,
        ),
        _area(
            "pulse",
            gettext_lazy("Pulse trends"),
            gettext_lazy(
                "Week by week means of the daily pulse, only of a partner who "
                "includes theirs, and only of days they share. Never the notes."
            ),
            read_pulse,
            pulse_markdown,
        ),
        _area(
            "dialogue",
            gettext_lazy("Dialogue summaries both partners kept"),
            gettext_lazy(
                "The summaries of guided dialogues both partners agreed to keep. "
                "Never the turns of a dialogue, nor a summary only one partner kept."
            ),
            read_dialogue,
            dialogue_markdown,
        ),
    ]
}


def area_choices() -> list[tuple[str, str]]:
    """The areas as form choices, in their order."""
    return [(area.key, area.label) for area in AREAS.values()]
