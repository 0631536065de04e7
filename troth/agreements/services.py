"""Every step an agreement can take, each by the right person only.

    proposed --(the other accepts every clause)--> active (version 1)
    proposed --(either answers a clause with another wording)--> proposed
    proposed --(either sets it aside)--> ended
    active   --(one proposes a change; the other accepts)--> active, version+1
             (or the other keeps the agreed wording, or the author withdraws)
    active   --(either withdraws consent)--> paused
    paused   --(everyone who withdrew gives consent again)--> active
    active/paused --(either ends it, or its time box passes)--> ended

Nobody accepts their own wording; nobody changes agreed wording without the
other's consent. Each function locks the agreement row, checks that this
person may take this step now, works in one transaction, appends to the
history and records an Activity. A step that is not allowed raises
`ValidationError` with words for the person, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.agreements.models import (
    DEFAULT_REVIEW_DAYS,
    Agreement,
    AgreementEvent,
    Clause,
    ClauseVersion,
    ConsentWithdrawal,
    EventKind,
    Status,
    Topic,
    VersionState,
)
from troth.lib.time import local_today
from troth.spaces.models import Membership, Space
from troth.spaces.services import activity_record

TITLE_MAX = 120
CLAUSE_MAX = 600
MAX_CLAUSES = 20
REVIEW_DAYS_MIN = 7
REVIEW_DAYS_MAX = 365
LONGEST_TIME_BOX = dt.timedelta(days=3 * 365)


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _require_partner(space: Space, user) -> None:
    if not space.is_open:
        raise _refuse(
            _("This space is closed, so agreements can no longer change."), "closed"
        )
    if not Membership.objects.active().filter(space=space, user=user).exists():
        raise _refuse(_("Only the partners in this space can do that."), "not_member")


def _clean_text(text: str, *, limit: int, empty_message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise _refuse(empty_message, "empty")
    if len(text) > limit:
        raise _refuse(
            _("Keep it under %(limit)s characters.") % {"limit": limit}, "too_long"
        )
    return text


def _lock(agreement: Agreement) -> Agreement:
    """The agreement as it is now, locked until the transaction ends."""
    return Agreement.objects.select_for_update().get(pk=agreement.pk)


def _refresh(target: Agreement, source: Agreement) -> None:
    for f in Agreement._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))


def _event(agreement: Agreement, *, by, kind: str, **fields) -> AgreementEvent:
    return AgreementEvent.objects.create(
        agreement=agreement,
        actor=by,
        kind=kind,
        agreement_version=agreement.version,
        created=fields.pop("now", None) or timezone.now(),
        **fields,
    )


def _partner(agreement: Agreement, user):
    return agreement.space.partner_of(user)


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


def clause_states(agreement: Agreement, *, include_removed: bool = False):
    """Every clause of `agreement` with its versions, in two queries."""
    clauses = list(agreement.clauses.all())
    by_clause: dict[int, list[ClauseVersion]] = {c.pk: [] for c in clauses}
    for version in (
        ClauseVersion.objects.filter(agreement=agreement)
        .select_related("author", "decided_by")
        .order_by("clause_id", "number")
    ):
        by_clause.setdefault(version.clause_id, []).append(version)
    states = [ClauseState(clause, by_clause.get(clause.pk, [])) for clause in clauses]
    if not include_removed:
        states = [s for s in states if s.is_live]
    return states


def agreed_clause_choices(*, space, user) -> list[tuple[int, str]]:
    """(clause id, "Agreement: agreed wording") for every live clause with an
    agreed wording in the space's active or paused agreements that `user`
    can see. Three queries however many agreements; the wording is
    decrypted in Python. Promises and repairs use it to point at a clause."""
    agreements = {
        a.pk: a
        for a in Agreement.objects.visible_to(user).filter(
            space=space, status__in=[Status.ACTIVE, Status.PAUSED]
        )
    }
    if not agreements:
        return []
    versions: dict[int, list[ClauseVersion]] = {}
    for version in ClauseVersion.objects.filter(agreement_id__in=agreements).order_by(
        "clause_id", "number"
    ):
        versions.setdefault(version.clause_id, []).append(version)
    choices = []
    for clause in Clause.objects.filter(
        agreement_id__in=agreements, removed_at__isnull=True
    ).order_by("agreement_id", "position", "id"):
        agreed = ClauseState(clause, versions.get(clause.pk, [])).agreed
        if agreed is not None:
            text = agreed.text or ""
            short = f"{text[:80]}…" if len(text) > 80 else text
            choices.append(
                (clause.pk, f"{agreements[clause.agreement_id].title}: {short}")
            )
    return choices


def _state_of(clause: Clause) -> ClauseState:
    versions = list(
        ClauseVersion.objects.filter(clause=clause).order_by("number").all()
    )
    return ClauseState(clause, versions)


def _clause_for(agreement: Agreement, clause: Clause) -> Clause:
    fresh = Clause.objects.filter(pk=clause.pk, agreement=agreement).first()
    if fresh is None:
        raise _refuse(_("That clause belongs to another agreement."), "wrong_clause")
    if fresh.removed_at is not None:
        raise _refuse(
            _("That clause is no longer part of the agreement."), "clause_removed"
        )
    return fresh


def _require_open(agreement: Agreement) -> None:
    if agreement.status == Status.ENDED:
        raise _refuse(
            _("This agreement has ended, so it can't change any more."), "ended"
        )


def _new_version(
    clause: Clause, *, by, text: str = "", removal: bool = False, now
) -> ClauseVersion:
    number = (
        ClauseVersion.objects.filter(clause=clause).aggregate(n=Max("number"))["n"] or 0
    ) + 1
    return ClauseVersion.objects.create(
        clause=clause,
        agreement_id=clause.agreement_id,
        number=number,
        text=text,
        removal=removal,
        author=by,
        created=now,
    )


def _decide(version: ClauseVersion, *, state: str, by, now) -> None:
    version.state = state
    version.decided_by = by
    version.decided_at = now
    version.save(update_fields=["state", "decided_by", "decided_at"])


def _settle(agreement: Agreement, *, by, now, change_accepted: bool) -> str | None:
    """After an answer: make a fully accepted proposal active, or count a new
    version of an active one. Returns the event kind it recorded, if any."""
    states = clause_states(agreement)
    if any(s.pending for s in states):
        if change_accepted and agreement.status != Status.PROPOSED:
            return _bump_version(agreement, by=by, now=now)
        return None
    if agreement.status == Status.PROPOSED:
        if not states:
            return None
        agreement.status = Status.ACTIVE
        agreement.version = 1
        agreement.activated_at = now
        agreement.review_on = local_today(by.tz, now) + dt.timedelta(
            days=agreement.review_days
        )
        agreement.save(
            update_fields=["status", "version", "activated_at", "review_on", "updated"]
        )
        _event(agreement, by=None, kind=EventKind.ACTIVATED, now=now)
        return EventKind.ACTIVATED
    if change_accepted:
        return _bump_version(agreement, by=by, now=now)
    return None


def _bump_version(agreement: Agreement, *, by, now) -> str:
    agreement.version += 1
    agreement.save(update_fields=["version", "updated"])
    _event(agreement, by=None, kind=EventKind.NEW_VERSION, now=now)
    return EventKind.NEW_VERSION


# Proposing


def _clause_texts(clauses: list[str]) -> list[str]:
    """The proposal's clauses, stripped and blanks dropped, each checked."""
    texts = [t.strip() for t in clauses if t and t.strip()]
    if not texts:
        raise ValidationError(
            {"clauses": _("Write at least one clause.")}, code="no_clauses"
        )
    if len(texts) > MAX_CLAUSES:
        raise ValidationError(
            {
                "clauses": _("An agreement can have up to %(n)s clauses.")
                % {"n": MAX_CLAUSES}
            },
            code="too_many",
        )
    for text in texts:
        if len(text) > CLAUSE_MAX:
            raise ValidationError(
                {
                    "clauses": _("Keep each clause under %(limit)s characters.")
                    % {"limit": CLAUSE_MAX}
                },
                code="too_long",
            )
    return texts


