"""No N+1 on any object page: every page the authorization matrix opens
with GET (tests/matrix.py) runs the same number of queries for an object
with a few related rows as for one with many.

Each URL name has a way here to give its object more of the rows its page
lists (GROW), or says why it has none that can grow (BOUNDED); a new object
page without either fails test_every_object_page_is_grown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse
from django.utils import timezone

from conftest import confirmed_client_for, make_space, make_user
from tests.matrix import PEOPLE, Case, World, registered_cases

pytestmark = pytest.mark.django_db

FEW, MANY = 2, 20


def _now(i: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=100 - i)


def _partners(world: World, i: int):
    return (world.alice, world.bob) if i % 2 == 0 else (world.bob, world.alice)


def promise_events(world: World, kwargs: dict, n: int) -> None:
    from troth.promises.models import EventKind, Promise, PromiseEvent

    promise = Promise.objects.get(pk=kwargs["pk"])
    for i in range(n):
        by, _ = _partners(world, i)
        PromiseEvent.objects.create(
            promise=promise,
            actor=by,
            kind=EventKind.RESPONDED,
            note=f"Note {i}",
            created=_now(i),
        )


def agreement_clauses(world: World, kwargs: dict, n: int) -> None:
    from troth.agreements import services
    from troth.agreements.models import MAX_CLAUSES, Agreement

    agreement = Agreement.objects.get(pk=kwargs["pk"])
    for i in range(min(n, MAX_CLAUSES - agreement.clauses.count())):
        by, _ = _partners(world, i)
        services.clause_add(agreement=agreement, by=by, text=f"Clause {i}.")


def audit_commitments(world: World, kwargs: dict, n: int) -> None:
    from troth.audits import services
    from troth.audits.models import COMMITMENTS_EACH, Audit

    audit = Audit.objects.get(pk=kwargs["pk"])
    # One short of each partner's limit, so the page offers to add one more
    # with few and with many alike.
    for i in range(min(n, 2 * (COMMITMENTS_EACH - 1))):
        by, _ = _partners(world, i)
        services.commitment_add(
            audit=audit,
            by=by,
            text=f"Commitment {i}",
            due_date=timezone.now().date() + dt.timedelta(days=i + 1),
        )


def dialogue_turns(world: World, kwargs: dict, n: int) -> None:
    from troth.dialogue.builders import build_summary, build_turn
    from troth.dialogue.models import Dialogue, Step

    dialogue = Dialogue.objects.get(pk=kwargs["pk"])
    for i in range(n):
        by, _ = _partners(world, i)
        step = Step.SEND if i % 2 == 0 else Step.MIRROR
        build_turn(
            dialogue, by, round=i // 2 + 1, step=step, text=f"Turn {i}", at=_now(i)
        )
        build_summary(dialogue, by, text=f"Summary {i}", at=_now(i))


def goal_steps(world: World, kwargs: dict, n: int) -> None:
    from troth.goals.builders import build_milestone
    from troth.goals.models import Goal

    goal = Goal.objects.get(pk=kwargs["pk"])
    for i in range(n):
        by, other = _partners(world, i)
        build_milestone(
            goal,
            by,
            other,
            title=f"Step {i}",
            target_date=timezone.now().date() + dt.timedelta(days=i),
            done_at=_now(i) if i % 3 == 0 else None,
        )


def round_followups(world: World, kwargs: dict, n: int) -> None:
    from troth.questions.builders import build_followup
    from troth.questions.models import Round

    round = Round.objects.get(pk=kwargs["pk"])
    for i in range(n):
        by, _ = _partners(world, i)
        build_followup(round, by, text=f"Follow-up {i}", at=_now(i))


def repair_rows(world: World, kwargs: dict, n: int) -> None:
    """Plan items, history, private notes, therapy sessions and check-ins:
    every list a repair's pages show."""
    from troth.repair.builders import build_part, build_plan_promise
    from troth.repair.models import (
        ForgivenessCheckin,
        Note,
        Repair,
        RepairEvent,
        TherapySession,
    )

    repair = Repair.objects.get(pk=kwargs["pk"])
    members = [m.user for m in repair.space.memberships.select_related("user")]
    for i in range(n):
        at = _now(i)
        for person in members:
            build_part(repair, Note, person, at, text=f"Note {i}")
            build_part(
                repair, TherapySession, person, at, kind="individual", on=at.date()
            )
            build_part(
                repair, ForgivenessCheckin, person, at, distance=3, even=3, goodwill=3
            )
        build_plan_promise(
            repair,
            f"Plan promise {i}",
            by=members[i % 2],
            to=members[(i + 1) % 2],
            made=at,
            due=at.date() + dt.timedelta(days=i),
            kept=i % 2 == 0,
        )
        RepairEvent.objects.create(
            repair=repair, actor=members[i % 2], kind="plan", created=at
        )


