"""The demo couple's calendar."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for, make_space, make_user
from troth.demo import Demo
from troth.schedule.demo import populate
from troth.schedule.models import Event, EventVisibility
from troth.schedule.stats import ritual_follow_through

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    import random

    alex = make_user("alex", timezone="Europe/London")
    sam = make_user("sam", timezone="Europe/Berlin")
    space = make_space(alex, sam)
    made = Demo(
        space=space, alex=alex, sam=sam, now=timezone.now(), rng=random.Random(7)
    )
    populate(made)
    return made


def test_the_demo_has_six_months_with_a_mostly_kept_date_night(demo):
    figure = ritual_follow_through(demo.space, demo.start, demo.now)
    date_night = next(r for r in figure.rituals if r.ritual.title == "Date night")
    assert date_night.occurrences >= 24
    assert date_night.happened > 0.7 * date_night.occurrences
    assert date_night.did_not >= 1
    assert date_night.cancelled == 1
    assert {r.ritual.title for r in figure.rituals} == {"Date night", "Sunday walk"}


def test_the_demo_has_busy_only_events_of_each_partner_and_a_private_one(demo):
    events = list(Event.objects.all())
    busy_authors = {e.author for e in events if e.visibility == EventVisibility.BUSY}
    assert busy_authors == {demo.alex, demo.sam}
    assert [e.title for e in events if e.visibility == EventVisibility.PRIVATE] == [
        "Pick up the anniversary present"
    ]
    assert sum(e.visibility == EventVisibility.SHARED for e in events) >= 10
    assert any(e.start > timezone.now() for e in events)  # plans ahead, too
    assert any(e.start < timezone.now() - timedelta(days=150) for e in events)


def test_the_demo_pages_work(demo):
    client = client_for(demo.sam)
    for url in (
        "/calendar/",
        "/calendar/week/",
        "/calendar/month/",
        "/calendar/rituals/",
    ):
        page = client.get(url)
        assert page.status_code == 200
        assert b"Therapy session" not in page.content  # Alex's busy-only time


def test_the_partner_sees_the_demo_busy_time_as_busy(demo):
    page = client_for(demo.sam).get("/calendar/").content.decode()
    assert "Busy" in page
    assert "Therapy session" not in page and "Dr Okafor" not in page
