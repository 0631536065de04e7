"""The repair state machine: only the right person takes each step, in the
right order; refused steps say why and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import make_space, run_tasks
from troth.agreements.models import Agreement, Topic
from troth.agreements.tests.factories import active
from troth.notifications.models import Notification
from troth.promises.models import Promise
from troth.repair import services
from troth.repair.models import (
    Account,
    ApologyAnswer,
    ApologyVersion,
    ForgivenessCheckin,
    Mirror,
    Phase,
    PlanItem,
    Repair,
    RepairEvent,
    Status,
    Step,
)
from troth.repair.tests.factories import (
    answered,
    apologised,
    heard,
    mirrored,
    opened,
    with_account,
)
from troth.spaces.services import space_leave

pytestmark = pytest.mark.django_db


def snapshot(repair):
    repair.refresh_from_db()
    return (
        repair.step,
        repair.phase,
        repair.status,
        repair.updated,
        repair.heard_at,
        Account.objects.count(),
        Mirror.objects.count(),
        list(Mirror.objects.values_list("answer", flat=True)),
        ApologyVersion.objects.count(),
        ApologyAnswer.objects.count(),
        RepairEvent.objects.count(),
        PlanItem.objects.count(),
    )


def refused(step, repair, code):
    before = snapshot(repair)
    with pytest.raises(ValidationError) as info:
        step()
    assert snapshot(repair) == before
    assert info.value.code == code, info.value
    return str(info.value.messages[0])


class TestOpening:
    def test_the_hurt_partner_opens_it_and_the_other_is_told(self, alice, bob, space):
        repair = opened(space, bob, alice)
        assert (repair.hurt, repair.other, repair.author) == (bob, alice, bob)
        assert repair.seriousness == 3
        assert (repair.phase, repair.step, repair.status) == (
            Phase.ATONE,
            Step.ACCOUNT,
            Status.OPEN,
        )
        run_tasks()
        assert Notification.objects.get(user=alice).message == "Bob opened a repair."

    def test_the_one_who_broke_trust_can_open_it_too(self, alice, bob, space):
        repair = opened(space, bob, alice, by=alice)
        assert (repair.hurt, repair.other, repair.author) == (bob, alice, alice)
        assert repair.seriousness is None  # Bob's to say

    def test_it_can_point_to_an_agreement_clause(self, alice, bob, space):
        agreement = active(space, alice, bob, "Our phones are our own.")
        clause = agreement.clauses.get()
        repair = services.repair_open(
            space=space,
            by=bob,
            opened_as="hurt",
            summary="You went through my phone.",
            touches="clause",
            clause=clause,
            seriousness=2,
        )
        assert repair.clause == clause and repair.promise is None

    def test_it_cannot_point_to_another_couples_clause(
        self, alice, bob, space, carol, dave, other_space
    ):
        theirs = active(other_space, carol, dave, "Theirs.").clauses.get()
        with pytest.raises(ValidationError, match="Choose the clause"):
            services.repair_open(
                space=space,
                by=bob,
                opened_as="hurt",
                summary="x",
                touches="clause",
                clause=theirs,
                seriousness=2,
            )
        assert not Repair.objects.exists()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"summary": "  "}, "what happened"),
            ({"summary": "x" * 1001}, "under 1000"),
            ({"seriousness": None}, "how serious"),
            ({"seriousness": 9}, "how serious"),
            ({"opened_as": "neither"}, "who you are"),
        ],
    )
    def test_bad_input_opens_nothing(self, alice, bob, space, data, message):
        fields = {"opened_as": "hurt", "summary": "It hurt.", "seriousness": 2, **data}
        with pytest.raises(ValidationError, match=message):
            services.repair_open(space=space, by=bob, **fields)
        assert not Repair.objects.exists()

    def test_it_needs_a_partner(self, alice):
        with pytest.raises(ValidationError, match="hasn't joined"):
            services.repair_open(
                space=make_space(alice),
                by=alice,
                opened_as="hurt",
                summary="x",
                seriousness=1,
            )


class TestHeardFirst:
    def test_only_the_hurt_partner_writes_the_account(self, alice, bob, space):
        repair = opened(space, bob, alice, by=alice)
        refused(
            lambda: services.account_write(repair=repair, by=alice, text="My view."),
            repair,
            "not_hurt",
        )

    def test_the_hurt_partner_says_how_serious_it_is_with_the_account(
        self, alice, bob, space
    ):
        repair = opened(space, bob, alice, by=alice)
        with pytest.raises(ValidationError, match="how serious"):
            services.account_write(repair=repair, by=bob, text="It hurt.")
        services.account_write(repair=repair, by=bob, text="It hurt.", seriousness=4)
        repair.refresh_from_db()
        assert repair.seriousness == 4 and repair.step == Step.MIRROR

    def test_there_is_nothing_to_mirror_before_the_account(self, alice, bob, space):
        repair = opened(space, bob, alice)
        refused(
            lambda: services.mirror_write(repair=repair, by=alice, text="Heard."),
            repair,
            "not_mirror_step",
        )

    def test_only_the_other_partner_mirrors(self, alice, bob, space, carol):
        repair = with_account(space, bob, alice)
        refused(
            lambda: services.mirror_write(repair=repair, by=bob, text="Me."),
            repair,
            "not_other",
        )
        refused(
            lambda: services.mirror_write(repair=repair, by=carol, text="Me."),
            repair,
            "not_member",
        )

    def test_try_again_goes_back_to_mirroring(self, alice, bob, space):
        repair = mirrored(space, bob, alice)
        refused(
            lambda: services.mirror_answer(repair=repair, by=alice, heard=True),
            repair,
            "not_hurt",
        )
        services.mirror_answer(
            repair=repair, by=bob, heard=False, note="You missed the part about home."
        )
        repair.refresh_from_db()
        assert repair.step == Step.MIRROR and repair.heard_at is None
        assert Mirror.objects.get().answer_note == "You missed the part about home."
        services.mirror_write(repair=repair, by=alice, text="Second try.")
        services.mirror_answer(repair=repair, by=bob, heard=True)
        repair.refresh_from_db()
        assert repair.step == Step.APOLOGY and repair.heard_at is not None
        assert list(Mirror.objects.values_list("answer", flat=True)) == [
            "again",
            "heard",
        ]

    def test_the_account_is_fixed_once_heard(self, alice, bob, space):
        repair = heard(space, bob, alice)
        refused(
            lambda: services.account_write(repair=repair, by=bob, text="More."),
            repair,
            "heard",
        )

    def test_a_mirrors_words_cannot_be_rewritten(self, alice, bob, space):
        mirrored(space, bob, alice)
        mirror = Mirror.objects.get()
        mirror.text = "Rewritten"
        with pytest.raises(ValueError, match="append-only"):
            mirror.save()
        with pytest.raises(ValueError, match="append-only"):
            mirror.save(update_fields=["text"])

    def test_what_was_written_cannot_be_updated_in_bulk(self, alice, bob, space):
        repair = mirrored(space, bob, alice)
        words = {
            m: list(m.objects.values_list("pk", "text")) for m in (Account, Mirror)
        }
        for model in (Account, Mirror):
            with pytest.raises(ValueError, match="append-only"):
                model.objects.update(text="Rewritten")
            with pytest.raises(ValueError, match="append-only"):
                model.objects.filter(repair=repair).delete()
        with pytest.raises(ValueError, match="append-only"):
            RepairEvent.objects.filter(repair=repair).update(kind="closed")
        for model in (Account, Mirror):
            assert list(model.objects.values_list("pk", "text")) == words[model]

    def test_what_was_written_cannot_be_made_private(self, alice, bob, space):
        repair = mirrored(space, bob, alice)
        for model in (Repair, Account, Mirror):
            with pytest.raises(ValueError, match="always shared|append-only"):
                model.objects.update(visibility="private")
            row = model.objects.get()
            row.visibility = "private"
            with pytest.raises(ValueError, match="always shared|append-only"):
                row.save()
            assert model.objects.visible_to(alice).count() == 1
        assert Repair.objects.visible_to(alice).get() == repair


class TestApology:
    def test_the_apology_opens_only_once_heard(self, alice, bob, space):
        repair = mirrored(space, bob, alice)
        message = refused(
            lambda: services.apology_send(repair=repair, by=alice, text="Sorry."),
            repair,
            "not_heard",
        )
        assert "mirror their account first" in message

    def test_only_the_other_partner_sends_it(self, alice, bob, space):
        repair = heard(space, bob, alice)
        refused(
            lambda: services.apology_send(repair=repair, by=bob, text="Sorry."),
            repair,
            "not_other",
        )

    def test_versions_are_appended_and_kept(self, alice, bob, space):
        repair = apologised(space, bob, alice)
        services.apology_answer(
            repair=repair, by=bob, answer="not_yet", note="Not yet."
        )
        services.apology_send(repair=repair, by=alice, text="A fuller apology.")
        versions = list(ApologyVersion.objects.order_by("number"))
        assert [(v.number, v.text) for v in versions] == [
            (1, "I read your messages. That was wrong. I'm sorry."),
            (2, "A fuller apology."),
        ]
        versions[0].text = "Rewritten"
        with pytest.raises(ValueError, match="append-only"):
            versions[0].save()
        repair.refresh_from_db()
        assert repair.step == Step.ANSWER

    def test_only_the_hurt_partner_answers_and_only_once(self, alice, bob, space):
        repair = apologised(space, bob, alice)
        refused(
            lambda: services.apology_answer(repair=repair, by=alice, answer="helps"),
            repair,
            "not_hurt",
        )
        services.apology_answer(repair=repair, by=bob, answer="need_else", note="Time.")
        refused(
            lambda: services.apology_answer(repair=repair, by=bob, answer="helps"),
            repair,
            "not_answer_step",
        )
        run_tasks()
        assert Notification.objects.filter(user=alice, kind="repair.answered").exists()

    def test_a_bad_answer_is_refused(self, alice, bob, space):
        repair = apologised(space, bob, alice)
        with pytest.raises(ValidationError):
            services.apology_answer(repair=repair, by=bob, answer="forgiven")
        assert not ApologyAnswer.objects.exists()


class TestPath:
    def test_only_the_hurt_partner_moves_it_one_phase_at_a_time(
        self, alice, bob, space
    ):
        repair = opened(space, bob, alice)
        refused(
            lambda: services.repair_move(repair=repair, by=alice, phase=Phase.ATTUNE),
            repair,
            "not_hurt",
        )
        refused(
            lambda: services.repair_move(repair=repair, by=bob, phase=Phase.ATTACH),
            repair,
            "not_adjacent",
        )
        services.repair_move(repair=repair, by=bob, phase=Phase.ATTUNE)
        services.repair_move(repair=repair, by=bob, phase=Phase.ATTACH)
        services.repair_move(repair=repair, by=bob, phase=Phase.ATTUNE)  # back
        repair.refresh_from_db()
        assert repair.phase == Phase.ATTUNE
        assert list(
            RepairEvent.objects.filter(kind="phase").values_list("phase", flat=True)
        ) == ["attune", "attach", "attune"]

    def test_only_the_hurt_partner_closes_and_reopens_it(self, alice, bob, space):
        repair = answered(space, bob, alice)
        refused(
            lambda: services.repair_resolve(repair=repair, by=alice),
            repair,
            "not_hurt",
        )
        services.repair_resolve(repair=repair, by=bob)
        repair.refresh_from_db()
        assert repair.status == Status.RESOLVED
        refused(
            lambda: services.apology_send(repair=repair, by=alice, text="More."),
            repair,
            "resolved",
        )
        refused(
            lambda: services.repair_reopen(repair=repair, by=alice),
            repair,
            "not_hurt",
        )
        services.repair_reopen(repair=repair, by=bob)
        repair.refresh_from_db()
        assert repair.status == Status.OPEN

    def test_a_closed_space_freezes_the_repair(self, alice, bob, space):
        repair = opened(space, bob, alice)
        space_leave(membership=alice.memberships.get())
        refused(
            lambda: services.account_write(repair=repair, by=bob, text="x"),
            repair,
            "closed",
        )


class TestPlan:
    def test_a_plan_promise_is_a_real_promise_linked_to_the_repair(
        self, alice, bob, space
    ):
        repair = answered(space, bob, alice)
        due = timezone.now().date() + dt.timedelta(days=7)
        item = services.plan_promise_add(
            repair=repair,
            by=alice,
            text="Ask before touching your phone.",
            due_date=due,
        )
        promise = Promise.objects.get()
        assert item.promise == promise
        assert (promise.author, promise.promisee, promise.text) == (
            alice,
            bob,
            "Ask before touching your phone.",
        )
        assert promise.origin_id == repair.pk
        run_tasks()
        assert Notification.objects.filter(user=bob, kind="promise.made").exists()
        assert Notification.objects.filter(user=bob, kind="repair.plan").exists()

    def test_a_bad_plan_promise_adds_nothing(self, alice, bob, space):
        repair = answered(space, bob, alice)
        with pytest.raises(ValidationError):
            services.plan_promise_add(
                repair=repair, by=alice, text="", due_date=timezone.now().date()
            )
        assert not PlanItem.objects.exists() and not Promise.objects.exists()

    def test_openness_is_a_time_boxed_agreement_the_partner_must_accept(
        self, alice, bob, space
    ):
        repair = answered(space, bob, alice)
        ends = timezone.now().date() + dt.timedelta(days=42)
        item = services.plan_agreement_add(
            repair=repair,
            by=alice,
            title="Openness for six weeks",
            clauses=["I tell you if she gets in touch."],
            ends_on=ends,
        )
        agreement = Agreement.objects.get()
        assert item.agreement == agreement
        assert agreement.status == "proposed"
        assert agreement.topic == Topic.TRANSPARENCY and agreement.ends_on == ends
        with pytest.raises(ValidationError, match="end date"):
            services.plan_agreement_add(
                repair=repair, by=alice, title="t", clauses=["c"], ends_on=None
            )


class TestCheckins:
    def test_only_the_hurt_partner_checks_in(self, alice, bob, space):
        repair = opened(space, bob, alice, by=alice)
        with pytest.raises(ValidationError, match="the one who was hurt"):
            services.forgiveness_checkin(
                repair=repair, by=alice, distance=1, even=1, goodwill=7
            )
        services.forgiveness_checkin(
            repair=repair, by=bob, distance=6, even=3, goodwill=2
        )
        checkin = ForgivenessCheckin.objects.get()
        assert checkin.author == bob and checkin.visibility == "private"

    @pytest.mark.parametrize("value", [0, 8, -1, "5"])
    def test_ratings_are_from_1_to_7(self, alice, bob, space, value):
        repair = opened(space, bob, alice)
        with pytest.raises(ValidationError, match="1 to 7"):
            services.forgiveness_checkin(
                repair=repair, by=bob, distance=value, even=1, goodwill=1
            )
        assert not ForgivenessCheckin.objects.exists()