def event_changes(world: World, kwargs: dict, n: int) -> None:
    """Moved occurrences, marks and reminders of a repeating event (a one-off
    event has one occurrence: nothing of it grows)."""
    from troth.schedule.builders import build_change, build_mark
    from troth.schedule.models import Event

    event = Event.objects.get(pk=kwargs["pk"])
    if not event.rrule:
        return
    for i in range(1, n + 1):
        original = event.start + dt.timedelta(weeks=i)
        build_change(event, original, move=dt.timedelta(hours=1))
        for person in (event.author, world.bob):
            build_mark(event, original, person, happened=i % 2 == 0)


def entry_versions(world: World, kwargs: dict, n: int) -> None:
    from troth.selfmap import services
    from troth.selfmap.models import Entry

    entry = Entry.objects.get(pk=kwargs["pk"])
    for i in range(n):
        services.entry_update(
            entry=entry, by=entry.author, title=f"Title {i}", text=f"Words {i}"
        )


def counsel_rows(world: World, kwargs: dict, n: int) -> None:
    from troth.accounts.models import User
    from troth.counsel.models import Access, Note, Suggestion, Window
    from troth.exercises.library import EXERCISES

    window = Window.objects.get(pk=kwargs["pk"])
    author = window.counsellor or User.objects.get(pk=world.kim.pk)  # type: ignore[attr-defined]
    Note.objects.bulk_create(
        Note(window=window, author=author, text=f"Note {i}") for i in range(n)
    )
    Suggestion.objects.bulk_create(
        Suggestion(window=window, author=author, exercise=EXERCISES[i % 5].slug)
        for i in range(n)
    )
    Access.objects.bulk_create(
        Access(window=window, area=area, day=dt.date(2026, 1, 1) + dt.timedelta(i))
        for i in range(n)
        for area in ("agreements", "promises")
    )


GROW: dict[str, Callable[[World, dict, int], None]] = {
    "counsel:detail": counsel_rows,
    "counsel:log": counsel_rows,
    "promises:detail": promise_events,
    "promises:propose": promise_events,
    "agreements:detail": agreement_clauses,
    "agreements:history": agreement_clauses,
    "audits:detail": audit_commitments,
    "audits:export": audit_commitments,
    "audits:print": audit_commitments,
    "audits:reflection": audit_commitments,
    "dialogue:detail": dialogue_turns,
    "goals:detail": goal_steps,
    "goals:edit": goal_steps,
    "goals:reflect": goal_steps,
    "questions:round": round_followups,
    "questions:status": round_followups,
    "questions:answer_edit": round_followups,
    "repair:detail": repair_rows,
    "repair:apology": repair_rows,
    "repair:forgiveness": repair_rows,
    "repair:plan": repair_rows,
    "repair:plan_agreement": repair_rows,
    "repair:plan_promise": repair_rows,
    "repair:private": repair_rows,
    "schedule:event": event_changes,
    "schedule:event_edit": event_changes,
    "schedule:occurrence": event_changes,
    "schedule:occurrence_move": event_changes,
    "selfmap:entry": entry_versions,
    "selfmap:edit": entry_versions,
}
# Pages whose object has no list of rows that could grow.
BOUNDED = {
    "counsel:close": "the confirmation shows the window's name and one button",
    "conflicts:detail": "a disagreement has one view per partner, at most two",
    "conflicts:add_view": "a disagreement has one view per partner, at most two",
    "conflicts:view_edit": "one view, its author's",
    "exercises:session": "a planned exercise has one log per partner, at most two",
    "exercises:log": "a planned exercise has one log per partner, at most two",
    "moments:detail": "a moment's acknowledgement is on its own row",
}


