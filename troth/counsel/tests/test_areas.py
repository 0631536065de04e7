"""What each area of a counsellor's window shows (troth/counsel/areas.py).

Each area is read for alice and bob's space over a period, then drawn as
its fragment and as its part of the summary. Every test puts next to what
the area must show the private things of the same kind, and things outside
the period or in another space, and looks for each of them in what the area
read, drew and wrote: if a scoped view ever starts showing one, it fails."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone

from conftest import make_space
from troth.agreements.builders import build_agreement
from troth.agreements.models import Agreement, EventKind, VersionState
from troth.audits.builders import build_commitment, build_reflection
from troth.audits.figures import draft_figures
from troth.audits.models import Audit, Reflection
from troth.checkins.builders import build_pulse, build_pulse_settings
from troth.counsel.areas import AREAS, area_choices, bounds
from troth.dialogue.builders import build_dialogue, build_summary, build_turn
from troth.dialogue.models import Dialogue, Mode, Status
from troth.lib.content import Visibility
from troth.promises.builders import draft_promise, save_promises
from troth.promises.models import Promise
from troth.repair.builders import build_part, build_repair
from troth.repair.models import (
    ApologyAnswer,
    ApologyVersion,
    ForgivenessCheckin,
    Note,
    Phase,
    PlanItem,
    Repair,
    TherapySession,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = NOW.date()
# The period every test reads: from 40 days ago to 10 days ago.
START = TODAY - dt.timedelta(days=40)
END = TODAY - dt.timedelta(days=10)
EVERYONE: frozenset[int] = frozenset()


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def withdraw(row: models.Model) -> None:
    """Make an always-shared row private, as withdrawing what a leaving
    partner shared does (through the plain manager)."""
    type(row)._base_manager.filter(pk=row.pk).update(visibility=Visibility.PRIVATE)


def shown(key: str, space, pulse_from=EVERYONE) -> tuple[dict, str]:
    """What the area read, and everything it writes: its fragment and its
    part of the summary."""
    area = AREAS[key]
    context = area.read(space, start=START, end=END, pulse_from=pulse_from)
    text = render_to_string(area.template, context) + area.markdown(context)
    return context, text


def instances(value, seen=None) -> list:
    """Every model instance reachable from what an area read (dicts, lists,
    dataclasses, prefetched relations)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, models.Model):
        found = [value]
        cache = getattr(value, "_prefetched_objects_cache", {})
        for rows in cache.values():
            found += instances(list(rows), seen)
        for attr, rows in vars(value).items():
            if attr.startswith("period_"):
                found += instances(rows, seen)
        return found
    if isinstance(value, dict):
        value = list(value.values())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = [getattr(value, f.name) for f in dataclasses.fields(value)]
    if isinstance(value, list | tuple):
        return [row for item in value for row in instances(item, seen)]
    return []


def assert_absent(context: dict, text: str, *words: str, kinds=()) -> None:
    for word in words:
        assert word not in text, word
    for row in instances(context):
        assert not isinstance(row, kinds), row
        if getattr(row, "visibility", Visibility.SHARED) != Visibility.SHARED:
            raise AssertionError(f"a private row entered an area: {row!r}")


def test_the_areas_come_in_their_order():
    assert list(AREAS) == [
        "agreements",
        "repair",
        "promises",
        "audits",
        "pulse",
        "dialogue",
    ]
    assert [key for key, _label in area_choices()] == list(AREAS)
    for area in AREAS.values():
        assert area.template == f"counsel/areas/{area.key}.html"
        assert str(area.label) and str(area.description)


# Agreements


def agreement(space, by, other, title: str, at: dt.datetime, clause: str):
    history = build_agreement(space, by, title=title, topic="online", at=at)
    (version,) = history.propose([clause], by, at)
    history.decide(
        version, VersionState.ACCEPTED, other, at + dt.timedelta(hours=1), "accepted"
    )
    history.activate(at + dt.timedelta(hours=1))
    return history


