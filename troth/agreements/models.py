"""Agreements: sets of clauses both partners consent to.

An agreement is always shared. Its wording lives in `ClauseVersion` rows,
appended and never rewritten: proposing, counter-proposing, changing or
removing a clause each adds a version, which the other partner accepts or
answers. The agreement is active when every clause's latest version is
accepted; a change to an active agreement is a pending version that leaves
the agreed wording in force until the other partner accepts it.

Consent is each person's to withdraw at any time (`ConsentWithdrawal`): the
agreement is then paused. Troth never monitors or enforces an agreement.
Every step is also written to `AgreementEvent`, the history both read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from troth.lib.appendonly import AppendOnly
from troth.lib.content import AlwaysShared, AlwaysSharedQuerySet
from troth.lib.fields import EncryptedTextField
from troth.lib.models import (
    HistoryEntry,
    Linked,
    LinkedModel,
    is_set,
    one_per,
    optional_link,
    person,
    state_is,
)
from troth.lib.numbering import next_number

DEFAULT_REVIEW_DAYS = 90
MAX_CLAUSES = 20
# When both partners are told that a review or the end of a time box is near.
REMIND_BEFORE = dt.timedelta(days=7)


class Topic(models.TextChoices):
    ONLINE = "online", _("Online and social-media life")
    TIME = "time", _("Time together and apart")
    MONEY = "money", _("Money")
    HOUSEHOLD = "household", _("Household")
    TRANSPARENCY = "transparency", _("Openness after a breach of trust")
    FRIENDS = "friends", _("Friends and former partners")
    FAMILY = "family", _("Family and in-laws")
    PRIVACY = "privacy", _("Privacy of devices and accounts")
    SHARING = "sharing", _("What we share about us with others")
    OTHER = "other", _("Something else")


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


class AgreementQuerySet(AlwaysSharedQuerySet):
    def current(self) -> AgreementQuerySet:
        return self.exclude(status=Status.ENDED)

    def active(self) -> AgreementQuerySet:
        return self.filter(status=Status.ACTIVE)

    def due_for_review_between(self, start: dt.date, end: dt.date):
        """Active or paused agreements whose review date falls in [start, end)."""
        return self.filter(
            status__in=[Status.ACTIVE, Status.PAUSED],
            review_on__gte=start,
            review_on__lt=end,
        )


class Agreement(Linked, AlwaysShared):
    """A set of clauses. `author` proposed it; both partners must consent."""

    label = "Agreement {pk}"
    url_name = "agreements:detail"

    title = EncryptedTextField(_("title"))
    topic = models.CharField(
        _("topic"), max_length=20, choices=Topic.choices, default=Topic.OTHER
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    # How many times both partners have agreed a full set of wording: 0 while
    # first proposed, 1 when it becomes active, +1 for each accepted change.
    version = models.PositiveIntegerField(default=0)
    review_days = models.PositiveIntegerField(default=DEFAULT_REVIEW_DAYS)
    review_on = models.DateField(null=True, blank=True)
    # A time box: the agreement ends after this day unless both renew it.
    ends_on = models.DateField(null=True, blank=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # A pending renewal of the time box, proposed by one partner.
    renewal_until = models.DateField(null=True, blank=True)
    renewal_by = person(optional=True)
    # The review date and the last day both partners were reminded of, so
    # the hourly job looks only at reminders still to send (a changed date
    # differs from the one reminded of, and gets its own reminder).
    review_reminded_on = models.DateField(null=True, blank=True, editable=False)
    ends_reminded_on = models.DateField(null=True, blank=True, editable=False)

    objects = AgreementQuerySet.as_manager()  # type: ignore[misc]  # see Content.objects

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["space", "status"]),
            # The clock's "what is due now" (tasks.py): only agreements in
            # force, by the date the reminder or the ending is about.
            models.Index(
                fields=["review_on"],
                condition=Q(status__in=["active", "paused"]),
                name="agreements_review_due",
            ),
            models.Index(
                fields=["ends_on"],
                condition=Q(status__in=["active", "paused"]),
                name="agreements_ends_due",
            ),
        ]

    is_active = state_is(Status.ACTIVE)
    is_ended = state_is(Status.ENDED)

    @property
    def status_pill(self) -> str:
        pills: dict[str, str] = {
            Status.ACTIVE: "pill-good",
            Status.PAUSED: "pill-warn",
            Status.PROPOSED: "pill-accent",
        }
        return pills.get(self.status, "")

    has_renewal = is_set("renewal_until")

    def has_withdrawn(self, user) -> bool:
        """Whether `user`'s consent is withdrawn now. Reads the prefetched
        withdrawals on the agreement's page."""
        return any(
            w.user_id == user.pk and w.restored_at is None
            for w in self.withdrawals.all()
        )


