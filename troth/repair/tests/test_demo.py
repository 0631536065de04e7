"""The demo: a resolved repair with its whole history, agreements with two
versions, a paused one and a proposal, and a summary both kept."""

from __future__ import annotations

import pytest

from conftest import client_for
from troth.agreements.models import Agreement, Status
from troth.demo import demo_create
from troth.dialogue.models import Summary
from troth.repair.models import (
    ApologyAnswer,
    ApologyVersion,
    ForgivenessCheckin,
    Mirror,
    PlanItem,
    Repair,
    RepairEvent,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return demo_create()


def test_the_repair_is_resolved_with_its_whole_history(demo):
    repair = Repair.objects.get(space=demo.space)
    assert repair.status == "resolved" and repair.phase == "attach"
    assert repair.hurt == demo.sam and repair.clause is not None
    assert list(
        Mirror.objects.filter(repair=repair).values_list("answer", flat=True)
    ) == [
        "again",
        "heard",
    ]
    assert ApologyVersion.objects.filter(repair=repair).count() == 2
    assert list(
        ApologyAnswer.objects.filter(repair=repair)
        .order_by("created")
        .values_list("answer", flat=True)
    ) == ["not_yet", "helps"]
    items = PlanItem.objects.filter(repair=repair)
    assert items.filter(promise__isnull=False).count() == 3
    assert items.filter(agreement__isnull=False).count() == 1
    assert ForgivenessCheckin.objects.filter(author=demo.sam).count() == 6
    kinds = list(
        RepairEvent.objects.filter(repair=repair).values_list("kind", flat=True)
    )
    assert kinds[0] == "opened" and kinds[-1] == "resolved"


def test_the_agreements_show_every_state(demo):
    online = Agreement.objects.get(space=demo.space, topic="online")
    assert (online.status, online.version) == (Status.ACTIVE, 2)
    assert Agreement.objects.get(space=demo.space, topic="time").status == Status.PAUSED
    assert (
        Agreement.objects.get(space=demo.space, topic="money").status == Status.PROPOSED
    )


def test_a_summary_both_kept(demo):
    summary = Summary.objects.get(space=demo.space)
    assert summary.is_kept


def test_the_demo_pages_open_and_keep_sams_check_ins_to_sam(demo):
    repair = Repair.objects.get(space=demo.space)
    alex, sam = client_for(demo.alex), client_for(demo.sam)
    for url in (
        "/agreements/",
        "/repair/",
        repair.get_absolute_url(),
        f"/repair/{repair.pk}/plan",
        "/dialogue/",
    ):
        assert alex.get(url).status_code == 200, url
        assert sam.get(url).status_code == 200, url
    online = Agreement.objects.get(space=demo.space, topic="online")
    history = alex.get(f"/agreements/{online.pk}/history").content.decode()
    assert "Old photos already online can stay." in history
    assert sam.get(f"/repair/{repair.pk}/forgiveness").status_code == 200
    assert alex.get(f"/repair/{repair.pk}/forgiveness").status_code == 404
    plan = alex.get(f"/repair/{repair.pk}/plan").content.decode()
    assert "Your private log has 5 sessions." in plan
    assert (
        "Your private log has 5 sessions."
        not in sam.get(f"/repair/{repair.pk}/plan").content.decode()
    )