def test_agreements_show_the_shared_ones_of_the_period_with_their_history(
    alice, bob, space, carol, dave, other_space
):
    history = agreement(space, alice, bob, "Our phones", ago(30), "We text when late")
    history.withdraw_consent(bob, ago(20))
    history.event(EventKind.CONSENT_WITHDRAWN, ago(20), bob)
    # After the period: a change proposed 5 days ago.
    history.propose_change(history.clauses[0], "CHANGE-AFTER-THE-END", bob, ago(5))
    withdrawn = agreement(space, bob, alice, "AGREEMENT-WITHDRAWN", ago(30), "C-W")
    withdraw(withdrawn.agreement)
    agreement(space, alice, bob, "AGREEMENT-AFTER-THE-END", ago(5), "C-A")
    ended = agreement(space, alice, bob, "AGREEMENT-ENDED-BEFORE", ago(80), "C-E")
    Agreement.objects.filter(pk=ended.agreement.pk).update(
        status="ended", ended_at=ago(60)
    )
    agreement(other_space, carol, dave, "AGREEMENT-OF-ANOTHER-COUPLE", ago(30), "C-O")

    context, text = shown("agreements", space)

    assert "Our phones" in text and "We text when late" in text
    assert "withdrew consent: paused" in text
    assert_absent(
        context,
        text,
        "CHANGE-AFTER-THE-END",
        "AGREEMENT-WITHDRAWN",
        "AGREEMENT-AFTER-THE-END",
        "AGREEMENT-ENDED-BEFORE",
        "AGREEMENT-OF-ANOTHER-COUPLE",
    )


# Repair


def repair_with_parts(space, hurt, other, summary: str, at: dt.datetime) -> Repair:
    repair = build_repair(space, hurt, other=other, summary=summary, at=at)
    promise = save_promises(
        [
            draft_promise(
                space,
                other,
                to=hurt,
                text=f"{summary}: PLAN-PROMISE",
                due_date=TODAY + dt.timedelta(days=30),
                made_at=at,
            )
        ]
    )[0]
    build_part(repair, PlanItem, other, at, promise=promise)
    apology = build_part(
        repair, ApologyVersion, other, at, number=1, text=f"{summary}: I am sorry"
    )
    build_part(repair, ApologyAnswer, hurt, at, apology=apology, answer="not_yet")
    return repair


def test_repair_shows_phase_plan_and_apology_never_private_notes_or_checkins(
    alice, bob, space
):
    repair = repair_with_parts(space, alice, bob, "Missed the birthday", ago(30))
    Repair.objects.filter(pk=repair.pk).update(phase=Phase.ATTUNE)
    build_part(repair, Note, alice, ago(25), text="PRIVATE-NOTE-OF-ALICE")
    build_part(repair, Note, bob, ago(25), text="PRIVATE-NOTE-OF-BOB")
    build_part(
        repair,
        TherapySession,
        bob,
        ago(25),
        kind="individual",
        on=TODAY - dt.timedelta(days=25),
        note="THERAPY-LOG-NOTE",
    )
    build_part(
        repair, ForgivenessCheckin, alice, ago(24), distance=2, even=1, goodwill=6
    )
    late = build_part(
        repair, ApologyVersion, bob, ago(5), number=2, text="APOLOGY-AFTER-THE-END"
    )
    build_part(repair, ApologyAnswer, alice, ago(4), apology=late, answer="helps")
    withdrawn = repair_with_parts(space, bob, alice, "REPAIR-WITHDRAWN", ago(30))
    withdraw(withdrawn)

    context, text = shown("repair", space)

    assert "Missed the birthday" in text
    assert "Attune" in text
    assert "Missed the birthday: PLAN-PROMISE" in text
    assert "Missed the birthday: I am sorry" in text
    assert "Not yet" in text
    assert_absent(
        context,
        text,
        "PRIVATE-NOTE-OF-ALICE",
        "PRIVATE-NOTE-OF-BOB",
        "THERAPY-LOG-NOTE",
        "APOLOGY-AFTER-THE-END",
        "REPAIR-WITHDRAWN",
        kinds=(Note, TherapySession, ForgivenessCheckin),
    )


