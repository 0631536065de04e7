"""The insights page: each trend drawn, tabled and summarised; a partner's
pulse only when shared; "your own data" only with enough of it, with its
caveat; and a constant number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from troth.audits.tests.helpers import conflict, moment, promise, pulse, share_pulse
from troth.checkins.models import Pulse
from troth.conflicts.insights import own_data
from troth.lib.content import Visibility
from troth.lib.time import space_day_start, space_today
from troth.promises.models import State

pytestmark = pytest.mark.django_db


def fill_pulse(space, person, days: int, *, shared: bool, value: int = 5) -> None:
    today = timezone.now().date()
    Pulse.objects.bulk_create(
        Pulse(
            space=space,
            author=person,
            day=today - dt.timedelta(days=n),
            predictability=value,
            dependability=value,
            faith=value,
            understood=value,
            cared_for=value,
            visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        )
        for n in range(days)
    )


def test_every_figure_has_a_chart_a_table_a_summary_and_a_derivation(
    alice_client, space, alice, bob
):
    fill_pulse(space, alice, 20, shared=False)
    promise(space, alice, (timezone.now() - dt.timedelta(days=2)).date().isoformat())
    moment(space, bob, (timezone.now() - dt.timedelta(days=1)).date().isoformat())
    page = alice_client.get("/insights/").text
    for section in ("pulse", "promises", "rituals", "moments-conflicts", "own-data"):
        assert f'href="/insights/how#{section}"' in page
    # Four pulse parts, promises, moments; no ritual dates: no empty chart,
    # but what will appear.
    assert page.count('role="img"') == 4 + 2
    assert 'data-testid="nothing-to-draw"' not in page
    assert 'data-testid="rituals-waiting"' in page
    assert 'data-testid="pulse-table"' in page
    assert 'data-testid="promises-table"' in page
    assert "<desc" in page
    how = alice_client.get("/insights/how").text
    for section in ("pulse", "promises", "rituals", "moments-conflicts", "own-data"):
        assert f'id="{section}"' in how


def test_there_is_no_trust_score(alice_client, space):
    page = alice_client.get("/insights/").text.lower()
    assert "trust score" not in page.replace("no overall score", "")
    assert "40%" not in page


def test_a_trend_waits_for_fourteen_days_of_answers(alice_client, space, alice):
    fill_pulse(space, alice, 10, shared=False)
    page = alice_client.get("/insights/").text
    assert (
        "The pulse chart appears after about two weeks of answers: 4 more days to go."
        in page
    )
    assert 'data-testid="pulse-predictability"' not in page


def test_the_partners_pulse_shows_only_when_shared(
    alice_client, bob_client, space, alice, bob
):
    fill_pulse(space, alice, 20, shared=False, value=2)
    fill_pulse(space, bob, 20, shared=True, value=6)
    share_pulse(bob)
    alices = alice_client.get("/insights/").text
    bobs = bob_client.get("/insights/").text
    # Alice reads Bob's shared pulse beside her own.
    assert "<td>Bob</td>" in alices and "<td>You</td>" in alices
    # Bob reads only his own: Alice's private pulse never appears.
    assert "<td>Alice</td>" not in bobs
    assert "<td>2.0</td>" not in bobs and "<td>2.0</td>" in alices
    assert 'data-testid="partner-pulse-absent"' in bobs


def test_the_kept_share_by_month_is_tabled(alice_client, space, alice):
    this_month = timezone.now().date().replace(day=1)
    last = this_month - dt.timedelta(days=20)
    for state in (State.KEPT, State.KEPT, State.MISSED):
        promise(space, alice, last.isoformat(), state)
    page = alice_client.get("/insights/").text
    # 2 kept of 3 settled: the counts first, the share after (item 21 of
    # issue 10: a bare percentage reads like a score).
    assert "kept 2 of 3 (67%)" in page


def test_moments_and_disagreements_count_only_what_the_viewer_may_see(
    alice_client, bob_client, space, alice, bob
):
    yesterday = (timezone.now() - dt.timedelta(days=1)).date().isoformat()
    moment(space, alice, yesterday, about="self", shared=False)
    moment(space, bob, yesterday)
    when = timezone.now() - dt.timedelta(hours=30)
    conflict(
        space,
        alice,
        bob,
        when,
        views={alice: (True, "yes", 60), bob: (True, "yes", 60)},
    )
    conflict(space, alice, bob, when, views={alice: (False, "yes", 60)})
    assert (
        "2 moments you can see, and 1 disagreements"
        in alice_client.get("/insights/").text
    )
    assert (
        "1 moments you can see, and 1 disagreements"
        in bob_client.get("/insights/").text
    )


# Your own data


def windows(space, alice, bob):
    today = space_today([alice, bob], timezone.now())
    edges = [today - dt.timedelta(days=30 * n) for n in range(12, -1, -1)]
    return edges


def build_own_data(space, alice, bob, values, conflicts):
    """Bob shares his pulse; the last len(values) of the twelve 30-day
    months each get 7 answered days at the given value and the given number
    of shared disagreements. Alice's private pulse, all 1s, must not count."""
    share_pulse(bob)
    edges = windows(space, alice, bob)
    first = 12 - len(values)
    for i, (value, count) in enumerate(zip(values, conflicts, strict=True)):
        w = first + i
        for k in range(7):
            day = (edges[w] + dt.timedelta(days=k)).isoformat()
            pulse(
                space,
                bob,
                day,
                shared=True,
                predictability=value,
                dependability=value,
                faith=value,
            )
            pulse(
                space,
                alice,
                day,
                shared=False,
                predictability=1,
                dependability=1,
                faith=1,
            )
        for _n in range(count):
            when = space_day_start([alice, bob], edges[w]) + dt.timedelta(
                days=2, hours=12
            )
            conflict(
                space,
                alice,
                bob,
                when,
                views={alice: (True, "yes", 60), bob: (True, "yes", 60)},
            )


