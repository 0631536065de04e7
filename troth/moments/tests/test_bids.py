"""The private bid log and its weekly trend (docs/figures/bid-log.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from troth.moments import services, stats
from troth.moments.models import Bid

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)  # a Friday


def bid(space, user, response, at):
    made = services.bid_create(space=space, by=user, response=response)
    Bid.objects.filter(pk=made.pk).update(occurred_at=at)


def test_noting_a_bid(alice, bob, space, alice_client):
    response = alice_client.post(
        "/moments/bids/", {"response": "away", "note": "Sent a joke"}
    )
    assert response.status_code == 302
    made = Bid.objects.get()
    assert (
        made.author == alice
        and made.response == "away"
        and made.visibility == "private"
    )
    body = alice_client.get("/moments/bids/").content.decode()
    assert "Sent a joke" in body and "Only you can see this log." in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"response": ""}, "Choose how your partner responded."),
        ({"response": "sideways"}, "Choose how your partner responded."),
        ({"response": "toward", "note": "x" * 281}, "Keep the note under 280"),
        ({"response": "toward", "occurred_at": "soon"}, "Enter a date and time"),
        (
            {"response": "toward", "occurred_at": "2999-01-01T10:00"},
            "A bid can&#x27;t be in the future.",
        ),
    ],
)
def test_bad_input_changes_nothing(alice, bob, space, alice_client, data, message):
    response = alice_client.post("/moments/bids/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Bid.objects.exists()


def test_the_trend_counts_each_week_in_the_authors_zone(alice, bob, space):
    alice.timezone = "America/New_York"
    alice.save()
    # Sunday 23:30 in New York is Monday in UTC: it belongs to the earlier week.
    bid(space, alice, "toward", dt.datetime(2026, 11, 23, 4, 30, tzinfo=dt.UTC))
    for n, response in enumerate(["toward", "toward", "away", "against"]):
        bid(space, alice, response, dt.datetime(2026, 11, 24, 12 + n, tzinfo=dt.UTC))
    bid(space, bob, "against", dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC))  # not hers
    trend = stats.bid_trend(user=alice, weeks=8, now=NOW)
    assert len(trend) == 8
    assert trend[-1].start == dt.date(2026, 11, 23)
    this_week, last_week = trend[-1], trend[-2]
    assert (this_week.toward, this_week.away, this_week.against) == (2, 1, 1)
    assert this_week.toward_share == 50
    assert (last_week.total, last_week.toward_share) == (1, None)  # too few for a share
    assert all(week.total == 0 for week in trend[:-2])


def test_a_share_needs_at_least_the_minimum_number_of_bids(alice, space):
    for n in range(stats.MIN_BIDS_FOR_SHARE - 1):
        bid(space, alice, "toward", NOW - dt.timedelta(hours=n + 1))
    assert stats.bid_trend(user=alice, now=NOW)[-1].toward_share is None
    bid(space, alice, "away", NOW - dt.timedelta(hours=10))
    week = stats.bid_trend(user=alice, now=NOW)[-1]
    assert week.toward_share == round(100 * (stats.MIN_BIDS_FOR_SHARE - 1) / week.total)


def test_the_page_links_to_how_it_is_computed_and_cites_no_figures(
    alice, space, alice_client
):
    for _n in range(3):
        services.bid_create(
            space=space, by=alice, response="toward", occurred_at=timezone.now()
        )
    body = alice_client.get("/moments/bids/").content.decode()
    assert "100%" in body
    assert 'href="/moments/bids/how"' in body
    how = alice_client.get("/moments/bids/how").content.decode()
    for claim in ("86%", "33%", "divorce"):
        assert claim not in how
    assert "not a score" in how
    assert 'href="/docs/figures/bid-log"' in how
    derivation = alice_client.get("/docs/figures/bid-log")
    assert derivation.status_code == 200
    assert "Share" in derivation.content.decode()
