"""Today's queries: the same few for a couple with something on every card
as for the same couple three years on (issue 14), and no more for a couple
with nothing yet."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.scale import build_history
from troth.checkins import services as checkins
from troth.checkins.models import Status
from troth.demo import demo_create
from troth.notifications.models import Notification
from troth.schedule.builders import build_change
from troth.schedule.models import Event
from troth.schedule.tests.helpers import make_event, rule

pytestmark = pytest.mark.django_db

# The shell (session, person, and the space with its partners and the
# unread count), the facts every card asks in a word, and one query per kind
# of row Today shows (the latest activity, promises, the calendar's events,
# their changed dates and ritual answers, today's question, moments,
# agreements, a dialogue, a goal's step, exercises). The partner's live
# status comes with the facts. The demo couple has a changed date and, for
# one of them, a live status from the other.
MAX_QUERIES = 15


def queries(client: Client) -> int:
    client.get("/")  # the session and the clock warmed
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def test_it_runs_the_same_queries_with_years_of_history():
    demo = demo_create(timezone.now())
    alex = Client()
    alex.force_login(demo.alex)
    sam = Client()
    sam.force_login(demo.sam)
    recent = queries(alex), queries(sam)
    build_history(demo, 1)
    assert (queries(alex), queries(sam)) == recent
    assert max(recent) <= MAX_QUERIES


def test_a_couple_with_nothing_yet_costs_no_more(space, alice_client):
    assert queries(alice_client) <= 15


def sql_of(client: Client) -> list[str]:
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return [query["sql"] for query in captured]


def test_the_badge_count_comes_with_the_membership(space, alice, bob, alice_client):
    """The partner and the unread count are read with the membership: no
    query of their own, and the badge still counts what is unread."""
    Notification.objects.bulk_create(
        Notification(user=alice, kind="promise.made", key=f"k{i}") for i in range(3)
    )
    Notification.objects.create(
        user=alice, kind="promise.made", key="read", read_at=timezone.now()
    )
    Notification.objects.create(user=bob, kind="promise.made", key="bob's")
    sql = sql_of(alice_client)
    assert not [q for q in sql if q.startswith("SELECT COUNT(*)")]
    assert (
        len([q for q in sql if 'FROM "spaces_membership"' in q.split("WHERE")[0]]) == 1
    )
    page = alice_client.get("/").text
    assert '<span class="badge" aria-hidden="true">3</span>' in page
    assert str(bob.display_name) in page


def test_the_partners_status_comes_with_todays_facts(space, alice, bob):
    """The partner's latest status is one of Today's facts: no query of its
    own, live or not, and Today's ETag is the poll's, so the poll answers
    304 after Today."""
    bob_client = Client()
    bob_client.force_login(bob)

    def status_reads() -> int:
        return len([q for q in sql_of(bob_client) if '"checkins_status"' in q[:60]])

    assert status_reads() == 0
    status = checkins.status_send(space=space, by=alice, kind="arrived")
    assert status_reads() == 0
    today = bob_client.get("/").text
    assert "arrived" in today
    etag = bob_client.get("/checkins/partner-status")["ETag"]
    assert f'data-etag="{html.escape(etag)}"' in today
    Status.objects.filter(pk=status.pk).update(expires_at=timezone.now())
    assert status_reads() == 0
    today = bob_client.get("/").text
    assert "No current status from your partner." in today
    poll = bob_client.get("/checkins/partner-status")
    assert f'data-etag="{html.escape(poll["ETag"])}"' in today
    assert poll["ETag"] != etag


@pytest.mark.parametrize(
    ("kind", "given", "shown"),
    [
        (
            "custom",
            {"text": "Back by the blue door, ¿vale?"},
            "Back by the blue door, ¿vale?",
        ),
        ("running_late", {"minutes": 25}, "running late by 25 minutes"),
        ("on_my_way", {"minutes": 20}, "on my way, there around {eta}"),
    ],
)
def test_todays_status_line_is_the_status_pages(space, alice, bob, kind, given, shown):
    """Read with the facts (its words decrypted, its times in the viewer's
    zone), the status reads on Today as on the check-ins page."""
    bob.timezone = "Asia/Kolkata"
    bob.save(update_fields=["timezone"])
    status = checkins.status_send(space=space, by=alice, kind=kind, **given)
    bob_client = Client()
    bob_client.force_login(bob)
    line = re.compile(r'<p class="status-line">(.*?)</p>', re.S)

    def status_line(path: str) -> str:
        found = line.search(bob_client.get(path).text)
        assert found, path
        return " ".join(html.unescape(found.group(1)).split())

    eta = status.eta and timezone.localtime(
        status.eta, timezone.get_fixed_timezone(330)
    )
    expected = shown.format(eta=eta and f"{eta:%H:%M}")
    today = status_line("/")
    assert today == status_line("/checkins/")
    assert expected in today
    assert str(alice.display_name) in today


def test_changed_dates_are_read_only_when_there_are_some(space, alice, alice_client):
    start = timezone.now().replace(microsecond=0) + timedelta(days=1)
    ritual = make_event(
        alice,
        space,
        title="Walk",
        start=start,
        rrule=rule(freq="WEEKLY"),
        kind=Event.Kind.RITUAL,
    )

    def change_reads() -> int:
        sql = sql_of(alice_client)
        return len(
            [q for q in sql if q.startswith('SELECT "schedule_occurrencechange"')]
        )

    assert change_reads() == 0
    build_change(ritual, start, move=timedelta(hours=3))
    assert change_reads() == 1
    moved = timezone.localtime(start + timedelta(hours=3))
    assert moved.strftime("%H:%M") in alice_client.get("/").text


def test_the_space_is_looked_up_once_not_in_every_read(space, alice, alice_client):
    """Every card's visible_to reads the person's space from the membership
    the page already has, not by a subquery of its own."""
    sql = sql_of(alice_client)
    spaces_of = r'SELECT "\w+"\."space_id" AS "space_id" FROM "spaces_membership"'
    reads = [q for q in sql if not q.startswith('SELECT "spaces_membership"')]
    subqueries = [q for q in reads if re.search(spaces_of, q)]
    assert not subqueries, [q[:300] for q in subqueries]
