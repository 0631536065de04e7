"""The audit draft, computed from a month whose figures are worked out by
hand below, and the rules that keep private things out of it."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import client_for, confirmed_client_for
from troth.agreements.models import Agreement, AgreementEvent, EventKind
from troth.audits import services
from troth.audits.figures import compare, draft_figures, rows
from troth.audits.tests.helpers import (
    at,
    conflict,
    mark,
    moment,
    promise,
    pulse,
    revealed_round,
    share_pulse,
)
from troth.goals.models import Goal, Milestone
from troth.promises.models import State
from troth.schedule.models import Event, EventVisibility
from troth.schedule.tests.helpers import make_ritual, rule

pytestmark = pytest.mark.django_db

# The month under audit: September 2026, everyone in UTC.
START = at("2026-09-01", 0)
END = at("2026-10-01", 0)


@pytest.fixture
def september(alice, bob, space):
    """One month of everything, each row placed so the expected figures can
    be counted by hand (see the test below)."""
    # Promises. A whole-day promise is due at the end of its day, so the
    # 30th would fall on 1 October; these avoid both edges.
    for due, state, extra in [
        ("2026-08-30", State.KEPT, {}),  # before the month
        ("2026-09-05", State.KEPT, {}),
        ("2026-09-10", State.KEPT, {}),
        ("2026-09-12", State.NOT_QUITE, {}),
        ("2026-09-20", State.MISSED, {}),
        ("2026-09-25", State.KEPT, {"renegotiations": 1}),
        ("2026-09-28", State.CANCELLED, {}),  # cancelled: never counted
        ("2026-10-03", State.KEPT, {}),  # after the month
    ]:
        promise(space, alice, due, state, **extra)
    promise(space, bob, "2026-09-07", State.DONE)  # waiting for alice
    promise(space, bob, "2026-09-15", State.KEPT)

    # Pulse: bob shares his, alice keeps hers private.
    share_pulse(bob)
    pulse(
        space,
        bob,
        "2026-09-01",
        shared=True,
        predictability=5,
        dependability=6,
        faith=4,
        understood=6,
        cared_for=4,
    )
    pulse(space, bob, "2026-09-02", shared=True, predictability=7, faith=6, cared_for=6)
    pulse(
        space,
        bob,
        "2026-09-30",
        shared=True,
        predictability=3,
        dependability=4,
        faith=6,
        understood=5,
        cared_for=5,
    )
    pulse(
        space,
        bob,
        "2026-10-01",
        shared=True,
        predictability=1,
        dependability=1,
        faith=1,
    )
    for day in ("2026-09-03", "2026-09-04", "2026-09-05"):
        pulse(
            space, alice, day, shared=False, predictability=1, dependability=1, faith=1
        )

    # Moments.
    moment(space, alice, "2026-09-03")
    moment(space, alice, "2026-09-20")
    moment(space, alice, "2026-09-04", about="self", shared=False)
    moment(space, alice, "2026-09-05", about="self", shared=True)
    moment(space, bob, "2026-09-09")
    moment(space, bob, "2026-08-31")

    # Questions.
    revealed_round(space, "2026-09-05")
    revealed_round(space, "2026-09-17")
    revealed_round(space, "2026-10-02")
    revealed_round(space, "2026-09-21", revealed=False)

    # Disagreements.
    conflict(
        space,
        alice,
        bob,
        at("2026-09-06"),
        views={alice: (True, "yes", 60), bob: (True, "yes", 180)},
    )
    conflict(
        space,
        alice,
        bob,
        at("2026-09-14"),
        views={alice: (True, "yes", 60), bob: (True, "partly", None)},
    )
    conflict(
        space,
        alice,
        bob,
        at("2026-09-22"),
        views={alice: (True, "yes", 15), bob: (False, "yes", 15)},
    )
    conflict(space, alice, bob, at("2026-09-23"), views={alice: (False, "yes", 15)})

    # Goals.
    goal = Goal.objects.create(
        space=space,
        author=alice,
        title="Save for Lisbon",
        status="finished",
        finished_at=at("2026-09-25"),
    )
    for owner, done in [
        (alice, at("2026-09-08")),
        (bob, at("2026-09-18")),
        (alice, at("2026-10-02")),
        (bob, None),
    ]:
        Milestone.objects.create(
            space=space,
            author=alice,
            goal=goal,
            title="A step",
            owner=owner,
            done_at=done,
        )
    Goal.objects.create(
        space=space,
        author=bob,
        kind="adventure",
        title="Night walk",
        status="finished",
        finished_at=at("2026-08-20"),
    )

    # Rituals: a shared weekly one on the four Sundays, and a private one.
    ritual = make_ritual(
        alice, space, start=at("2026-09-06", 19), rrule=rule(freq="WEEKLY", count=4)
    )
    mark(ritual, at("2026-09-06", 19), alice, True)
    mark(ritual, at("2026-09-06", 19), bob, True)
    mark(ritual, at("2026-09-13", 19), alice, True)
    mark(ritual, at("2026-09-13", 19), bob, False)
    mark(ritual, at("2026-09-20", 19), alice, False)
    private = make_ritual(
        alice, space, start=at("2026-09-07", 8), rrule=rule(freq="DAILY", count=10)
    )
    Event.objects.filter(pk=private.pk).update(visibility=EventVisibility.PRIVATE)

    # Agreements.
    a = Agreement.objects.create(
        space=space,
        author=alice,
        title="Phones",
        status="active",
        review_on=dt.date(2026, 9, 15),
        created=at("2026-08-19"),
    )
    AgreementEvent.objects.create(
        agreement=a, kind=EventKind.ACTIVATED, created=at("2026-08-20")
    )
    b = Agreement.objects.create(
        space=space,
        author=bob,
        title="Evenings",
        status="paused",
        created=at("2026-07-30"),
    )
    AgreementEvent.objects.create(
        agreement=b, kind=EventKind.ACTIVATED, created=at("2026-08-01")
    )
    AgreementEvent.objects.create(
        agreement=b,
        actor=bob,
        kind=EventKind.CONSENT_WITHDRAWN,
        created=at("2026-09-10"),
    )
    return space


def test_it_computes_each_figure_of_the_month_as_counted_by_hand(alice, bob, september):
    f = draft_figures(september, start=START, end=END)
    a, b = str(alice.pk), str(bob.pk)

    # Alice's promises due 5, 10, 12, 20 and 25 September: 5 due (30 Aug and
    # 3 Oct are outside, the 28th was cancelled). Kept: 5, 10, 25 = 3;
    # not quite: 12 = 1; missed: 20 = 1; renegotiated: 25 = 1.
    assert f["promises"][a] == {
        "due": 5,
        "kept": 3,
        "not_quite": 1,
        "missed": 1,
        "renegotiated": 1,
        "waiting": 0,
    }
    # Bob: due 7 (done, waiting for Alice) and 15 (kept).
    assert f["promises"][b] == {
        "due": 2,
        "kept": 1,
        "not_quite": 0,
        "missed": 0,
        "renegotiated": 0,
        "waiting": 1,
    }

    # Agreements: A active from 20 Aug, review on 15 Sep; B active from
    # 1 Aug, paused on 10 Sep: both active at some moment, B paused.
    assert f["agreements"] == {
        "active": 2,
        "due_for_review": 1,
        "paused": 1,
        "reviewed": 0,
        "changed": 0,
        "ended": 0,
    }

    # Rituals: 6 Sep both yes (happened), 13 Sep yes/no (differ), 20 Sep no
    # (did not), 27 Sep nobody (unmarked). The private daily one: nothing.
    assert f["rituals"] == {
        "occurrences": 4,
        "happened": 1,
        "did_not": 1,
        "differ": 1,
        "unmarked": 1,
        "cancelled": 0,
    }

    # Pulse: only Bob's, who shares. Days 1, 2 and 30 September.
    # predictability (5 + 7 + 3) / 3 = 5.0
    # dependability  (6 + 4) / 2 = 5.0 (skipped on the 2nd)
    # faith          (4 + 6 + 6) / 3 = 5.33
    # responsiveness day scores: (6 + 4) / 2 = 5, 6 (cared for only),
    #                (5 + 5) / 2 = 5; mean (5 + 6 + 5) / 3 = 5.33
    assert list(f["pulse"]) == [b]
    assert f["pulse"][b]["answered_days"] == 3
    assert f["pulse"][b]["means"] == {
        "predictability": 5.0,
        "dependability": 5.0,
        "faith": 5.33,
        "responsiveness": 5.33,
    }

    # Moments about the partner: Alice on the 3rd and 20th (2); Bob on the
    # 9th (1; 31 Aug is outside). Moments about oneself never count.
    assert f["moments"] == {a: 2, b: 1}

    # Questions revealed on 5 and 17 September (2 Oct is outside; the 21st
    # is still open).
    assert f["questions"] == {"answered_together": 2}

    # Disagreements: 6 Sep (both shared, both "yes": repaired, 180 min),
    # 14 Sep (both shared, Bob "partly": not repaired). 22 Sep (Bob's view
    # private) and 23 Sep (only Alice's private view) are not in the log.
    assert f["conflicts"] == {
        "shared": 2,
        "repaired": 1,
        "median_minutes_to_repair": 180.0,
    }

    # Goals: steps done 8 Sep (Alice) and 18 Sep (Bob); 2 Oct is outside.
    # Lisbon finished 25 Sep; the adventure finished in August.
    assert f["goals"] == {
        "steps_done": 2,
        "steps_by_owner": {a: 1, b: 1},
        "goals_finished": 1,
        "adventures_finished": 0,
    }


def test_it_shows_the_kept_share_and_pulse_means_as_rows(alice, bob, september):
    f = draft_figures(september, start=START, end=END)
    shown = {
        r.key: r.shown for r in rows(f, {str(alice.pk): "Alice", str(bob.pk): "Bob"})
    }
    # Alice: 3 kept of 3 + 1 + 1 settled = 60%. Bob: 1 of 1 = 100%. The
    # counts come first: a share alone reads like a score.
    assert shown[f"promises.{alice.pk}.kept_share"] == "3\xa0of\xa05, 60%"
    assert shown[f"promises.{bob.pk}.kept_share"] == "1\xa0of\xa01, 100%"
    assert shown[f"pulse.{bob.pk}.faith"] == "5.3"
    assert not any(key.startswith(f"pulse.{alice.pk}") for key in shown)


def test_it_compares_each_figure_with_the_audit_before(alice, bob, space):
    names = {str(alice.pk): "Alice", str(bob.pk): "Bob"}
    before = draft_figures(space, start=START, end=END)
    promise(space, alice, "2026-10-05", State.KEPT)
    promise(space, alice, "2026-10-06", State.MISSED)
    after = draft_figures(space, start=END, end=at("2026-11-01", 0))
    compared = {c.row.key: c for c in compare(after, before, names)}
    # 0 due in September, 2 in October: +2. Kept share: none, then 50%.
    assert compared[f"promises.{alice.pk}.due"].change == 2
    assert compared[f"promises.{alice.pk}.due"].change_shown == "+2"
    assert compared[f"promises.{alice.pk}.kept_share"].change is None
    assert compared[f"promises.{alice.pk}.kept_share"].beside == ""
    assert compared["conflicts.shared"].change_shown == "same"


def test_a_kept_share_is_set_beside_the_counts_before_not_points(alice, bob, space):
    names = {str(alice.pk): "Alice", str(bob.pk): "Bob"}
    promise(space, alice, "2026-09-05", State.KEPT)
    before = draft_figures(space, start=START, end=END)
    promise(space, alice, "2026-10-05", State.KEPT)
    promise(space, alice, "2026-10-06", State.MISSED)
    after = draft_figures(space, start=END, end=at("2026-11-01", 0))
    share = {c.row.key: c for c in compare(after, before, names)}[
        f"promises.{alice.pk}.kept_share"
    ]
    assert share.row.shown == "1\xa0of\xa02, 50%"
    assert share.beside == "before: 1\xa0of\xa01"
    # No "−50 points" anywhere: not on the page, not in the export's column.
    assert share.change == -50 and share.change_shown == ""


def test_a_drafted_audit_never_changes_when_the_data_does(alice, bob, september):
    audit = services.audit_draft(
        space=september, month=dt.date(2026, 10, 1), end=END, day=1
    )
    assert (audit.period_start, audit.period_end) == (START, END)
    from troth.promises.models import Promise

    Promise.objects.filter(author=alice, state=State.MISSED).update(state=State.KEPT)
    promise(september, alice, "2026-09-26", State.KEPT)
    audit.refresh_from_db()
    assert audit.figures["promises"][str(alice.pk)]["kept"] == 3
    page = client_for(alice).get(audit.get_absolute_url()).text
    assert f'data-testid="figure-promises.{alice.pk}.kept"' in page


def test_an_unshared_pulse_never_shows_in_the_audit_or_its_export(
    alice, bob, september
):
    audit = services.audit_draft(
        space=september, month=dt.date(2026, 10, 1), end=END, day=1
    )
    assert str(alice.pk) not in audit.figures["pulse"]
    for viewer in (alice, bob):
        client = confirmed_client_for(viewer)
        page = client.get(audit.get_absolute_url()).text
        markdown = client.get(f"/audits/{audit.pk}/export.md").content.decode()
        assert f'data-testid="figure-pulse.{alice.pk}.' not in page
        assert f'data-testid="figure-pulse.{bob.pk}.predictability"' in page
        assert "Alice: Predictability" not in markdown
        assert "Bob: Predictability" in markdown


def test_it_leaves_the_pulse_out_when_nobody_shares(alice, bob, september):
    share_pulse(bob, share=False)
    from troth.checkins.models import Pulse

    Pulse.objects.filter(author=bob).update(visibility="private")
    audit = services.audit_draft(
        space=september, month=dt.date(2026, 10, 1), end=END, day=1
    )
    assert audit.figures["pulse"] == {}
    page = client_for(alice).get(audit.get_absolute_url()).text
    assert 'data-testid="no-shared-pulse"' in page


def test_a_pulse_shared_then_made_private_counts_nothing(alice, bob, september):
    """Sharing was switched off after the rows were made shared: the setting
    says shared but no row is visible to the partner: nothing shows."""
    from troth.checkins.models import Pulse

    Pulse.objects.filter(author=bob).update(visibility="private")
    f = draft_figures(september, start=START, end=END)
    assert f["pulse"] == {}


def test_repair_progress_appears_only_for_a_couple_with_a_repair(alice, bob, space):
    from django.utils import timezone

    from troth.repair.tests.factories import heard, opened

    now = timezone.now()
    start, end = now - dt.timedelta(days=30), now + dt.timedelta(minutes=1)
    assert "repair" not in draft_figures(space, start=start, end=end)
    heard(space, alice, bob)
    opened(space, bob, alice, summary="You forgot the date again.")
    f = draft_figures(space, start=start, end=end)
    # Two paths open in the period; Alice (hurt in the first) felt heard in
    # one; nothing closed; no plan promises yet.
    assert f["repair"] == {
        "open": 2,
        "heard": 1,
        "resolved": 0,
        "plan_kept": 0,
        "plan_not_quite": 0,
        "plan_missed": 0,
        "plan_waiting": 0,
    }
    shown = {r.key: r.shown for r in rows(f, {})}
    assert shown["repair.open"] == "2"
    # A repair path opened after the period is not counted.
    assert "repair" not in draft_figures(
        space, start=start - dt.timedelta(days=60), end=start
    )


def test_a_promise_kept_before_the_audit_day_counts_in_that_audit_once(
    alice, bob, space
):
    # Due on 3 October, confirmed as kept on 29 September.
    promise(space, alice, "2026-10-03", State.KEPT, settled_at=at("2026-09-29"))
    september = draft_figures(space, start=START, end=END)
    october = draft_figures(space, start=END, end=at("2026-11-01", 0))
    assert september["promises"][str(alice.pk)]["kept"] == 1
    assert september["promises"][str(alice.pk)]["due"] == 1
    assert october["promises"][str(alice.pk)]["kept"] == 0
