import datetime as dt

from django.utils import timezone

from tests.matrix import Case
from troth.audits import services
from troth.audits.models import Audit, Commitment
from troth.lib.content import Visibility


def _audit(world) -> Audit:
    # One audit per space per month: each case gets a month of its own.
    month = services.add_months(dt.date(2000, 1, 1), Audit.objects.count())
    audit = services.audit_draft(
        space=world.space,
        month=month,
        end=dt.datetime.combine(month, dt.time.min, tzinfo=dt.UTC),
        day=1,
    )
    assert audit is not None
    return audit


def audit(world):
    return {"pk": _audit(world).pk}


def written_audit(world):
    a = _audit(world)
    services.reflection_save(
        audit=a, by=world.alice, went_well="Walks", differently="", need=""
    )
    return {"pk": a.pk}


def _commitment(world) -> Commitment:
    return services.commitment_add(
        audit=_audit(world),
        by=world.alice,
        text="Cook on Thursdays",
        due_date=timezone.localdate() + dt.timedelta(days=10),
    )


def commitment(world):
    return {"pk": _commitment(world).pk}


def private_commitment(world):
    """Made private again (as when its author leaves and withdraws)."""
    c = _commitment(world)
    Commitment.objects.filter(pk=c.pk).update(visibility=Visibility.PRIVATE)
    return {"pk": c.pk}


PARTNERS = {"alice", "bob"}
CASES = {
    "audits:detail": [Case("the couple's audit", audit, PARTNERS)],
    "audits:print": [Case("the couple's audit", audit, PARTNERS)],
    "audits:export": [Case("the couple's audit", audit, PARTNERS)],
    "audits:reflection": [
        Case("the couple's audit", audit, PARTNERS),
        Case(
            "posted",
            audit,
            PARTNERS,
            method="POST",
            data={"went_well": "Walks", "differently": "", "need": ""},
        ),
    ],
    "audits:commitment_add": [
        Case(
            "the couple's audit",
            audit,
            PARTNERS,
            method="POST",
            data={"text": "Walk", "due_date": "2099-01-01"},
        )
    ],
    "audits:sign_off": [
        Case("no reflection yet", audit, PARTNERS, method="POST"),
        Case("alice wrote", written_audit, PARTNERS, method="POST"),
    ],
    "audits:sign_off_withdraw": [
        Case("the couple's audit", written_audit, PARTNERS, method="POST")
    ],
    "audits:commitment_remove": [
        Case("alice's commitment", commitment, PARTNERS, method="POST"),
        Case(
            "alice's private commitment", private_commitment, {"alice"}, method="POST"
        ),
    ],
}
