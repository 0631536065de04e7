"""One repair, from start to finish: four months ago Sam found out Alex had
kept messaging an ex without saying so, against their online agreement.
Sam's account, Alex's mirror (a second try), an apology Sam answered "not
yet" and a revised one that helped, a plan of promises and a time-boxed
agreement of openness, each partner's private log, and Sam's own check-ins.
Sam closed it two weeks ago.

Rows are written directly with past timestamps, as the services would have
left them, so the demo raises no fresh notifications.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from troth.agreements.models import (
    Agreement,
    AgreementEvent,
    Clause,
    ClauseVersion,
    Status,
    Topic,
    VersionState,
)
from troth.agreements.models import EventKind as AgreementEvents
from troth.promises.models import EventKind as PromiseEvents
from troth.promises.models import Promise, PromiseEvent, State
from troth.repair.models import (
    Account,
    Answer,
    ApologyAnswer,
    ApologyVersion,
    EventKind,
    ForgivenessCheckin,
    Mirror,
    MirrorAnswer,
    Note,
    OpenedAs,
    Phase,
    PlanItem,
    Repair,
    RepairEvent,
    SessionKind,
    Step,
    TherapySession,
    Touches,
)

ACCOUNT = (
    "I saw her name on your screen on Sunday and you turned the phone over. "
    "When I asked, you said you'd been talking for weeks, 'just catching up'. "
    "We agreed you'd tell me if she got in touch, and you didn't. What hurts "
    "most isn't the messages, it's that you chose to hide them, and that I "
    "had to find out. Since then I've been going over every evening you were "
    "on your phone, and I hate that I'm doing that."
)
MIRROR_1 = (
    "What I heard is that you're upset that I was talking to her, and you "
    "wish I'd told you. Did I get it?"
)
MIRROR_1_NOTE = (
    "It's not the talking. It's that you hid it, and that I had to find out, "
    "and what that's doing to me now."
)
MIRROR_2 = (
    "What I heard is that the worst part isn't that I talked to her, it's "
    "that I hid it when we'd agreed I'd tell you, and that you found out by "
    "seeing her name. Now you're going back over every evening I was on my "
    "phone, and you hate being someone who does that. Did I get it?"
)
APOLOGY_1 = (
    "I'm sorry you found out that way, but it was only catching up, nothing "
    "happened. I should have mentioned it."
)
ANSWER_1 = (
    "It still sounds like the problem is how I found out. And 'only catching "
    "up' makes it smaller than it is for me."
)
APOLOGY_2 = (
    "I hid my messages with her from you for weeks, after we'd agreed I'd "
    "tell you. That was my choice and it was dishonest. I'm sorry. I think I "
    "kept quiet because I didn't want an argument, and that's no excuse: it "
    "left you finding out on your own. I've told her I won't be in touch "
    "any more. From now on, if anyone from my past gets in touch, you'll "
    "hear it from me first. What else would help you feel safe with me again?"
)
ANSWER_2 = "Thank you. This is what I needed to hear. It'll take time."


def _when(demo, days_ago: float, hour: int = 20) -> dt.datetime:
    moment = demo.now - dt.timedelta(days=days_ago)
    return moment.replace(hour=hour, minute=15, second=0, microsecond=0)


def _promise(demo, repair, text, made, due, state, *, by, to):
    promise = Promise(
        space=demo.space,
        author=by,
        promisee=to,
        created=made,
        origin_type=ContentType.objects.get_for_model(Repair),
        origin_id=repair.pk,
        visibility="shared",
    )
    promise.set_terms(text=text, due_date=due, due_time=None, tz=by.timezone)
    events = [
        {
            "actor": by,
            "kind": PromiseEvents.MADE,
            "created": made,
            "new_text": text,
            "new_due_date": due,
        }
    ]
    if state == State.KEPT:
        promise.state = State.KEPT
        promise.done_at = promise.due_at - dt.timedelta(hours=20)
        promise.settled_at = promise.done_at + dt.timedelta(hours=3)
        events += [
            {"actor": by, "kind": PromiseEvents.DONE, "created": promise.done_at},
            {"actor": to, "kind": PromiseEvents.KEPT, "created": promise.settled_at},
        ]
    promise.save()
    PromiseEvent.objects.bulk_create(
        PromiseEvent(promise=promise, **fields) for fields in events
    )
    return promise


def _openness(demo, repair, proposed: dt.datetime) -> Agreement:
    """A six-week agreement of openness from the plan; it has since ended."""
    alex, sam = demo.alex, demo.sam
    ends_on = (proposed + dt.timedelta(days=42)).date()
    agreement = Agreement.objects.create(
        space=demo.space,
        author=alex,
        title="More openness, for six weeks",
        topic=Topic.TRANSPARENCY,
        created=proposed,
        review_days=14,
        ends_on=ends_on,
    )
    agreed = proposed + dt.timedelta(hours=18)
    texts = [
        "For the next six weeks, I tell you without being asked if she gets in touch.",
        "When you ask me about something that worries you, I answer plainly "
        "and without getting defensive.",
        "Once a week we talk about how this is going, and either of us can say "
        "it isn't helping.",
    ]
    AgreementEvent.objects.create(
        agreement=agreement, actor=alex, kind=AgreementEvents.PROPOSED, created=proposed
    )
    for position, text in enumerate(texts, start=1):
        clause = Clause.objects.create(
            agreement=agreement, position=position, created=proposed
        )
        version = ClauseVersion.objects.create(
            clause=clause,
            agreement=agreement,
            number=1,
            text=text,
            author=alex,
            created=proposed,
            state=VersionState.ACCEPTED,
            decided_by=sam,
            decided_at=agreed,
        )
        AgreementEvent.objects.create(
            agreement=agreement,
            actor=sam,
            kind=AgreementEvents.ACCEPTED,
            created=agreed,
            clause=clause,
            version=version,
        )
    agreement.version = 1
    agreement.activated_at = agreed
    AgreementEvent.objects.create(
        agreement=agreement,
        kind=AgreementEvents.ACTIVATED,
        created=agreed,
        agreement_version=1,
    )
    ended = dt.datetime.combine(
        ends_on + dt.timedelta(days=1), dt.time(1, 0), tzinfo=dt.UTC
    )
    agreement.status = Status.ENDED
    agreement.ended_at = ended
    agreement.review_on = (agreed + dt.timedelta(days=14)).date()
    agreement.save()
    AgreementEvent.objects.create(
        agreement=agreement,
        kind=AgreementEvents.LAPSED,
        created=ended,
        agreement_version=1,
    )
    return agreement


def _row(repair: Repair, model, by, at, **fields):
    """A row of the repair, by one of them, with its own visibility."""
    return model.objects.create(
        space=repair.space, author=by, repair=repair, created=at, **fields
    )


def populate(demo) -> None:
    sam = demo.sam
    repair = _opened(demo)
    events: list[tuple] = [(sam, EventKind.OPENED, repair.created, {})]
    account_at = repair.created + dt.timedelta(days=1)
    account = _row(repair, Account, sam, account_at, text=ACCOUNT)
    events.append((sam, EventKind.ACCOUNT, account_at, {}))
    first_at, heard_at = _mirrored(demo, repair, account, events)
    answered_at = _apologised(demo, repair, heard_at, events)
    attune_at = answered_at + dt.timedelta(days=4)
    events.append((sam, EventKind.PHASE, attune_at, {"phase": Phase.ATTUNE}))
    _plan(demo, repair, attune_at + dt.timedelta(hours=2), events)
    attach_at = _when(demo, 45, 19)
    events.append((sam, EventKind.PHASE, attach_at, {"phase": Phase.ATTACH}))
    resolved_at = _when(demo, 14, 21)
    events.append((sam, EventKind.RESOLVED, resolved_at, {}))
    _private_notes(demo, repair, account_at=account_at, first_at=first_at)
    _therapy_and_checkins(demo, repair)

    repair.phase = Phase.ATTACH
    repair.step = Step.ANSWERED
    repair.heard_at = heard_at
    repair.status = "resolved"
    repair.resolved_at = resolved_at
    repair.save()
    RepairEvent.objects.bulk_create(
        RepairEvent(repair=repair, actor=actor, kind=kind, created=at, **fields)
        for actor, kind, at, fields in events
    )
    demo.extra["repair"] = repair


def _opened(demo) -> Repair:
    """Sam opens a repair, about a clause of theirs if the demo has it."""
    alex, sam, space = demo.alex, demo.sam, demo.space
    clause = demo.extra.get("online_clause_former_partner")
    opened = _when(demo, 120, 21)
    return Repair.objects.create(
        space=space,
        author=sam,
        opened_as=OpenedAs.HURT,
        hurt=sam,
        other=alex,
        summary="You kept messaging your ex for weeks and didn't tell me, after "
        "we'd agreed you would.",
        touches=Touches.CLAUSE if clause else Touches.NOTHING,
        clause=clause,
        seriousness=4,
        created=opened,
    )


def _mirrored(demo, repair: Repair, account, events: list) -> tuple:
    """Alex mirrors Sam's account twice; the second time Sam feels heard."""
    alex, sam, space = demo.alex, demo.sam, demo.space
    account_at = account.created
    first_at = account_at + dt.timedelta(hours=5)
    Mirror.objects.create(
        space=space,
        author=alex,
        repair=repair,
        account=account,
        text=MIRROR_1,
        created=first_at,
        answer=MirrorAnswer.AGAIN,
        answer_note=MIRROR_1_NOTE,
        answered_at=first_at + dt.timedelta(hours=2),
    )
    events += [
        (alex, EventKind.MIRRORED, first_at, {}),
        (sam, EventKind.AGAIN, first_at + dt.timedelta(hours=2), {}),
    ]
    second_at = first_at + dt.timedelta(days=1)
    heard_at = second_at + dt.timedelta(hours=1)
    Mirror.objects.create(
        space=space,
        author=alex,
        repair=repair,
        account=account,
        text=MIRROR_2,
        created=second_at,
        answer=MirrorAnswer.HEARD,
        answered_at=heard_at,
    )
    events += [
        (alex, EventKind.MIRRORED, second_at, {}),
        (sam, EventKind.HEARD, heard_at, {}),
    ]
    return first_at, heard_at