class Clause(LinkedModel):
    """One clause of an agreement. Its wording is in its versions."""

    label = "Clause {pk} of agreement {agreement_id}"
    url_name = "agreements:detail"
    url_pk = "agreement_id"
    url_fragment = "clause-{pk}"

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="clauses"
    )
    position = models.PositiveSmallIntegerField()
    created = models.DateTimeField(default=timezone.now)
    # Set when a removal was accepted (or a first proposal was dropped): the
    # clause stays in the history but is no longer part of the agreement.
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]


class VersionState(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    SUPERSEDED = "superseded", _("Answered with another wording")
    DECLINED = "declined", _("Declined: the agreed wording stays")
    WITHDRAWN = "withdrawn", _("Withdrawn by its author")


class ClauseVersion(AppendOnly):
    """One wording of a clause (or a proposal to remove it), appended once.

    Its text never changes. Only the answer is recorded, once: a pending
    version becomes accepted, superseded, declined or withdrawn.
    """

    clause = models.ForeignKey(
        Clause, on_delete=models.CASCADE, related_name="versions"
    )
    # Part of the agreement's record: it stays when a former partner's account
    # is deleted and the agreement is kept (troth.accounts.services).
    RECORD_OF = "agreement"
    # The one change allowed after creation: the answer, once.
    SETTABLE_LATER = frozenset({"state", "decided_by", "decided_at"})

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="clause_versions"
    )
    number = models.PositiveSmallIntegerField()
    # Empty (NULL: the encrypted field stores no ciphertext for "") when the
    # version proposes removing the clause.
    text = EncryptedTextField(null=True, blank=True)
    removal = models.BooleanField(default=False)
    author = person()
    created = models.DateTimeField(default=timezone.now)
    state = models.CharField(
        max_length=10, choices=VersionState.choices, default=VersionState.PENDING
    )
    decided_by = person(optional=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["clause_id", "number"]
        constraints = [one_per("clause", "number", name="one_clause_version_number")]

    def __str__(self) -> str:
        return f"Version {self.number} of clause {self.clause_id}"

    is_pending = state_is(VersionState.PENDING, field="state")

    @classmethod
    def next_for(
        cls, clause: Clause, *, by, at, text: str = "", removal: bool = False, **answer
    ) -> ClauseVersion:
        """A new wording of `clause` by `by` (or, with `removal`, a proposal
        to remove it), numbered after its last; `answer` for a version that
        is already answered (a builder's)."""
        return cls.objects.create(
            clause=clause,
            agreement_id=clause.agreement_id,
            number=next_number(cls.objects.filter(clause=clause)),
            text=text,
            removal=removal,
            author=by,
            created=at,
            **answer,
        )

    def decide(self, state: str, *, by, at) -> None:
        """Record the answer to this version (the one change it allows)."""
        self.state, self.decided_by, self.decided_at = state, by, at
        self.save(update_fields=["state", "decided_by", "decided_at"])


class ConsentWithdrawal(models.Model):
    """One person withdrawing consent; `restored_at` when they give it again."""

    # Part of the agreement's record: it stays when a former partner's account
    # is deleted and the agreement is kept (troth.accounts.services).
    RECORD_OF = "agreement"

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="withdrawals"
    )
    user = person()
    created = models.DateTimeField(default=timezone.now)
    restored_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"Withdrawal by {self.user_id} from {self.agreement_id}"