def _check_terms(
    *, by, topic: str, review_days: int, ends_on: dt.date | None, now: dt.datetime
) -> None:
    """The proposal's topic, review interval and optional end day."""
    if topic not in Topic.values:
        raise ValidationError({"topic": _("Choose a topic from the list.")})
    if not REVIEW_DAYS_MIN <= review_days <= REVIEW_DAYS_MAX:
        raise ValidationError(
            {
                "review_days": _(
                    "Choose a review between %(low)s and %(high)s days away."
                )
                % {"low": REVIEW_DAYS_MIN, "high": REVIEW_DAYS_MAX}
            }
        )
    if ends_on is not None:
        today = local_today(by.tz, now)
        if ends_on <= today:
            raise ValidationError({"ends_on": _("Choose an end date after today.")})
        if ends_on > today + LONGEST_TIME_BOX:
            raise ValidationError(
                {"ends_on": _("Choose an end date within three years.")}
            )


def agreement_propose(
    *,
    space: Space,
    by,
    title: str,
    clauses: list[str],
    topic: str = Topic.OTHER,
    review_days: int = DEFAULT_REVIEW_DAYS,
    ends_on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Agreement:
    """Propose an agreement to the partner: a title and its clauses. It
    becomes active once the partner has accepted every clause. `ends_on`
    makes it time-boxed: it ends after that day unless both renew it."""
    now = now or timezone.now()
    title = _clean_text(
        title, limit=TITLE_MAX, empty_message=_("Give the agreement a title.")
    )
    texts = _clause_texts(clauses)
    _check_terms(by=by, topic=topic, review_days=review_days, ends_on=ends_on, now=now)
    with transaction.atomic():
        _require_partner(space, by)
        partner = space.partner_of(by)
        if partner is None:
            raise _refuse(
                _("Your partner hasn't joined yet: an agreement needs both of you."),
                "no_partner",
            )
        agreement = Agreement.objects.create(
            space=space,
            author=by,
            title=title,
            topic=topic,
            review_days=review_days,
            ends_on=ends_on,
            created=now,
        )
        for position, text in enumerate(texts, start=1):
            clause = Clause.objects.create(
                agreement=agreement, position=position, created=now
            )
            _new_version(clause, by=by, text=text, now=now)
        _event(agreement, by=by, kind=EventKind.PROPOSED, now=now)
        activity_record(
            space=space,
            actor=by,
            verb="agreement.proposed",
            target=agreement,
            recipient=partner,
        )
    return agreement


# Answering a clause


def clause_accept(
    *, agreement: Agreement, clause: Clause, by, now: dt.datetime | None = None
) -> str | None:
    """Accept the wording (or removal) the partner proposed for a clause.

    Returns "activated" when this made the agreement active, "new_version"
    when it agreed a change to an active one."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        clause = _clause_for(fresh, clause)
        was_proposed = fresh.status == Status.PROPOSED
        _accept_one(fresh, clause, by=by, now=now)
        outcome = _settle(fresh, by=by, now=now, change_accepted=not was_proposed)
        _record_acceptance(fresh, by=by, outcome=outcome, was_proposed=was_proposed)
        _refresh(agreement, fresh)
    return outcome


def _accept_one(agreement: Agreement, clause: Clause, *, by, now) -> None:
    state = _state_of(clause)
    pending = state.pending
    if pending is None:
        raise _refuse(
            _("There is nothing waiting for an answer on this clause."), "no_pending"
        )
    if pending.author_id == by.pk:
        raise _refuse(
            _("You proposed this wording: your partner is the one to accept it."),
            "own_proposal",
        )
    _decide(pending, state=VersionState.ACCEPTED, by=by, now=now)
    if pending.removal:
        clause.removed_at = now
        clause.save(update_fields=["removed_at"])
    _event(
        agreement,
        by=by,
        kind=EventKind.REMOVED if pending.removal else EventKind.ACCEPTED,
        clause=clause,
        version=pending,
        now=now,
    )


def _record_acceptance(
    agreement: Agreement, *, by, outcome: str | None, was_proposed: bool
) -> None:
    """One activity per answer: the partner hears when a proposal becomes
    active or a change is agreed, not about every single clause."""
    if outcome == EventKind.ACTIVATED:
        verb = "agreement.active"
    elif not was_proposed:
        verb = "agreement.change_accepted"
    else:
        verb = "agreement.clause_accepted"
    activity_record(
        space=agreement.space,
        actor=by,
        verb=verb,
        target=agreement,
        recipient=(
            _partner(agreement, by) if verb != "agreement.clause_accepted" else None
        ),
    )


def agreement_accept_all(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> int:
    """Accept every clause waiting for `by`'s answer. Returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        waiting = [s.clause for s in clause_states(fresh) if s.waits_for(by)]
        if not waiting:
            raise _refuse(
                _("Nothing in this agreement is waiting for your answer."),
                "no_pending",
            )
        was_proposed = fresh.status == Status.PROPOSED
        for clause in waiting:
            _accept_one(fresh, clause, by=by, now=now)
        outcome = _settle(fresh, by=by, now=now, change_accepted=not was_proposed)
        _record_acceptance(fresh, by=by, outcome=outcome, was_proposed=was_proposed)
        _refresh(agreement, fresh)
    return len(waiting)


def _record_proposal(
    agreement: Agreement, *, by, kind: str, clause: Clause, version, now
) -> None:
    """The history entry and the partner's notice for a proposed wording,
    removal or new clause: the partner has something to answer."""
    agreement.save(update_fields=["updated"])
    _event(agreement, by=by, kind=kind, clause=clause, version=version, now=now)
    activity_record(
        space=agreement.space,
        actor=by,
        verb="agreement.change_proposed",
        target=agreement,
        recipient=_partner(agreement, by),
    )


def clause_propose_change(
    *,
    agreement: Agreement,
    clause: Clause,
    by,
    text: str,
    now: dt.datetime | None = None,
) -> ClauseVersion:
    """Propose new wording for a clause. On an active agreement the agreed
    wording stays in force until the partner accepts; answering the
    partner's proposal with another wording replaces theirs."""
    now = now or timezone.now()
    text = _clean_text(
        text, limit=CLAUSE_MAX, empty_message=_("Write the wording you propose.")
    )
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        clause = _clause_for(fresh, clause)
        state = _state_of(clause)
        pending = state.pending
        agreed = state.agreed
        if pending is not None and not pending.removal and pending.text == text:
            raise _refuse(
                _(
                    "That is the wording already proposed. Accept it, or write "
                    "something different."
                ),
                "same_as_pending",
            )
        if pending is None and agreed is not None and agreed.text == text:
            raise _refuse(
                _("That is the wording you already agreed. Nothing changed."),
                "same_as_agreed",
            )
        kind = EventKind.CHANGE_PROPOSED
        if pending is not None:
            if pending.author_id == by.pk:
                _decide(pending, state=VersionState.WITHDRAWN, by=by, now=now)
            else:
                _decide(pending, state=VersionState.SUPERSEDED, by=by, now=now)
                kind = EventKind.COUNTERED
        version = _new_version(clause, by=by, text=text, now=now)
        _record_proposal(
            fresh, by=by, kind=kind, clause=clause, version=version, now=now
        )
        _refresh(agreement, fresh)
    return version


def clause_propose_removal(
    *, agreement: Agreement, clause: Clause, by, now: dt.datetime | None = None
) -> ClauseVersion:
    """Propose taking a clause out of the agreement; the partner answers."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        clause = _clause_for(fresh, clause)
        state = _state_of(clause)
        if state.agreed is None:
            raise _refuse(
                _(
                    "This clause hasn't been agreed yet. Withdraw your wording, "
                    "or answer your partner's, instead of removing it."
                ),
                "not_agreed",
            )
        pending = state.pending
        if pending is not None and pending.removal:
            raise _refuse(
                _("Removing this clause is already proposed."), "already_proposed"
            )
        live = [s for s in clause_states(fresh) if s.agreed is not None]
        if len(live) <= 1:
            raise _refuse(
                _(
                    "This is the agreement's only clause. To stop it, withdraw "
                    "your consent or end the agreement instead."
                ),
                "last_clause",
            )
        if pending is not None:
            _decide(
                pending,
                state=(
                    VersionState.WITHDRAWN
                    if pending.author_id == by.pk
                    else VersionState.SUPERSEDED
                ),
                by=by,
                now=now,
            )
        version = _new_version(clause, by=by, removal=True, now=now)
        _record_proposal(
            fresh,
            by=by,
            kind=EventKind.REMOVAL_PROPOSED,
            clause=clause,
            version=version,
            now=now,
        )
        _refresh(agreement, fresh)
    return version


def clause_add(
    *, agreement: Agreement, by, text: str, now: dt.datetime | None = None
) -> Clause:
    """Propose a new clause; it joins the agreement when the partner accepts."""
    now = now or timezone.now()
    text = _clean_text(
        text, limit=CLAUSE_MAX, empty_message=_("Write the clause you propose.")
    )
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        if len(clause_states(fresh)) >= MAX_CLAUSES:
            raise _refuse(
                _("An agreement can have up to %(n)s clauses.") % {"n": MAX_CLAUSES},
                "too_many",
            )
        position = (
            Clause.objects.filter(agreement=fresh).aggregate(n=Max("position"))["n"]
            or 0
        ) + 1
        clause = Clause.objects.create(agreement=fresh, position=position, created=now)
        version = _new_version(clause, by=by, text=text, now=now)
        _record_proposal(
            fresh,
            by=by,
            kind=EventKind.CLAUSE_ADDED,
            clause=clause,
            version=version,
            now=now,
        )
        _refresh(agreement, fresh)
    return clause


def _drop_if_never_agreed(
    agreement: Agreement, clause: Clause, state: ClauseState, now
) -> bool:
    """A clause that was never agreed leaves the agreement when its only
    proposal is declined or withdrawn."""
    if state.agreed is not None:
        return False
    others = [
        s for s in clause_states(agreement) if s.clause.pk != clause.pk and s.is_live
    ]
    if not others:
        raise _refuse(
            _(
                "This is the proposal's only clause. To say no to the whole "
                "proposal, set it aside instead."
            ),
            "last_clause",
        )
    clause.removed_at = now
    clause.save(update_fields=["removed_at"])
    return True


def clause_decline(
    *, agreement: Agreement, clause: Clause, by, now: dt.datetime | None = None
) -> str | None:
    """Say no to the partner's proposed change: the agreed wording stays (a
    clause that was never agreed is left out)."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        clause = _clause_for(fresh, clause)
        state = _state_of(clause)
        pending = state.pending
        if pending is None:
            raise _refuse(
                _("There is nothing waiting for an answer on this clause."),
                "no_pending",
            )
        if pending.author_id == by.pk:
            raise _refuse(
                _("This is your own proposal: you can withdraw it instead."),
                "own_proposal",
            )
        _drop_if_never_agreed(fresh, clause, state, now)
        _decide(pending, state=VersionState.DECLINED, by=by, now=now)
        _event(
            fresh,
            by=by,
            kind=EventKind.DECLINED,
            clause=clause,
            version=pending,
            now=now,
        )
        outcome = _settle(fresh, by=by, now=now, change_accepted=False)
        activity_record(
            space=fresh.space,
            actor=by,
            verb=(
                "agreement.active"
                if outcome == EventKind.ACTIVATED
                else "agreement.change_declined"
            ),
            target=fresh,
            recipient=pending.author,
        )
        _refresh(agreement, fresh)
    return outcome