def _apologised(demo, repair: Repair, heard_at, events: list):
    """Two versions of Alex's apology, each answered by Sam."""
    alex, sam = demo.alex, demo.sam
    first_apology = _row(
        repair,
        ApologyVersion,
        alex,
        heard_at + dt.timedelta(days=1),
        number=1,
        text=APOLOGY_1,
    )
    _row(
        repair,
        ApologyAnswer,
        sam,
        first_apology.created + dt.timedelta(hours=3),
        apology=first_apology,
        answer=Answer.NOT_YET,
        note=ANSWER_1,
    )
    second_apology = _row(
        repair,
        ApologyVersion,
        alex,
        first_apology.created + dt.timedelta(days=3),
        number=2,
        text=APOLOGY_2,
    )
    answered_at = second_apology.created + dt.timedelta(hours=14)
    _row(
        repair,
        ApologyAnswer,
        sam,
        answered_at,
        apology=second_apology,
        answer=Answer.HELPS,
        note=ANSWER_2,
    )
    events += [
        (alex, EventKind.APOLOGY, first_apology.created, {}),
        (
            sam,
            EventKind.ANSWERED,
            first_apology.created + dt.timedelta(hours=3),
            {"answer": Answer.NOT_YET},
        ),
        (alex, EventKind.REVISED, second_apology.created, {}),
        (sam, EventKind.ANSWERED, answered_at, {"answer": Answer.HELPS}),
    ]
    return answered_at


