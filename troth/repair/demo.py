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

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from troth.agreements.builders import build_agreement
from troth.agreements.models import Agreement, Status, Topic, VersionState
from troth.agreements.models import EventKind as AgreementEvents
from troth.repair.builders import (
    build_history,
    build_part,
    build_plan_promise,
    build_repair,
)
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
    Phase,
    PlanItem,
    Repair,
    SessionKind,
    Step,
    TherapySession,
    Touches,
)

ACCOUNT = _(
    "I saw her name on your screen on Sunday and you turned the phone over. "
    "When I asked, you said you'd been talking for weeks, 'just catching up'. "
    "We agreed you'd tell me if she got in touch, and you didn't. What hurts "
    "most isn't the messages, it's that you chose to hide them, and that I "
    "had to find out. Since then I've been going over every evening you were "
    "on your phone, and I hate that I'm doing that."
)
MIRROR_1 = _(
    "What I heard is that you're upset that I was talking to her, and you "
    "wish I'd told you. Did I get it?"
)
MIRROR_1_NOTE = _(
    "It's not the talking. It's that you hid it, and that I had to find out, "
    "and what that's doing to me now."
)
MIRROR_2 = _(
    "What I heard is that the worst part isn't that I talked to her, it's "
    "that I hid it when we'd agreed I'd tell you, and that you found out by "
    "seeing her name. Now you're going back over every evening I was on my "
    "phone, and you hate being someone who does that. Did I get it?"
)
APOLOGY_1 = _(
    "I'm sorry you found out that way, but it was only catching up, nothing "
    "happened. I should have mentioned it."
)
ANSWER_1 = _(
    "It still sounds like the problem is how I found out. And 'only catching "
    "up' makes it smaller than it is for me."
)
APOLOGY_2 = _(
    "I hid my messages with her from you for weeks, after we'd agreed I'd "
    "tell you. That was my choice and it was dishonest. I'm sorry. I think I "
    "kept quiet because I didn't want an argument, and that's no excuse: it "
    "left you finding out on your own. I've told her I won't be in touch "
    "any more. From now on, if anyone from my past gets in touch, you'll "
    "hear it from me first. What else would help you feel safe with me again?"
)
ANSWER_2 = _("Thank you. This is what I needed to hear. It'll take time.")
PLAN_1 = _("Tell her I won't be in touch any more, and tell you when it's done")
PLAN_2 = _("Find a couples therapist we both like and book a first session")
PLAN_3 = _(
    "Say so when I notice myself checking up on you, instead of doing it quietly"
)


def _when(demo, days_ago: float, hour: int = 20) -> dt.datetime:
    moment = demo.now - dt.timedelta(days=days_ago)
    return moment.replace(hour=hour, minute=15, second=0, microsecond=0)


def _openness(demo, repair, proposed: dt.datetime) -> Agreement:
    """A six-week agreement of openness from the plan; it has since ended."""
    alex, sam = demo.alex, demo.sam
    ends_on = (proposed + dt.timedelta(days=42)).date()
    b = build_agreement(
        demo.space,
        alex,
        title=gettext("More openness, for six weeks"),
        topic=Topic.TRANSPARENCY,
        at=proposed,
        review_days=14,
        ends_on=ends_on,
    )
    agreed = proposed + dt.timedelta(hours=18)
    texts = [
        gettext(
            "For the next six weeks, I tell you without being asked if she gets in touch."
        ),
        gettext(
            "When you ask me about something that worries you, I answer plainly "
            "and without getting defensive."
        ),
        gettext(
            "Once a week we talk about how this is going, and either of us can say "
            "it isn't helping."
        ),
    ]
    b.event(AgreementEvents.PROPOSED, proposed, alex)
    for text in texts:
        version = b.clause(
            text,
            alex,
            proposed,
            state=VersionState.ACCEPTED,
            decided_by=sam,
            decided_at=agreed,
        )
        b.event(AgreementEvents.ACCEPTED, agreed, sam, version.clause, version)
    agreement = b.agreement
    agreement.version = 1
    agreement.activated_at = agreed
    b.event(AgreementEvents.ACTIVATED, agreed)
    ended = dt.datetime.combine(
        ends_on + dt.timedelta(days=1), dt.time(1, 0), tzinfo=dt.UTC
    )
    agreement.status = Status.ENDED
    agreement.ended_at = ended
    agreement.review_on = (agreed + dt.timedelta(days=14)).date()
    agreement.save()
    b.event(AgreementEvents.LAPSED, ended)
    return agreement


def populate(demo) -> None:
    sam = demo.sam
    repair = _opened(demo)
    events: list[tuple] = [(sam, EventKind.OPENED, repair.created, {})]
    account_at = repair.created + dt.timedelta(days=1)
    account = build_part(repair, Account, sam, account_at, text=str(ACCOUNT))
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
    build_history(repair, events)
    demo.extra["repair"] = repair