def _get_pages() -> dict[str, list[Case]]:
    cases, _ = registered_cases()
    pages: dict[str, list[Case]] = {}
    for name, entries in sorted(cases.items()):
        for case in entries:
            if case.method == "GET" and {"alice", "bob"} & case.allowed:
                pages.setdefault(name, []).append(case)
    return pages


@pytest.fixture
def world(db) -> World:
    people = {name: make_user(name) for name in PEOPLE}
    return World(
        **people,
        space=make_space(people["alice"], people["bob"]),
        other_space=make_space(people["carol"], people["dave"]),
    )


def test_every_object_page_is_grown():
    pages = set(_get_pages())
    missing = sorted(pages - set(GROW) - set(BOUNDED))
    assert not missing, f"object pages with no way to grow their rows: {missing}"
    stale = sorted((set(GROW) | set(BOUNDED)) - pages)
    assert not stale, f"no GET object page of these names: {stale}"


def _queries(client: Client, url: str, data: dict) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    return len(captured), response.status_code


def _cases():
    for name, cases in _get_pages().items():
        if name in GROW:
            for case in cases:
                yield pytest.param(name, case, id=f"{name}[{case.label}]")


def few_and_many(
    world: World, url_name: str, case: Case, grow, *, urlconf=None
) -> tuple[str, int, int]:
    """(who asked, queries with FEW related rows, with MANY)."""
    person = sorted(case.allowed & {"alice", "bob"})[0]
    # Downloads ask for the password again (troth/lib/downloads.py).
    client = confirmed_client_for(world.person(person))
    urls = {}
    for n in (FEW, MANY):
        kwargs = case.make(world)
        grow(world, kwargs, n)
        urls[n] = reverse(url_name, kwargs=kwargs, urlconf=urlconf)
    client.get(urls[FEW], case.data)  # what a first request alone asks
    counts = []
    for n in (FEW, MANY):
        queries, status = _queries(client, urls[n], case.data)
        assert status == 200, f"{urls[n]}: {status}"
        counts.append(queries)
    return person, counts[0], counts[1]


@pytest.mark.parametrize(("url_name", "case"), list(_cases()))
def test_an_object_page_asks_the_same_queries_for_few_and_many_rows(
    world, url_name, case
):
    person, few, many = few_and_many(world, url_name, case, GROW[url_name])
    assert many == few, (
        f"{url_name} [{case.label}] as {person}: {few} queries with {FEW} "
        f"related rows, {many} with {MANY}"
    )


# The test of the test: a page that asks a query per step must be caught.


def steps_one_by_one(request, pk):
    from troth.goals.models import Goal

    goal = Goal.objects.get(pk=pk)
    owners = [step.owner.display_name for step in goal.milestones.all()]  # N+1
    return HttpResponse(", ".join(owners))


urlpatterns = [
    path("n-plus-one/<int:pk>", steps_one_by_one, name="steps_one_by_one"),
    path("", include("troth.urls")),
]


@override_settings(ROOT_URLCONF=__name__)
def test_the_count_catches_a_query_per_related_row(world):
    from troth.goals.tests.matrix import alices_goal

    case = Case("alice's goal", alices_goal, {"alice", "bob"})
    _, few, many = few_and_many(
        world, "steps_one_by_one", case, goal_steps, urlconf=__name__
    )
    assert many == few + MANY - FEW