def test_own_data_compares_the_higher_pulse_months_as_counted_by_hand(
    alice_client, bob_client, space, alice, bob
):
    # Six months with trust pulses 4, 5, 6, 3, 6, 5 and disagreements
    # 2, 1, 0, 3, 1, 2. The median of the pulses is (5 + 5) / 2 = 5.
    # Higher (above 5): the two months at 6, with 0 and 1 disagreements:
    # (0 + 1) / 2 = 0.5 a month. The other four (4, 5, 3, 5) had 2, 1, 3, 2:
    # (2 + 1 + 3 + 2) / 4 = 2.0 a month.
    build_own_data(space, alice, bob, [4, 5, 6, 3, 6, 5], [2, 1, 0, 3, 1, 2])
    own = own_data(space, timezone.now())
    assert len(own.counted) == 6
    assert own.median == 5.0
    assert (own.higher_mean, own.lower_mean) == (0.5, 2.0)
    for client in (alice_client, bob_client):
        page = client.get("/insights/").text
        assert (
            "In the 2 months when your trust pulse was higher, you logged 0.5 "
            "disagreements a month on average in your shared log; in the other 4 months, 2.0."
        ) in page
        assert "your own data from 6 months, not a general finding" in page
        assert "never that one caused the other" in page


def test_own_data_says_how_many_more_months_it_needs(alice_client, space, alice, bob):
    build_own_data(space, alice, bob, [5, 6, 4, 5], [1, 0, 2, 1])
    page = alice_client.get("/insights/").text
    assert "You have 4 of the 6 months this needs. About 2 more months" in page
    assert 'data-testid="own-data-result"' not in page


def test_own_data_needs_a_shared_pulse(alice_client, space, alice, bob):
    fill_pulse(space, alice, 200, shared=False)
    when = timezone.now() - dt.timedelta(days=3)
    conflict(
        space,
        alice,
        bob,
        when,
        views={alice: (True, "yes", 60), bob: (True, "yes", 60)},
    )
    page = alice_client.get("/insights/").text
    assert "This comparison needs at least one shared pulse" in page


def test_own_data_leaves_out_months_before_the_first_logged_disagreement(
    space, alice, bob
):
    # Six months of pulse, but the first disagreement comes in the fifth:
    # only the fifth and sixth count.
    build_own_data(space, alice, bob, [5, 6, 4, 5, 6, 4], [0, 0, 0, 0, 1, 0])
    own = own_data(space, timezone.now())
    assert [w.counted for w in own.windows[-6:]] == [False] * 4 + [True] * 2
    assert own.months_to_go == 4