class EventKind(models.TextChoices):
    PROPOSED = "proposed", _("proposed this agreement")
    ACCEPTED = "accepted", _("accepted a clause")
    CHANGE_PROPOSED = "change_proposed", _("proposed a change to a clause")
    COUNTERED = "countered", _("answered with another wording")
    CLAUSE_ADDED = "clause_added", _("proposed a new clause")
    REMOVAL_PROPOSED = "removal_proposed", _("proposed removing a clause")
    REMOVED = "removed", _("accepted removing a clause")
    DECLINED = "declined", _("kept the agreed wording of a clause")
    WITHDRAWN = "withdrawn", _("withdrew their proposed change")
    ACTIVATED = "activated", _("Both partners accepted every clause")
    NEW_VERSION = "new_version", _("Both partners agreed a new version")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("withdrew consent: paused")
    CONSENT_GIVEN = "consent_given", _("gave consent again")
    RESUMED = "resumed", _("Active again")
    SET_ASIDE = "set_aside", _("set the proposal aside")
    ENDED = "ended", _("ended the agreement")
    LAPSED = "lapsed", _("The time box ended without renewal")
    RENEWAL_PROPOSED = "renewal_proposed", _("proposed renewing it")
    RENEWED = "renewed", _("accepted the renewal")
    RENEWAL_DECLINED = "renewal_declined", _("declined the renewal")
    RENEWAL_WITHDRAWN = "renewal_withdrawn", _("withdrew the renewal")
    REVIEWED = "reviewed", _("marked it as reviewed")


class AgreementEvent(HistoryEntry):
    """One step in an agreement's life (the clock's: a time box ending)."""

    RECORD_OF = "agreement"

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    clause = optional_link(Clause, on_delete=models.CASCADE)
    version = optional_link(ClauseVersion, on_delete=models.CASCADE)
    # The agreement's version number after this step, and a date where the
    # step set one (a review date, a renewal's end).
    agreement_version = models.PositiveIntegerField(default=0)
    on_date = models.DateField(null=True, blank=True)

    class Meta(HistoryEntry.Meta):
        indexes = [
            # The clock tells both partners of a time box that ended lately.
            models.Index(
                fields=["created"],
                condition=Q(kind="lapsed"),
                name="agreements_lapsed_recent",
            )
        ]


# Reading the state of clauses


@dataclass
class ClauseState:
    """A clause with its agreed wording (if any) and a pending proposal."""

    clause: Clause
    versions: list[ClauseVersion] = field(default_factory=list)

    @property
    def latest(self) -> ClauseVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def pending(self) -> ClauseVersion | None:
        latest = self.latest
        return latest if latest is not None and latest.is_pending else None

    @property
    def agreed(self) -> ClauseVersion | None:
        for version in reversed(self.versions):
            if version.state == VersionState.ACCEPTED and not version.removal:
                return version
        return None

    @property
    def is_live(self) -> bool:
        return self.clause.removed_at is None

    def waits_for(self, user) -> bool:
        pending = self.pending
        return pending is not None and pending.author_id != user.pk

    def is_mine(self, user) -> bool:
        """Whether the pending proposal on this clause is `user`'s."""
        pending = self.pending
        return pending is not None and pending.author_id == user.pk


def clause_states(
    agreement: Agreement, *, include_removed: bool = False
) -> list[ClauseState]:
    """Every clause of `agreement` with its versions: two queries, or none
    where the page prefetched the agreement's `clauses` and
    `clause_versions`."""
    clauses = list(agreement.clauses.all())
    by_clause: dict[int, list[ClauseVersion]] = {c.pk: [] for c in clauses}
    for version in agreement.clause_versions.all():
        by_clause.setdefault(version.clause_id, []).append(version)
    states = [ClauseState(clause, by_clause.get(clause.pk, [])) for clause in clauses]
    if not include_removed:
        states = [s for s in states if s.is_live]
    return states


def clause_state(clause: Clause) -> ClauseState:
    """One clause with its versions, read through its agreement (prefetched
    on the agreement's page)."""
    versions = [
        v for v in clause.agreement.clause_versions.all() if v.clause_id == clause.pk
    ]
    return ClauseState(clause, versions)