# Promises


def kept_promise(space, by, to, text: str, due: dt.date) -> Promise:
    made = dt.datetime.combine(due, dt.time(9), tzinfo=dt.UTC) - dt.timedelta(days=2)
    draft = draft_promise(space, by, to=to, text=text, due_date=due, made_at=made)
    done = made + dt.timedelta(days=1)
    return save_promises([draft.done(done).kept(done + dt.timedelta(hours=1))])[0]


def test_promises_show_the_figures_of_the_period_and_the_promises_counted(
    alice, bob, space, carol, dave, other_space
):
    kept_promise(space, alice, bob, "Call the plumber", TODAY - dt.timedelta(days=25))
    kept_promise(space, bob, alice, "PROMISE-BEFORE", TODAY - dt.timedelta(days=60))
    kept_promise(space, bob, alice, "PROMISE-AFTER", TODAY - dt.timedelta(days=3))
    withdraw(
        kept_promise(
            space, bob, alice, "PROMISE-WITHDRAWN", TODAY - dt.timedelta(days=20)
        )
    )
    kept_promise(
        other_space, carol, dave, "PROMISE-OF-ANOTHER", TODAY - dt.timedelta(days=25)
    )

    context, text = shown("promises", space)

    figures = {row["person"].pk: row["figures"] for row in context["rows"]}
    assert (figures[alice.pk].due, figures[alice.pk].kept) == (1, 1)
    assert "Call the plumber" in text
    assert "promises-figures" in text  # the derivation, linked and cited
    assert_absent(
        context,
        text,
        "PROMISE-BEFORE",
        "PROMISE-AFTER",
        "PROMISE-WITHDRAWN",
        "PROMISE-OF-ANOTHER",
    )


# Audits


def audit(space, month: dt.date, closed: dt.datetime | None) -> Audit:
    start = dt.datetime.combine(month, dt.time(), tzinfo=dt.UTC)
    end = start + dt.timedelta(days=30)
    return Audit.objects.create(
        space=space,
        month=month,
        period_start=start,
        period_end=end,
        figures=draft_figures(space, start=start, end=end, now=end),
        closed_at=closed,
    )


def reflect(audit: Audit, person, words: str, *, signed: bool = True) -> Reflection:
    reflection = build_reflection(
        audit, person, went_well=words, differently="", need="", at=audit.period_end
    )
    if signed:
        Reflection.objects.filter(pk=reflection.pk).update(
            signed_off_at=audit.period_end
        )
    return reflection


def test_audits_show_only_those_both_signed_off_and_only_included_pulse(
    alice, bob, space
):
    build_pulse_settings(bob, share=True)
    for n in range(20):
        build_pulse(space, bob, TODAY - dt.timedelta(days=60 + n), shared=True, faith=5)
    month = (TODAY - dt.timedelta(days=70)).replace(day=1)
    closed = audit(space, month, closed=ago(25))
    reflect(closed, alice, "REFLECTION-OF-ALICE")
    private = reflect(closed, bob, "REFLECTION-MADE-PRIVATE")
    Reflection.objects.filter(pk=private.pk).update(visibility=Visibility.PRIVATE)
    build_commitment(
        closed, alice, text="Plan a walk", due_date=TODAY, at=closed.period_end
    )
    still_open = audit(space, (TODAY - dt.timedelta(days=40)).replace(day=1), None)
    reflect(still_open, alice, "REFLECTION-IN-AN-OPEN-AUDIT")
    reflect(still_open, bob, "REFLECTION-UNSIGNED", signed=False)
    closed_late = audit(space, (TODAY - dt.timedelta(days=100)).replace(day=1), ago(3))
    reflect(closed_late, alice, "REFLECTION-CLOSED-AFTER-THE-END")

    context, text = shown("audits", space, pulse_from=frozenset({alice.pk}))

    assert [row["audit"] for row in context["audits"]] == [closed]
    assert "REFLECTION-OF-ALICE" in text and "Plan a walk" in text
    assert "Kept" in text  # the frozen promise figures
    assert_absent(
        context,
        text,
        "REFLECTION-MADE-PRIVATE",
        "REFLECTION-IN-AN-OPEN-AUDIT",
        "REFLECTION-UNSIGNED",
        "REFLECTION-CLOSED-AFTER-THE-END",
        "Days answered",  # bob's pulse: he did not include it
    )
    _context, with_bob = shown("audits", space, pulse_from=frozenset({bob.pk}))
    assert "Days answered" in with_bob


