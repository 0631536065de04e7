"""The demo fills check-ins and promises believably."""

from __future__ import annotations

import pytest

from conftest import client_for
from troth.checkins.models import Pulse, Status
from troth.demo import demo_create
from troth.promises.models import Promise, State

pytestmark = pytest.mark.django_db


def test_the_demo_has_six_months_of_promises_statuses_and_pulses():
    demo = demo_create()
    promises = Promise.objects.filter(space=demo.space)
    states = set(promises.values_list("state", flat=True))
    assert {State.KEPT, State.MISSED, State.NOT_QUITE, State.OPEN} <= states
    assert promises.filter(renegotiations__gt=0).exists()
    assert promises.filter(series__isnull=False).count() >= 10
    kept = promises.filter(state=State.KEPT).count()
    assert kept > promises.filter(state=State.MISSED).count() * 3
    assert promises.order_by("due_at").first().due_at >= demo.start
    assert Status.objects.filter(space=demo.space).exists()
    assert Pulse.objects.visible_to(demo.alex).filter(author=demo.sam).count() > 100
    assert not Pulse.objects.visible_to(demo.sam).filter(author=demo.alex).exists()
    for user in (demo.alex, demo.sam):
        client = client_for(user)
        for url in (
            "/",
            "/promises/",
            "/promises/figures",
            "/checkins/",
            "/checkins/pulse/trends",
        ):
            assert client.get(url).status_code == 200, url
        assert "thinking of you" in client_for(demo.alex).get("/").text