def clause_withdraw(
    *, agreement: Agreement, clause: Clause, by, now: dt.datetime | None = None
) -> str | None:
    """Withdraw one's own pending wording for a clause."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        clause = _clause_for(fresh, clause)
        state = _state_of(clause)
        pending = state.pending
        if pending is None or pending.author_id != by.pk:
            raise _refuse(
                _("You have no proposal waiting on this clause."), "no_own_pending"
            )
        _drop_if_never_agreed(fresh, clause, state, now)
        _decide(pending, state=VersionState.WITHDRAWN, by=by, now=now)
        _event(
            fresh,
            by=by,
            kind=EventKind.WITHDRAWN,
            clause=clause,
            version=pending,
            now=now,
        )
        outcome = _settle(fresh, by=by, now=now, change_accepted=False)
        activity_record(
            space=fresh.space,
            actor=by,
            verb=(
                "agreement.active"
                if outcome == EventKind.ACTIVATED
                else "agreement.change_withdrawn"
            ),
            target=fresh,
            recipient=_partner(fresh, by),
        )
        _refresh(agreement, fresh)
    return outcome


# Consent


def agreement_withdraw_consent(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    """Withdraw consent, at any time and for any reason: the agreement is
    paused at once, and the partner is told."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        if fresh.status == Status.PROPOSED:
            raise _refuse(
                _(
                    "This agreement isn't active yet. To say no to it, set the "
                    "proposal aside."
                ),
                "not_active",
            )
        if fresh.withdrawals.filter(user=by, restored_at__isnull=True).exists():
            raise _refuse(
                _("You have already withdrawn your consent."), "already_withdrawn"
            )
        ConsentWithdrawal.objects.create(agreement=fresh, user=by, created=now)
        fresh.status = Status.PAUSED
        fresh.save(update_fields=["status", "updated"])
        _event(fresh, by=by, kind=EventKind.CONSENT_WITHDRAWN, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="agreement.paused",
            target=fresh,
            recipient=_partner(fresh, by),
        )
        _refresh(agreement, fresh)


