"""Every step an agreement can take, each by the right person only.

The steps are declared in `troth.agreements.steps` (who may take each, from
which state, what it leaves in the history and who is told); each function
here takes one with `STEPS.take`, which locks the agreement row, checks that
this person may take this step now and, in one transaction, appends an
AgreementEvent and records an Activity for the partner. A step on one
clause also checks the clause (`CLAUSE_STEPS`). A step that is not allowed
raises `Refused` with words for the person, and changes nothing; input that
isn't right (an empty wording, a date in the past) raises a plain
`ValidationError`.

Nobody accepts their own wording; nobody changes agreed wording without the
other's consent. An answer can settle the agreement: a proposal whose every
clause is accepted becomes active, an agreed change counts a new version;
that is written in the history after the answer itself.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from troth.agreements.models import (
    DEFAULT_REVIEW_DAYS,
    MAX_CLAUSES,
    Agreement,
    Clause,
    ClauseState,
    ClauseVersion,
    ConsentWithdrawal,
    EventKind,
    Status,
    Topic,
    VersionState,
    clause_state,
    clause_states,
)
from troth.agreements.steps import CLAUSE_STEPS, HISTORY, STEPS
from troth.lib.numbering import next_number
from troth.lib.time import local_today
from troth.spaces.models import Space
from troth.spaces.services import activity_record
from troth.spaces.steps import (
    NOBODY,
    Refused,
    Taking,
    copy_back,
    lock,
    require_both_partners,
)

TITLE_MAX = 120
CLAUSE_MAX = 600
REVIEW_DAYS_MIN = 7
REVIEW_DAYS_MAX = 365
LONGEST_TIME_BOX = dt.timedelta(days=3 * 365)


def _clean_text(text: str, *, empty_message: str, limit: int = CLAUSE_MAX) -> str:
    """`text` stripped, or why it can't be: empty, or longer than `limit` (a
    clause's, unless said)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(empty_message, code="empty")
    if len(text) > limit:
        raise ValidationError(
            _("Keep it under %(limit)s characters.") % {"limit": limit},
            code="too_long",
        )
    return text


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


def _clause_of(step: Taking, clause: Clause) -> Clause:
    """`clause` as it is now, a clause of the agreement being stepped, that
    this step may be taken on."""
    fresh = Clause.objects.filter(pk=clause.pk, agreement=step.obj).first()
    if fresh is None:
        raise Refused(_("That clause belongs to another agreement."), "wrong_clause")
    fresh.agreement = step.obj
    CLAUSE_STEPS.check(step.step.name, fresh, step.by, step.now)
    return fresh


# Settling: what an answer may make of the agreement


def _settle(agreement: Agreement, *, by, now, change_accepted: bool) -> str | None:
    """After an answer: make a fully accepted proposal active, or count a new
    version of an active one (the fields set, not saved). Returns the kind
    of history entry that says so, if any."""
    if agreement.status == Status.PROPOSED:
        states = clause_states(agreement)
        if not states or any(s.pending for s in states):
            return None
        agreement.status = Status.ACTIVE
        agreement.version = 1
        agreement.activated_at = now
        agreement.review_on = local_today(by.tz, now) + dt.timedelta(
            days=agreement.review_days
        )
        return EventKind.ACTIVATED
    if change_accepted:
        agreement.version += 1
        return EventKind.NEW_VERSION
    return None