# Pulse


def test_pulse_shows_only_shared_days_of_those_included(alice, bob, space):
    for n in range(20):
        day = TODAY - dt.timedelta(days=15 + n)
        build_pulse(space, bob, day, shared=True, faith=6, note="PULSE-NOTE-SHARED")
        build_pulse(space, alice, day, shared=False, faith=1, note="PULSE-NOTE-PRIVATE")
    for n in range(3):  # after the period, and before it
        build_pulse(space, bob, TODAY - dt.timedelta(days=n), shared=True, faith=1)
        build_pulse(space, bob, START - dt.timedelta(days=n + 1), shared=True, faith=1)

    context, text = shown("pulse", space, pulse_from=frozenset({alice.pk}))
    trend = context["trends"][0]["trend"]
    assert trend.answered_days == 0 and trend.total_days == 0
    assert_absent(context, text, "Bob", "PULSE-NOTE-PRIVATE", "PULSE-NOTE-SHARED")

    context, text = shown("pulse", space, pulse_from=frozenset({alice.pk, bob.pk}))
    trends = {row["person"].pk: row["trend"] for row in context["trends"]}
    assert trends[bob.pk].answered_days == 20
    assert trends[bob.pk].total_days == 23  # ever, up to the end of the period
    assert trends[bob.pk].means["faith"] == 6
    assert all(week.means["faith"] == 6 for week in trends[bob.pk].weeks)
    assert trends[alice.pk].answered_days == 0
    assert "6.0" in text
    assert_absent(context, text, "PULSE-NOTE-PRIVATE", "PULSE-NOTE-SHARED")

    context, text = shown("pulse", space, pulse_from=frozenset())
    assert context["trends"] == []


# Dialogue


def dialogue(space, by, to, topic: str, at: dt.datetime) -> Dialogue:
    return build_dialogue(
        space,
        by,
        to=to,
        mode=Mode.WRITTEN,
        topic=topic,
        at=at,
        status=Status.FINISHED,
        finished_at=at,
    )


def test_dialogue_shows_only_summaries_both_kept_in_the_period(alice, bob, space):
    kept = dialogue(space, alice, bob, "Chores", ago(30))
    build_turn(kept, alice, round=1, step="send", text="TURN-TEXT", at=ago(30))
    build_summary(kept, bob, text="We split the chores", at=ago(29), kept_at=ago(28))
    proposed = dialogue(space, bob, alice, "TOPIC-PROPOSED", ago(30))
    build_summary(proposed, bob, text="SUMMARY-PROPOSED", at=ago(29))
    let_go = dialogue(space, bob, alice, "TOPIC-LET-GO", ago(30))
    summary = build_summary(let_go, bob, text="SUMMARY-LET-GO", at=ago(29))
    type(summary).objects.filter(pk=summary.pk).update(visibility=Visibility.PRIVATE)
    # Kept, then withdrawn by its author on leaving a space (kept_at stays).
    withdrawn = dialogue(space, bob, alice, "TOPIC-WITHDRAWN", ago(30))
    summary = build_summary(
        withdrawn, bob, text="SUMMARY-WITHDRAWN", at=ago(29), kept_at=ago(28)
    )
    withdraw(summary)
    late = dialogue(space, alice, bob, "TOPIC-LATE", ago(6))
    build_summary(late, bob, text="SUMMARY-KEPT-LATE", at=ago(5), kept_at=ago(4))

    context, text = shown("dialogue", space)

    assert "Chores" in text and "We split the chores" in text
    assert_absent(
        context,
        text,
        "TURN-TEXT",
        "SUMMARY-PROPOSED",
        "TOPIC-PROPOSED",
        "SUMMARY-LET-GO",
        "SUMMARY-KEPT-LATE",
        "SUMMARY-WITHDRAWN",
        "TOPIC-WITHDRAWN",
    )


