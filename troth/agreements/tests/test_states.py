"""The agreement state machine: only the right person can take each step,
withdrawn consent pauses, versions are append-only, and a refused step
changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import run_tasks
from troth.agreements import services
from troth.agreements.models import (
    Agreement,
    AgreementEvent,
    ClauseVersion,
    EventKind,
    Status,
    VersionState,
)
from troth.agreements.tests.factories import active, proposed
from troth.notifications.models import Notification
from troth.spaces.services import space_leave

pytestmark = pytest.mark.django_db


def snapshot(agreement):
    """Everything a refused step must leave untouched."""
    agreement.refresh_from_db()
    return (
        agreement.status,
        agreement.version,
        agreement.updated,
        list(
            ClauseVersion.objects.filter(agreement=agreement).values_list("pk", "state")
        ),
        AgreementEvent.objects.filter(agreement=agreement).count(),
    )


def refused(step, agreement, code=None):
    before = snapshot(agreement)
    with pytest.raises(ValidationError) as info:
        step()
    assert snapshot(agreement) == before
    if code:
        assert info.value.code == code
    return str(info.value.messages[0])


def clauses_of(agreement):
    return list(agreement.clauses.order_by("position"))


class TestProposing:
    def test_it_is_active_only_when_every_clause_is_accepted(self, alice, bob, space):
        agreement = proposed(space, alice, "One.", "Two.")
        first, second = clauses_of(agreement)
        assert agreement.status == Status.PROPOSED
        assert services.clause_accept(agreement=agreement, clause=first, by=bob) is None
        agreement.refresh_from_db()
        assert agreement.status == Status.PROPOSED
        assert agreement.version == 0
        outcome = services.clause_accept(agreement=agreement, clause=second, by=bob)
        agreement.refresh_from_db()
        assert outcome == EventKind.ACTIVATED
        assert agreement.status == Status.ACTIVE
        assert agreement.version == 1
        assert agreement.review_on == timezone.now().date() + dt.timedelta(days=90)

    def test_the_proposer_cannot_accept_their_own_clause(self, alice, bob, space):
        agreement = proposed(space, alice, "One.")
        clause = clauses_of(agreement)[0]
        message = refused(
            lambda: services.clause_accept(
                agreement=agreement, clause=clause, by=alice
            ),
            agreement,
            "own_proposal",
        )
        assert "your partner is the one to accept it" in message

    def test_someone_outside_the_space_cannot_answer(self, alice, bob, carol, space):
        agreement = proposed(space, alice, "One.")
        clause = clauses_of(agreement)[0]
        refused(
            lambda: services.clause_accept(
                agreement=agreement, clause=clause, by=carol
            ),
            agreement,
            "not_member",
        )

    def test_a_counter_proposal_needs_the_proposers_acceptance(self, alice, bob, space):
        agreement = proposed(space, alice, "We post nothing about each other.")
        clause = clauses_of(agreement)[0]
        services.clause_propose_change(
            agreement=agreement,
            clause=clause,
            by=bob,
            text="We ask before posting anything about each other.",
        )
        first, second = ClauseVersion.objects.filter(clause=clause).order_by("number")
        assert first.state == VersionState.SUPERSEDED
        assert first.text == "We post nothing about each other."
        assert second.state == VersionState.PENDING
        # Bob can't accept his own counter; Alice can.
        refused(
            lambda: services.clause_accept(agreement=agreement, clause=clause, by=bob),
            agreement,
            "own_proposal",
        )
        services.clause_accept(agreement=agreement, clause=clause, by=alice)
        agreement.refresh_from_db()
        assert agreement.status == Status.ACTIVE
        assert services.clause_states(agreement)[0].agreed.text == (
            "We ask before posting anything about each other."
        )

    def test_leaving_a_clause_out_of_a_proposal_drops_it(self, alice, bob, space):
        agreement = proposed(space, alice, "Keep this.", "Not this.")
        keep, drop = clauses_of(agreement)
        services.clause_decline(agreement=agreement, clause=drop, by=bob)
        services.clause_accept(agreement=agreement, clause=keep, by=bob)
        agreement.refresh_from_db()
        assert agreement.status == Status.ACTIVE
        assert [s.agreed.text for s in services.clause_states(agreement)] == [
            "Keep this."
        ]

    def test_the_last_clause_of_a_proposal_cannot_be_left_out(self, alice, bob, space):
        agreement = proposed(space, alice, "Only one.")
        clause = clauses_of(agreement)[0]
        message = refused(
            lambda: services.clause_decline(agreement=agreement, clause=clause, by=bob),
            agreement,
            "last_clause",
        )
        assert "set it aside" in message

    def test_a_proposal_can_be_set_aside_but_not_paused(self, alice, bob, space):
        agreement = proposed(space, alice, "One.")
        refused(
            lambda: services.agreement_withdraw_consent(agreement=agreement, by=bob),
            agreement,
            "not_active",
        )
        services.agreement_set_aside(agreement=agreement, by=bob)
        agreement.refresh_from_db()
        assert agreement.status == Status.ENDED
        assert (
            ClauseVersion.objects.filter(
                agreement=agreement, state=VersionState.PENDING
            ).count()
            == 0
        )

    def test_it_needs_a_partner_and_at_least_one_clause(self, alice):
        from conftest import make_space

        alone = make_space(alice)
        with pytest.raises(ValidationError, match="hasn't joined yet"):
            proposed(alone, alice, "One.")
        assert not Agreement.objects.exists()

    @pytest.mark.parametrize(
        ("terms", "message"),
        [
            ({"clauses": ["  ", ""]}, "at least one clause"),
            ({"clauses": ["x" * 601]}, "under 600"),
            ({"clauses": [f"c{i}" for i in range(21)]}, "up to 20"),
            ({"title": "  "}, "title"),
            ({"review_days": 2}, "between 7 and 365"),
            ({"ends_on": dt.date(2000, 1, 1)}, "after today"),
        ],
    )
    def test_bad_proposals_are_refused(self, alice, bob, space, terms, message):
        data = {"title": "Ours", "clauses": ["One."], **terms}
        with pytest.raises(ValidationError, match=message):
            services.agreement_propose(space=space, by=alice, **data)
        assert not Agreement.objects.exists()


class TestChangingAnActiveAgreement:
    def test_the_agreed_wording_stays_until_the_change_is_accepted(
        self, alice, bob, space
    ):
        agreement = active(space, alice, bob, "Phones away at dinner.")
        clause = clauses_of(agreement)[0]
        services.clause_propose_change(
            agreement=agreement, clause=clause, by=bob, text="Phones away after 9pm."
        )
        state = services.clause_states(agreement)[0]
        assert state.agreed.text == "Phones away at dinner."
        assert state.pending.text == "Phones away after 9pm."
        agreement.refresh_from_db()
        assert agreement.status == Status.ACTIVE
        assert agreement.version == 1
        services.clause_accept(agreement=agreement, clause=clause, by=alice)
        agreement.refresh_from_db()
        assert agreement.version == 2
        assert (
            services.clause_states(agreement)[0].agreed.text == "Phones away after 9pm."
        )

    def test_declining_a_change_keeps_the_agreed_wording(self, alice, bob, space):
        agreement = active(space, alice, bob, "Phones away at dinner.")
        clause = clauses_of(agreement)[0]
        services.clause_propose_change(
            agreement=agreement, clause=clause, by=bob, text="No rule about phones."
        )
        services.clause_decline(agreement=agreement, clause=clause, by=alice)
        agreement.refresh_from_db()
        assert agreement.version == 1
        state = services.clause_states(agreement)[0]
        assert state.agreed.text == "Phones away at dinner."
        assert state.pending is None

    def test_proposing_the_agreed_wording_again_changes_nothing(
        self, alice, bob, space
    ):
        agreement = active(space, alice, bob, "Phones away at dinner.")
        clause = clauses_of(agreement)[0]
        refused(
            lambda: services.clause_propose_change(
                agreement=agreement,
                clause=clause,
                by=bob,
                text="Phones away at dinner.",
            ),
            agreement,
            "same_as_agreed",
        )

    def test_removing_a_clause_needs_the_others_consent(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.", "Two.")
        first, _ = clauses_of(agreement)
        services.clause_propose_removal(agreement=agreement, clause=first, by=alice)
        assert len(services.clause_states(agreement)) == 2
        services.clause_accept(agreement=agreement, clause=first, by=bob)
        agreement.refresh_from_db()
        assert [s.agreed.text for s in services.clause_states(agreement)] == ["Two."]
        assert agreement.version == 2

    def test_the_only_clause_cannot_be_removed(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        clause = clauses_of(agreement)[0]
        refused(
            lambda: services.clause_propose_removal(
                agreement=agreement, clause=clause, by=bob
            ),
            agreement,
            "last_clause",
        )

    def test_a_new_clause_joins_only_when_accepted(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        clause = services.clause_add(agreement=agreement, by=bob, text="Two.")
        states = services.clause_states(agreement)
        assert [s.agreed.text if s.agreed else None for s in states] == ["One.", None]
        services.clause_accept(agreement=agreement, clause=clause, by=alice)
        agreement.refresh_from_db()
        assert agreement.version == 2

    def test_only_the_author_withdraws_a_proposal(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        clause = clauses_of(agreement)[0]
        services.clause_propose_change(
            agreement=agreement, clause=clause, by=bob, text="One, changed."
        )
        refused(
            lambda: services.clause_withdraw(
                agreement=agreement, clause=clause, by=alice
            ),
            agreement,
            "no_own_pending",
        )
        services.clause_withdraw(agreement=agreement, clause=clause, by=bob)
        assert services.clause_states(agreement)[0].pending is None


class TestAppendOnly:
    def test_a_clause_version_cannot_be_rewritten(self, alice, bob, space):
        agreement = proposed(space, alice, "One.")
        version = ClauseVersion.objects.get(agreement=agreement)
        version.text = "Rewritten."
        with pytest.raises(ValueError, match="append-only"):
            version.save()
        with pytest.raises(ValueError, match="append-only"):
            version.save(update_fields=["text"])
        assert ClauseVersion.objects.get(pk=version.pk).text == "One."

    def test_a_clause_versions_wording_cannot_be_updated_in_bulk(
        self, alice, bob, space
    ):
        agreement = proposed(space, alice, "One.")
        versions = ClauseVersion.objects.filter(agreement=agreement)
        with pytest.raises(ValueError, match="append-only"):
            versions.update(text="Rewritten.")
        with pytest.raises(ValueError, match="append-only"):
            versions.update(text="Rewritten.", state=VersionState.ACCEPTED)
        with pytest.raises(ValueError, match="append-only"):
            versions.delete()
        version = versions.get()
        assert (version.text, version.state) == ("One.", VersionState.PENDING)

    def test_the_answer_to_a_version_is_still_recorded(self, alice, bob, space):
        agreement = proposed(space, alice, "One.")
        ClauseVersion.objects.filter(agreement=agreement).update(
            state=VersionState.WITHDRAWN, decided_at=timezone.now()
        )
        version = ClauseVersion.objects.get(agreement=agreement)
        assert (version.text, version.state) == ("One.", VersionState.WITHDRAWN)

    def test_history_events_cannot_be_changed(self, alice, bob, space):
        agreement = proposed(space, alice, "One.")
        event = AgreementEvent.objects.get(agreement=agreement)
        event.kind = EventKind.ENDED
        with pytest.raises(ValueError, match="append-only"):
            event.save()
        with pytest.raises(ValueError, match="append-only"):
            agreement.events.update(kind=EventKind.ENDED)
        assert AgreementEvent.objects.get(pk=event.pk).kind != EventKind.ENDED

    def test_an_agreement_cannot_be_made_private(self, alice, bob, space):
        agreement = proposed(space, alice, "One.")
        with pytest.raises(ValueError, match="always shared"):
            Agreement.objects.filter(pk=agreement.pk).update(visibility="private")
        agreement.visibility = "private"
        with pytest.raises(ValueError, match="always shared"):
            agreement.save()
        assert Agreement.objects.visible_to(bob).filter(pk=agreement.pk).exists()

    def test_every_change_adds_a_version_and_keeps_the_old_ones(
        self, alice, bob, space
    ):
        agreement = active(space, alice, bob, "A.")
        clause = clauses_of(agreement)[0]
        for text, by, other in (("B.", bob, alice), ("C.", alice, bob)):
            services.clause_propose_change(
                agreement=agreement, clause=clause, by=by, text=text
            )
            services.clause_accept(agreement=agreement, clause=clause, by=other)
        versions = ClauseVersion.objects.filter(clause=clause).order_by("number")
        assert [(v.number, v.text, v.author) for v in versions] == [
            (1, "A.", alice),
            (2, "B.", bob),
            (3, "C.", alice),
        ]
        agreement.refresh_from_db()
        assert agreement.version == 3


class TestConsent:
    def test_withdrawing_consent_pauses_and_tells_the_partner(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        run_tasks()
        Notification.objects.all().delete()
        services.agreement_withdraw_consent(agreement=agreement, by=bob)
        agreement.refresh_from_db()
        assert agreement.status == Status.PAUSED
        run_tasks()
        notice = Notification.objects.get(user=alice)
        assert notice.message == "Bob withdrew consent from an agreement. It is paused."
        assert not Notification.objects.filter(user=bob).exists()

    def test_only_the_one_who_withdrew_can_give_consent_again(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        services.agreement_withdraw_consent(agreement=agreement, by=bob)
        refused(
            lambda: services.agreement_give_consent(agreement=agreement, by=alice),
            agreement,
            "not_withdrawn",
        )
        assert services.agreement_give_consent(agreement=agreement, by=bob) is True
        agreement.refresh_from_db()
        assert agreement.status == Status.ACTIVE

    def test_when_both_withdrew_both_must_consent_again(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        services.agreement_withdraw_consent(agreement=agreement, by=bob)
        services.agreement_withdraw_consent(agreement=agreement, by=alice)
        refused(
            lambda: services.agreement_withdraw_consent(agreement=agreement, by=alice),
            agreement,
            "already_withdrawn",
        )
        assert services.agreement_give_consent(agreement=agreement, by=bob) is False
        agreement.refresh_from_db()
        assert agreement.status == Status.PAUSED
        assert services.agreement_give_consent(agreement=agreement, by=alice) is True
        agreement.refresh_from_db()
        assert agreement.status == Status.ACTIVE

    def test_an_ended_agreement_cannot_change(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        clause = clauses_of(agreement)[0]
        services.agreement_end(agreement=agreement, by=alice)
        for step in (
            lambda: services.clause_propose_change(
                agreement=agreement, clause=clause, by=bob, text="Two."
            ),
            lambda: services.agreement_withdraw_consent(agreement=agreement, by=bob),
            lambda: services.clause_add(agreement=agreement, by=bob, text="Three."),
        ):
            refused(step, agreement, "ended")

    def test_a_closed_space_freezes_its_agreements(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        space_leave(membership=bob.memberships.get())
        refused(
            lambda: services.agreement_withdraw_consent(agreement=agreement, by=alice),
            agreement,
            "closed",
        )


class TestReviewAndTimeBox:
    def test_a_review_sets_the_next_date(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.", review_days=30)
        today = timezone.now().date()
        assert services.agreement_review(agreement=agreement, by=bob) == (
            today + dt.timedelta(days=30)
        )
        with pytest.raises(ValidationError, match="after today"):
            services.agreement_review(agreement=agreement, by=bob, next_review_on=today)

    def test_a_renewal_needs_the_other_partner(self, alice, bob, space):
        today = timezone.now().date()
        agreement = active(
            space, alice, bob, "One.", ends_on=today + dt.timedelta(days=10)
        )
        services.agreement_renewal_propose(
            agreement=agreement, by=alice, until=today + dt.timedelta(days=40)
        )
        refused(
            lambda: services.agreement_renewal_accept(agreement=agreement, by=alice),
            agreement,
            "own_renewal",
        )
        services.agreement_renewal_accept(agreement=agreement, by=bob)
        agreement.refresh_from_db()
        assert agreement.ends_on == today + dt.timedelta(days=40)
        assert not agreement.has_renewal

    def test_an_agreement_without_an_end_cannot_be_renewed(self, alice, bob, space):
        agreement = active(space, alice, bob, "One.")
        refused(
            lambda: services.agreement_renewal_propose(
                agreement=agreement, by=alice, until=dt.date(2100, 1, 1)
            ),
            agreement,
            "no_time_box",
        )