def _plan(demo, repair: Repair, plan_at, events: list) -> None:
    """The plan: two promises by Alex, one by Sam, and six weeks of openness."""
    alex, sam = demo.alex, demo.sam
    day = plan_at.date()
    promises = [
        _promise(
            demo,
            repair,
            "Tell her I won't be in touch any more, and tell you when it's done",
            plan_at,
            day + dt.timedelta(days=2),
            State.KEPT,
            by=alex,
            to=sam,
        ),
        _promise(
            demo,
            repair,
            "Find a couples therapist we both like and book a first session",
            plan_at,
            day + dt.timedelta(days=14),
            State.KEPT,
            by=alex,
            to=sam,
        ),
        _promise(
            demo,
            repair,
            "Say so when I notice myself checking up on you, instead of doing it quietly",
            plan_at + dt.timedelta(days=2),
            day + dt.timedelta(days=30),
            State.KEPT,
            by=sam,
            to=alex,
        ),
    ]
    for promise in promises:
        _row(repair, PlanItem, promise.author, promise.created, promise=promise)
        events.append((promise.author, EventKind.PLAN, promise.created, {}))
    openness = _openness(demo, repair, plan_at + dt.timedelta(days=1))
    _row(repair, PlanItem, alex, openness.created, agreement=openness)
    events.append((alex, EventKind.PLAN, openness.created, {}))


def _private_notes(demo, repair: Repair, *, account_at, first_at) -> None:
    """Private to each of them."""
    alex, sam = demo.alex, demo.sam
    _row(
        repair,
        Note,
        sam,
        account_at - dt.timedelta(hours=3),
        text="Write the account tonight. Say the part about checking his phone "
        "in my head, even though it's embarrassing.",
    )
    _row(
        repair,
        Note,
        sam,
        _when(demo, 60, 22),
        text="Good week. I noticed I didn't look at his screen once.",
    )
    _row(
        repair,
        Note,
        alex,
        first_at + dt.timedelta(hours=3),
        text="I mirrored the wrong thing. Listen for what hurts, not for what I did.",
    )


def _therapy_and_checkins(demo, repair: Repair) -> None:
    """Each one's private therapy log, and Sam's forgiveness check-ins."""
    alex, sam = demo.alex, demo.sam
    for weeks in (15, 12, 9, 6):
        on = (demo.now - dt.timedelta(weeks=weeks)).date()
        _row(
            repair,
            TherapySession,
            sam,
            _when(demo, weeks * 7 - 1),
            kind=SessionKind.INDIVIDUAL,
            on=on,
        )
    for weeks in (14, 12, 10, 8, 5):
        on = (demo.now - dt.timedelta(weeks=weeks)).date()
        _row(
            repair,
            TherapySession,
            alex,
            _when(demo, weeks * 7 - 1, 18),
            kind=SessionKind.COUPLES,
            on=on,
            note="Session with Dana." if weeks == 14 else None,
        )
    for days_ago, distance, even, goodwill in (
        (116, 6, 5, 2),
        (100, 6, 3, 3),
        (84, 5, 3, 3),
        (62, 4, 2, 4),
        (40, 3, 2, 5),
        (18, 2, 1, 6),
    ):
        _row(
            repair,
            ForgivenessCheckin,
            sam,
            _when(demo, days_ago, 22),
            distance=distance,
            even=even,
            goodwill=goodwill,
        )