# Bounds and queries


def test_a_period_begins_and_ends_with_the_couples_days(alice, bob, space):
    alice.timezone, bob.timezone = "Pacific/Auckland", "America/Los_Angeles"
    alice.save(update_fields=["timezone"])
    bob.save(update_fields=["timezone"])
    since, until = bounds(make_space_again(space), START, END)
    # A day has begun for the couple once it has for both: in Los Angeles.
    la = ZoneInfo("America/Los_Angeles")
    assert since == dt.datetime.combine(START, dt.time.min, tzinfo=la)
    assert until == dt.datetime.combine(
        END + dt.timedelta(days=1), dt.time.min, tzinfo=la
    )


def make_space_again(space):
    """The same space, its partners read afresh."""
    return type(space).objects.get(pk=space.pk)


def history(space, alice, bob, n: int, *, first: int = 0) -> None:
    """`n` of each kind of thing every area reads, in the period (numbered
    from `first`, so a second call adds to the first)."""
    for i in range(first, first + n):
        at = ago(30 - i * 0.1)
        agreement(space, alice, bob, f"Agreement {i}", at, f"Clause {i}")
        repair_with_parts(space, alice, bob, f"Repair {i}", at)
        kept_promise(space, alice, bob, f"Promise {i}", TODAY - dt.timedelta(days=25))
        for j in range(3):
            day = TODAY - dt.timedelta(days=12 + 3 * i + j)
            build_pulse(space, bob, day, shared=True, faith=4)
        talk = dialogue(space, alice, bob, f"Topic {i}", at)
        build_summary(talk, bob, text=f"Summary {i}", at=at, kept_at=at)
    for i in range(first, first + n):
        month = (TODAY - dt.timedelta(days=40 + 31 * i)).replace(day=1)
        closed = audit(space, month, closed=ago(20 + i * 0.1))
        reflect(closed, alice, f"Reflection {i}")
        build_commitment(closed, alice, text=f"C {i}", due_date=TODAY, at=ago(20))


# The fixed number of queries of each area's read (the partners are read
# once per area; a window's page reads them once for all).
QUERIES = {
    "agreements": 5,
    "repair": 6,
    "promises": 3,
    "audits": 5,
    "pulse": 3,
    "dialogue": 2,
}


@pytest.mark.parametrize("key", list(AREAS))
def test_each_area_reads_the_same_queries_whatever_the_history(
    key, alice, bob, space, django_assert_num_queries
):
    history(space, alice, bob, 1)
    everyone = frozenset({alice.pk, bob.pk})
    fresh = make_space_again(space)
    with django_assert_num_queries(QUERIES[key]):
        context = AREAS[key].read(fresh, start=START, end=END, pulse_from=everyone)
        small = AREAS[key].markdown(context)
    history(space, alice, bob, 6, first=1)
    fresh = make_space_again(space)
    with django_assert_num_queries(QUERIES[key]):
        context = AREAS[key].read(fresh, start=START, end=END, pulse_from=everyone)
        large = AREAS[key].markdown(context)
    assert len(large) > len(small)


def test_an_empty_space_reads_nothing_and_says_so(alice, bob):
    space = make_space(alice, bob)
    for key in AREAS:
        _context, text = shown(key, space, pulse_from=frozenset({alice.pk}))
        assert text