def test_a_month_with_too_few_answers_does_not_count(space, alice, bob):
    build_own_data(space, alice, bob, [5], [1])
    Pulse.objects.filter(author=bob).order_by("day").first().delete()  # 6 days left
    own = own_data(space, timezone.now())
    assert own.windows[-1].pulse is None
    assert not own.counted


def _counts(client, urls):
    found = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        found.append(len(captured))
    return found


def _data(space, alice, bob, n: int, offset: int = 0):
    """About n rows of each kind over the last year."""
    now = timezone.now()
    today = now.date()
    Pulse.objects.bulk_create(
        Pulse(
            space=space,
            author=bob,
            day=today - dt.timedelta(days=offset + i),
            predictability=5,
            faith=4,
            visibility=Visibility.SHARED,
        )
        for i in range(min(n, 360))
    )
    from troth.moments.models import Moment
    from troth.promises.models import Promise

    Moment.objects.bulk_create(
        Moment(
            space=space,
            author=alice,
            about="partner",
            subject=bob,
            kind="listened",
            occurred_on=today - dt.timedelta(days=i % 360),
            visibility=Visibility.SHARED,
        )
        for i in range(n)
    )
    promises = []
    for i in range(n):
        p = Promise(
            space=space, author=alice, promisee=bob, state=State.KEPT, created=now
        )
        p.set_terms(
            text="x",
            due_date=today - dt.timedelta(days=i % 300 + 1),
            due_time=None,
            tz="UTC",
        )
        promises.append(p)
    Promise.objects.bulk_create(promises)
    for i in range(n // 10):
        conflict(
            space,
            alice,
            bob,
            now - dt.timedelta(days=i % 300 + 1),
            views={alice: (True, "yes", 60), bob: (True, "yes", 60)},
        )


def test_insights_use_the_same_number_of_queries_for_10_and_1000_items(
    space, alice, bob, alice_client
):
    share_pulse(bob)
    _data(space, alice, bob, 10)
    urls = ["/insights/", "/insights/?months=12"]
    _counts(alice_client, urls)
    few = _counts(alice_client, urls)
    _data(space, alice, bob, 990, offset=10)
    assert _counts(alice_client, urls) == few


def test_the_repair_section_appears_only_with_a_repair_path(
    alice_client, bob_client, space, alice, bob, other_space, carol, dave
):
    from troth.repair.tests.factories import heard

    assert 'data-testid="insight-repair"' not in alice_client.get("/insights/").text
    heard(other_space, carol, dave)  # another couple's repair counts nowhere here
    assert 'data-testid="insight-repair"' not in alice_client.get("/insights/").text
    heard(space, alice, bob)
    for client in (alice_client, bob_client):
        page = client.get("/insights/").text
        assert 'data-testid="insight-repair"' in page
        # Opened, account, mirrored, heard: four steps this month.
        assert "4 steps on your repair path over these months." in page
        assert "Where it stands now: Atone." in page


def test_each_figure_links_to_its_derivation_with_sources(alice_client, space):
    page = alice_client.get("/insights/").text
    assert 'href="/docs/figures/insights-trends"' in page
    assert 'href="/docs/figures/insights-own-data"' in page
    derivation = alice_client.get("/docs/figures/insights-own-data")
    assert derivation.status_code == 200
    assert "Rempel" in derivation.text
    assert alice_client.get("/docs/figures/insights-trends").status_code == 200
    assert alice_client.get("/docs/figures/audit-figures").status_code == 200


def test_each_chart_is_named_by_its_own_title_not_a_section_heading(
    alice_client, space, alice, bob
):
    import html5lib

    from troth.repair.tests.factories import heard

    heard(space, alice, bob)
    promise(space, alice, (timezone.now() - dt.timedelta(days=2)).date().isoformat())
    tree = html5lib.parse(
        alice_client.get("/insights/").text, namespaceHTMLElements=False
    )
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    svg = "{http://www.w3.org/2000/svg}"
    charts = [e for e in tree.iter(f"{svg}svg") if e.get("role") == "img"]
    assert len(charts) >= 2
    for chart in charts:
        own = {
            e.get("id"): e.tag.removeprefix(svg) for e in chart.iter() if e.get("id")
        }
        names = chart.get("aria-labelledby").split()
        assert [own.get(name) for name in names] == ["title", "desc"], names