def agreement_give_consent(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> bool:
    """Give consent again after withdrawing it. The agreement is active
    again once nobody's consent is withdrawn. Returns whether it is."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        mine = fresh.withdrawals.filter(user=by, restored_at__isnull=True).first()
        if mine is None:
            raise _refuse(
                _(
                    "Your consent isn't withdrawn. Only the partner who paused "
                    "an agreement can give consent again."
                ),
                "not_withdrawn",
            )
        mine.restored_at = now
        mine.save(update_fields=["restored_at"])
        _event(fresh, by=by, kind=EventKind.CONSENT_GIVEN, now=now)
        active = not fresh.withdrawals.filter(restored_at__isnull=True).exists()
        if active:
            fresh.status = Status.ACTIVE
            fresh.save(update_fields=["status", "updated"])
            _event(fresh, by=None, kind=EventKind.RESUMED, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="agreement.resumed" if active else "agreement.consent_given",
            target=fresh,
            recipient=_partner(fresh, by),
        )
        _refresh(agreement, fresh)
    return active


def agreement_set_aside(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    """Say no to a whole proposal (or take back one's own): it ends, and stays
    in the history."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        if fresh.status != Status.PROPOSED:
            raise _refuse(
                _(
                    "Only a proposal can be set aside. To stop an agreement, "
                    "withdraw your consent or end it."
                ),
                "not_proposed",
            )
        _end(fresh, now=now)
        _event(fresh, by=by, kind=EventKind.SET_ASIDE, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="agreement.set_aside",
            target=fresh,
            recipient=_partner(fresh, by),
        )
        _refresh(agreement, fresh)


def _end(agreement: Agreement, *, now) -> None:
    agreement.status = Status.ENDED
    agreement.ended_at = now
    agreement.renewal_until = None
    agreement.renewal_by = None
    agreement.save(
        update_fields=["status", "ended_at", "renewal_until", "renewal_by", "updated"]
    )
    ClauseVersion.objects.filter(
        agreement=agreement, state=VersionState.PENDING
    ).update(state=VersionState.WITHDRAWN, decided_at=now)


def agreement_end(*, agreement: Agreement, by, now: dt.datetime | None = None) -> None:
    """End an active or paused agreement. Either partner may: consent can be
    withdrawn at any time. It stays readable in the history."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        if fresh.status == Status.PROPOSED:
            raise _refuse(
                _("This is still a proposal: set it aside instead."), "proposed"
            )
        _end(fresh, now=now)
        _event(fresh, by=by, kind=EventKind.ENDED, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="agreement.ended",
            target=fresh,
            recipient=_partner(fresh, by),
        )
        _refresh(agreement, fresh)


# Review and time box


def agreement_review(
    *,
    agreement: Agreement,
    by,
    next_review_on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> dt.date:
    """Record that the two of you looked at the agreement together, and set
    when to look again (by default, the agreement's review interval)."""
    now = now or timezone.now()
    today = local_today(by.tz, now)
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        if fresh.status == Status.PROPOSED:
            raise _refuse(
                _("A proposal is reviewed by answering its clauses."), "proposed"
            )
        if next_review_on is None:
            next_review_on = today + dt.timedelta(days=fresh.review_days)
        if next_review_on <= today:
            raise ValidationError(
                {"next_review_on": _("Choose a date after today.")}, code="past"
            )
        if next_review_on > today + dt.timedelta(days=REVIEW_DAYS_MAX):
            raise ValidationError(
                {"next_review_on": _("Choose a date within a year.")}, code="far"
            )
        fresh.review_on = next_review_on
        fresh.save(update_fields=["review_on", "updated"])
        _event(fresh, by=by, kind=EventKind.REVIEWED, on_date=next_review_on, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="agreement.reviewed",
            target=fresh,
            recipient=_partner(fresh, by),
        )
        _refresh(agreement, fresh)
    return next_review_on


def agreement_renewal_propose(
    *, agreement: Agreement, by, until: dt.date, now: dt.datetime | None = None
) -> None:
    """Propose keeping a time-boxed agreement going until `until`."""
    now = now or timezone.now()
    today = local_today(by.tz, now)
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        if fresh.ends_on is None:
            raise _refuse(
                _("This agreement has no end date, so there is nothing to renew."),
                "no_time_box",
            )
        if fresh.status == Status.PROPOSED:
            raise _refuse(
                _("Answer the proposal first; it can be renewed once active."),
                "proposed",
            )
        if fresh.has_renewal:
            raise _refuse(
                _("A renewal is already waiting for an answer."), "renewal_pending"
            )
        if until <= max(today, fresh.ends_on):
            raise ValidationError(
                {"until": _("Choose a date after the current end date.")},
                code="too_early",
            )
        if until > today + LONGEST_TIME_BOX:
            raise ValidationError(
                {"until": _("Choose an end date within three years.")}, code="far"
            )
        fresh.renewal_until = until
        fresh.renewal_by = by
        fresh.save(update_fields=["renewal_until", "renewal_by", "updated"])
        _event(fresh, by=by, kind=EventKind.RENEWAL_PROPOSED, on_date=until, now=now)
        activity_record(
            space=fresh.space,
            actor=by,
            verb="agreement.renewal_proposed",
            target=fresh,
            recipient=_partner(fresh, by),
        )
        _refresh(agreement, fresh)


def _require_renewal_answerer(fresh: Agreement, by) -> None:
    if not fresh.has_renewal:
        raise _refuse(_("No renewal is waiting for an answer."), "no_renewal")
    if fresh.renewal_by_id == by.pk:
        raise _refuse(
            _("You proposed this renewal: your partner is the one to answer it."),
            "own_renewal",
        )


def _close_renewal(
    fresh: Agreement,
    *,
    by,
    kind: str,
    verb: str,
    recipient,
    now: dt.datetime,
    renew: bool = False,
) -> None:
    """Settle a pending renewal: accepted (`renew`: the new end date takes
    effect), declined or withdrawn; recorded in the history and told to
    `recipient`."""
    fields = ["renewal_until", "renewal_by", "updated"]
    if renew:
        fresh.ends_on = fresh.renewal_until
        fields.append("ends_on")
    fresh.renewal_until = None
    fresh.renewal_by = None
    fresh.save(update_fields=fields)
    _event(fresh, by=by, kind=kind, on_date=fresh.ends_on if renew else None, now=now)
    activity_record(
        space=fresh.space, actor=by, verb=verb, target=fresh, recipient=recipient
    )


def agreement_renewal_accept(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        _require_renewal_answerer(fresh, by)
        _close_renewal(
            fresh,
            by=by,
            kind=EventKind.RENEWED,
            verb="agreement.renewed",
            recipient=fresh.renewal_by,
            now=now,
            renew=True,
        )
        _refresh(agreement, fresh)


def agreement_renewal_decline(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        _require_renewal_answerer(fresh, by)
        _close_renewal(
            fresh,
            by=by,
            kind=EventKind.RENEWAL_DECLINED,
            verb="agreement.renewal_declined",
            recipient=fresh.renewal_by,
            now=now,
        )
        _refresh(agreement, fresh)


def agreement_renewal_withdraw(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _lock(agreement)
        _require_partner(fresh.space, by)
        _require_open(fresh)
        if not fresh.has_renewal or fresh.renewal_by_id != by.pk:
            raise _refuse(
                _("You have no renewal waiting for an answer."), "no_own_renewal"
            )
        _close_renewal(
            fresh,
            by=by,
            kind=EventKind.RENEWAL_WITHDRAWN,
            verb="agreement.renewal_withdrawn",
            recipient=_partner(fresh, by),
            now=now,
        )
        _refresh(agreement, fresh)


def agreement_lapse(*, agreement: Agreement, now: dt.datetime | None = None) -> bool:
    """End a time-boxed agreement whose last day has passed for both
    partners (they may live in different time zones). Run by the clock;
    idempotent. Returns whether it ended now."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if fresh.status not in (Status.ACTIVE, Status.PAUSED) or fresh.ends_on is None:
            return False
        partners = fresh.space.partners or [fresh.author]
        if any(local_today(p.tz, now) <= fresh.ends_on for p in partners):
            return False
        _end(fresh, now=now)
        # No Activity: nobody did this. The job tells both partners.
        _event(fresh, by=None, kind=EventKind.LAPSED, now=now)
        _refresh(agreement, fresh)
    return True