def _settled(agreement: Agreement, step: Taking, outcome: str | None) -> None:
    """After the answer's own history entry: the agreement's settling, if
    any, as a second entry by nobody (both did it). A step appends one
    entry of its own, so this one is appended once the step is taken."""
    if outcome is not None:
        HISTORY.append(agreement, by=None, kind=outcome, now=step.now)


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
        partner = require_both_partners(
            space,
            by,
            missing=_(
                "Your partner hasn't joined yet: an agreement needs both of you."
            ),
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
            ClauseVersion.next_for(clause, by=by, text=text, at=now)
        HISTORY.append(agreement, by=by, kind=EventKind.PROPOSED, now=now)
        activity_record(
            space=space,
            actor=by,
            verb="agreement.proposed",
            target=agreement,
            recipient=partner,
        )
    return agreement


# Answering a clause


def _accept_one(agreement: Agreement, state: ClauseState, *, by, now) -> None:
    pending = state.pending
    assert pending is not None  # the step's checks saw it waiting
    pending.decide(VersionState.ACCEPTED, by=by, at=now)
    clause = state.clause
    if pending.removal:
        clause.removed_at = now
        clause.save(update_fields=["removed_at"])
    HISTORY.append(
        agreement,
        by=by,
        kind=EventKind.REMOVED if pending.removal else EventKind.ACCEPTED,
        now=now,
        clause=clause,
        version=pending,
    )


def _accept(step: Taking, states: list[ClauseState]) -> str | None:
    """Accept what waits on each clause of `states`, then settle. One
    activity per answer: the partner hears when a proposal becomes active
    or a change is agreed, not about every single clause."""
    fresh = step.obj
    was_proposed = fresh.status == Status.PROPOSED
    for state in states:
        _accept_one(fresh, state, by=step.by, now=step.now)
    outcome = _settle(fresh, by=step.by, now=step.now, change_accepted=not was_proposed)
    step.save = outcome is not None
    if outcome == EventKind.ACTIVATED:
        step.verb = "agreement.active"
    elif not was_proposed:
        step.verb = "agreement.change_accepted"
    else:
        # A clause of a proposal still open: the partner hears when the
        # whole proposal is accepted.
        step.recipient = NOBODY
    return outcome


def clause_accept(
    *, agreement: Agreement, clause: Clause, by, now: dt.datetime | None = None
) -> str | None:
    """Accept the wording (or removal) the partner proposed for a clause.

    Returns "activated" when this made the agreement active, "new_version"
    when it agreed a change to an active one."""
    with transaction.atomic():
        with STEPS.take("accept_clause", agreement, by=by, now=now) as step:
            fresh = _clause_of(step, clause)
            outcome = _accept(step, [clause_state(fresh)])
        _settled(agreement, step, outcome)
    return outcome


def agreement_accept_all(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> int:
    """Accept every clause waiting for `by`'s answer. Returns how many."""
    with transaction.atomic():
        with STEPS.take("accept_all", agreement, by=by, now=now) as step:
            waiting = [s for s in clause_states(step.obj) if s.waits_for(by)]
            outcome = _accept(step, waiting)
        _settled(agreement, step, outcome)
    return len(waiting)


def _answer(step: Taking, clause: Clause, *, state: str) -> str | None:
    """Decline or withdraw (`state`) what waits on `clause`: the agreed
    wording stays, and a clause that was never agreed leaves the
    agreement. Then settle: the proposal's other clauses may all be
    accepted."""
    fresh = step.obj
    current = clause_state(clause)
    pending = current.pending
    assert pending is not None  # the step's checks saw it waiting
    if current.agreed is None:
        clause.removed_at = step.now
        clause.save(update_fields=["removed_at"])
    pending.decide(state, by=step.by, at=step.now)
    step.record(clause=clause, version=pending, agreement_version=fresh.version)
    outcome = _settle(fresh, by=step.by, now=step.now, change_accepted=False)
    step.save = outcome is not None
    if outcome == EventKind.ACTIVATED:
        step.verb = "agreement.active"
    return outcome


def clause_decline(
    *, agreement: Agreement, clause: Clause, by, now: dt.datetime | None = None
) -> str | None:
    """Say no to the partner's proposed change: the agreed wording stays (a
    clause that was never agreed is left out)."""
    with transaction.atomic():
        with STEPS.take("decline_clause", agreement, by=by, now=now) as step:
            fresh = _clause_of(step, clause)
            step.recipient = clause_state(fresh).pending.author  # type: ignore[union-attr]
            outcome = _answer(step, fresh, state=VersionState.DECLINED)
        _settled(agreement, step, outcome)
    return outcome


def clause_withdraw(
    *, agreement: Agreement, clause: Clause, by, now: dt.datetime | None = None
) -> str | None:
    """Withdraw one's own pending wording for a clause."""
    with transaction.atomic():
        with STEPS.take("withdraw_clause", agreement, by=by, now=now) as step:
            fresh = _clause_of(step, clause)
            outcome = _answer(step, fresh, state=VersionState.WITHDRAWN)
        _settled(agreement, step, outcome)
    return outcome


# Proposing a change


def _supersede(pending: ClauseVersion | None, *, by, now) -> bool:
    """Set aside what waited on a clause for a new proposal: one's own is
    withdrawn, the partner's answered. Returns whether it was answered."""
    if pending is None:
        return False
    mine = pending.author_id == by.pk
    state = VersionState.WITHDRAWN if mine else VersionState.SUPERSEDED
    pending.decide(state, by=by, at=now)
    return not mine


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
    text = _clean_text(text, empty_message=_("Write the wording you propose."))
    with STEPS.take("change_clause", agreement, by=by, now=now) as step:
        fresh = _clause_of(step, clause)
        state = clause_state(fresh)
        pending, agreed = state.pending, state.agreed
        if pending is not None and not pending.removal and pending.text == text:
            raise Refused(
                _(
                    "That is the wording already proposed. Accept it, or write "
                    "something different."
                ),
                "same_as_pending",
            )
        if pending is None and agreed is not None and agreed.text == text:
            raise Refused(
                _("That is the wording you already agreed. Nothing changed."),
                "same_as_agreed",
            )
        if _supersede(pending, by=by, now=step.now):
            step.event = EventKind.COUNTERED
        version = ClauseVersion.next_for(fresh, by=by, text=text, at=step.now)
        step.record(clause=fresh, version=version)
    return version


def clause_propose_removal(
    *, agreement: Agreement, clause: Clause, by, now: dt.datetime | None = None
) -> ClauseVersion:
    """Propose taking a clause out of the agreement; the partner answers."""
    with STEPS.take("remove_clause", agreement, by=by, now=now) as step:
        fresh = _clause_of(step, clause)
        _supersede(clause_state(fresh).pending, by=by, now=step.now)
        version = ClauseVersion.next_for(fresh, by=by, removal=True, at=step.now)
        step.record(clause=fresh, version=version)
    return version


def clause_add(
    *, agreement: Agreement, by, text: str, now: dt.datetime | None = None
) -> Clause:
    """Propose a new clause; it joins the agreement when the partner accepts."""
    text = _clean_text(text, empty_message=_("Write the clause you propose."))
    with STEPS.take("add_clause", agreement, by=by, now=now) as step:
        clause = Clause.objects.create(
            agreement=step.obj,
            position=next_number(Clause.objects.filter(agreement=step.obj), "position"),
            created=step.now,
        )
        version = ClauseVersion.next_for(clause, by=by, text=text, at=step.now)
        step.record(clause=clause, version=version)
    return clause


# Consent


def agreement_withdraw_consent(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    """Withdraw consent, at any time and for any reason: the agreement is
    paused at once, and the partner is told."""
    with STEPS.take("withdraw_consent", agreement, by=by, now=now) as step:
        ConsentWithdrawal.objects.create(agreement=step.obj, user=by, created=step.now)


def agreement_give_consent(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> bool:
    """Give consent again after withdrawing it. The agreement is active
    again once nobody's consent is withdrawn. Returns whether it is."""
    with transaction.atomic():
        with STEPS.take("give_consent", agreement, by=by, now=now) as step:
            fresh = step.obj
            fresh.withdrawals.filter(user=by, restored_at__isnull=True).update(
                restored_at=step.now
            )
            active = not fresh.withdrawals.filter(restored_at__isnull=True).exists()
            step.save = active
            if active:
                fresh.status = Status.ACTIVE
                step.verb = "agreement.resumed"
        _settled(agreement, step, EventKind.RESUMED if active else None)
    return active


def _end(agreement: Agreement, *, now) -> None:
    """End it (the fields set, not saved): what waited for an answer is
    withdrawn, and so is a renewal."""
    agreement.status = Status.ENDED
    agreement.ended_at = now
    agreement.renewal_until = None
    agreement.renewal_by = None
    ClauseVersion.objects.filter(
        agreement=agreement, state=VersionState.PENDING
    ).update(state=VersionState.WITHDRAWN, decided_at=now)


def agreement_set_aside(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    """Say no to a whole proposal (or take back one's own): it ends, and stays
    in the history."""
    with STEPS.take("set_aside", agreement, by=by, now=now) as step:
        _end(step.obj, now=step.now)


def agreement_end(*, agreement: Agreement, by, now: dt.datetime | None = None) -> None:
    """End an active or paused agreement. Either partner may: consent can be
    withdrawn at any time. It stays readable in the history."""
    with STEPS.take("end", agreement, by=by, now=now) as step:
        _end(step.obj, now=step.now)


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
    with STEPS.take("review", agreement, by=by, now=now) as step:
        fresh = step.obj
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
        step.record(on_date=next_review_on)
    return next_review_on


def agreement_renewal_propose(
    *, agreement: Agreement, by, until: dt.date, now: dt.datetime | None = None
) -> None:
    """Propose keeping a time-boxed agreement going until `until`."""
    now = now or timezone.now()
    today = local_today(by.tz, now)
    with STEPS.take("propose_renewal", agreement, by=by, now=now) as step:
        fresh = step.obj
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
        step.record(on_date=until)


def _close_renewal(step: Taking, *, renew: bool = False) -> None:
    """Settle a pending renewal: accepted (`renew`: the new end date takes
    effect), declined or withdrawn."""
    fresh = step.obj
    if renew:
        fresh.ends_on = fresh.renewal_until
        step.record(on_date=fresh.ends_on)
    fresh.renewal_until = None
    fresh.renewal_by = None


def agreement_renewal_accept(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    with STEPS.take("accept_renewal", agreement, by=by, now=now) as step:
        step.recipient = step.obj.renewal_by
        _close_renewal(step, renew=True)


def agreement_renewal_decline(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    with STEPS.take("decline_renewal", agreement, by=by, now=now) as step:
        step.recipient = step.obj.renewal_by
        _close_renewal(step)


def agreement_renewal_withdraw(
    *, agreement: Agreement, by, now: dt.datetime | None = None
) -> None:
    with STEPS.take("withdraw_renewal", agreement, by=by, now=now) as step:
        _close_renewal(step)


def agreement_lapse(*, agreement: Agreement, now: dt.datetime | None = None) -> bool:
    """End a time-boxed agreement whose last day has passed for both
    partners (they may live in different time zones). Run by the clock, not
    a partner's step; idempotent. Returns whether it ended now."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = lock(agreement)
        if fresh.status not in (Status.ACTIVE, Status.PAUSED) or fresh.ends_on is None:
            return False
        partners = fresh.space.partners or [fresh.author]
        if any(local_today(p.tz, now) <= fresh.ends_on for p in partners):
            return False
        _end(fresh, now=now)
        fresh.save(
            update_fields=[
                "status",
                "ended_at",
                "renewal_until",
                "renewal_by",
                "updated",
            ]
        )
        # No Activity: nobody did this. The job tells both partners.
        HISTORY.append(fresh, by=None, kind=EventKind.LAPSED, now=now)
    copy_back(agreement, fresh)
    return True