def _opened(demo) -> Repair:
    """Sam opens a repair, about a clause of theirs if the demo has it."""
    alex, sam, space = demo.alex, demo.sam, demo.space
    clause = demo.extra.get("online_clause_former_partner")
    opened = _when(demo, 120, 21)
    return build_repair(
        space,
        sam,
        other=alex,
        summary=gettext(
            "You kept messaging your ex for weeks and didn't tell me, after "
            "we'd agreed you would."
        ),
        at=opened,
        touches=Touches.CLAUSE if clause else Touches.NOTHING,
        clause=clause,
        seriousness=4,
    )


def _mirrored(demo, repair: Repair, account, events: list) -> tuple:
    """Alex mirrors Sam's account twice; the second time Sam feels heard."""
    alex, sam = demo.alex, demo.sam
    account_at = account.created
    first_at = account_at + dt.timedelta(hours=5)
    build_part(
        repair,
        Mirror,
        alex,
        first_at,
        account=account,
        text=str(MIRROR_1),
        answer=MirrorAnswer.AGAIN,
        answer_note=str(MIRROR_1_NOTE),
        answered_at=first_at + dt.timedelta(hours=2),
    )
    events += [
        (alex, EventKind.MIRRORED, first_at, {}),
        (sam, EventKind.AGAIN, first_at + dt.timedelta(hours=2), {}),
    ]
    second_at = first_at + dt.timedelta(days=1)
    heard_at = second_at + dt.timedelta(hours=1)
    build_part(
        repair,
        Mirror,
        alex,
        second_at,
        account=account,
        text=str(MIRROR_2),
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
    first_apology = build_part(
        repair,
        ApologyVersion,
        alex,
        heard_at + dt.timedelta(days=1),
        number=1,
        text=str(APOLOGY_1),
    )
    build_part(
        repair,
        ApologyAnswer,
        sam,
        first_apology.created + dt.timedelta(hours=3),
        apology=first_apology,
        answer=Answer.NOT_YET,
        note=str(ANSWER_1),
    )
    second_apology = build_part(
        repair,
        ApologyVersion,
        alex,
        first_apology.created + dt.timedelta(days=3),
        number=2,
        text=str(APOLOGY_2),
    )
    answered_at = second_apology.created + dt.timedelta(hours=14)
    build_part(
        repair,
        ApologyAnswer,
        sam,
        answered_at,
        apology=second_apology,
        answer=Answer.HELPS,
        note=str(ANSWER_2),
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
        build_plan_promise(
            repair,
            str(text),
            by=by,
            to=to,
            made=made,
            due=day + dt.timedelta(days=days),
            kept=True,
        )
        for by, to, made, days, text in (
            (alex, sam, plan_at, 2, PLAN_1),
            (alex, sam, plan_at, 14, PLAN_2),
            (sam, alex, plan_at + dt.timedelta(days=2), 30, PLAN_3),
        )
    ]
    for promise in promises:
        build_part(repair, PlanItem, promise.author, promise.created, promise=promise)
        events.append((promise.author, EventKind.PLAN, promise.created, {}))
    openness = _openness(demo, repair, plan_at + dt.timedelta(days=1))
    build_part(repair, PlanItem, alex, openness.created, agreement=openness)
    events.append((alex, EventKind.PLAN, openness.created, {}))


def _private_notes(demo, repair: Repair, *, account_at, first_at) -> None:
    """Private to each of them."""
    alex, sam = demo.alex, demo.sam
    build_part(
        repair,
        Note,
        sam,
        account_at - dt.timedelta(hours=3),
        text=gettext(
            "Write the account tonight. Say the part about checking his phone "
            "in my head, even though it's embarrassing."
        ),
    )
    build_part(
        repair,
        Note,
        sam,
        _when(demo, 60, 22),
        text=gettext("Good week. I noticed I didn't look at his screen once."),
    )
    build_part(
        repair,
        Note,
        alex,
        first_at + dt.timedelta(hours=3),
        text=gettext(
            "I mirrored the wrong thing. Listen for what hurts, not for what I did."
        ),
    )


def _therapy_and_checkins(demo, repair: Repair) -> None:
    """Each one's private therapy log, and Sam's forgiveness check-ins."""
    alex, sam = demo.alex, demo.sam
    logs = (
        (sam, SessionKind.INDIVIDUAL, 20, (15, 12, 9, 6)),
        (alex, SessionKind.COUPLES, 18, (14, 12, 10, 8, 5)),
    )
    for by, kind, hour, weeks_ago in logs:
        for weeks in weeks_ago:
            build_part(
                repair,
                TherapySession,
                by,
                _when(demo, weeks * 7 - 1, hour),
                kind=kind,
                on=(demo.now - dt.timedelta(weeks=weeks)).date(),
                note=gettext("Session with Dana.")
                if by == alex and weeks == 14
                else None,
            )
    for days_ago, distance, even, goodwill in (
        (116, 6, 5, 2),
        (100, 6, 3, 3),
        (84, 5, 3, 3),
        (62, 4, 2, 4),
        (40, 3, 2, 5),
        (18, 2, 1, 6),
    ):
        build_part(
            repair,
            ForgivenessCheckin,
            sam,
            _when(demo, days_ago, 22),
            distance=distance,
            even=even,
            goodwill=goodwill,
        )
