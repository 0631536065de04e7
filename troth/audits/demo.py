"""Six monthly trust audits for the demo couple, each closed, with a
reflection and commitments from both; the commitments became promises.

Runs after the feature apps' demos (INSTALLED_APPS order), so each audit's
figures are computed from their demo data by the same code the clock uses.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from troth.audits import services
from troth.audits.builders import build_commitment, build_reflection
from troth.audits.models import Audit, AuditSettings, Commitment, Reflection
from troth.lib.time import space_day_start, space_today
from troth.promises.builders import draft_promise, save_promises
from troth.promises.models import Promise, State
from troth.spaces.builders import build_activity

WENT_WELL = [
    _("We kept Sunday breakfast free nearly every week, and it showed."),
    _("You told me straight away when the plans changed. That made a difference."),
    _("We argued less about money once we sat down with the numbers together."),
    _("I felt you were on my side during the week with the deadline."),
    _("The walk after dinner became a habit, and I look forward to it."),
    _("We said thank you more. Small, but I noticed it every time."),
]
DIFFERENTLY = [
    _("Say it earlier when I'm running late, not when I'm already late."),
    _("Put my phone in the other room during dinner."),
    _("Ask before I make plans for both of us."),
    _("Not go quiet when I'm upset; tell you I need half an hour instead."),
    _("Finish the small jobs I say I'll do before starting new ones."),
    _("Listen to the whole story before I suggest a fix."),
]
NEED = [
    _("A heads-up when you'll be home late, even a short message."),
    _("An evening a week that's just ours, without screens."),
    _("Help thinking through the visit to my parents."),
    _("Patience with me while work is this busy."),
    _("To hear it when something I did bothered you, sooner rather than later."),
    "",
]
COMMITMENTS = [
    _("Cook dinner on Thursdays"),
    _("Plan one evening out this month"),
    _("Text when I leave work"),
    _("Book the weekend away we talked about"),
    _("Phone-free dinners on weekdays"),
    _("Take the car for its service"),
    _("Ask about your day before talking about mine"),
    _("Sort the photos from the summer into an album"),
]


def _days(demo, when: dt.datetime, hours: int) -> dt.datetime:
    return min(when + dt.timedelta(hours=hours), demo.now - dt.timedelta(hours=1))


def _promise(demo, commitment: Commitment, promisee, made: dt.datetime) -> Promise:
    """The promise a commitment became, settled as a real month would have."""
    draft = draft_promise(
        demo.space,
        commitment.author,
        to=promisee,
        text=commitment.text,
        due_date=commitment.due_date,
        made_at=made,
        origin_type=ContentType.objects.get_for_model(Commitment),
        origin_id=commitment.pk,
    )
    due_at = draft.promise.due_at
    if due_at <= demo.now:
        roll = demo.rng.random()
        done = due_at - dt.timedelta(days=demo.rng.randint(1, 5))
        if roll < 0.75:
            draft.done(done).kept(done + dt.timedelta(hours=5))
        elif roll < 0.9:
            draft.done(done).not_quite(
                done + dt.timedelta(hours=5),
                gettext("Only twice in the end, but it counted."),
            )
        else:
            # Settled as missed with no history row for it (as the demo
            # always has), unlike `draft.missed`.
            draft.promise.state = State.MISSED
            draft.promise.settled_at = due_at
    return save_promises([draft])[0]


def populate(demo) -> None:
    rng = demo.rng
    alex, sam = demo.alex, demo.sam
    partners = [alex, sam]
    # The audit day falls five days before "now", so the latest audit is
    # recent and the next one a few weeks away.
    recent = space_today(partners, demo.now - dt.timedelta(days=5))
    day = min(recent.day, 28)
    AuditSettings.objects.create(
        space=demo.space, day=day, chosen_at=demo.start, chosen_by=sam
    )
    this_month = recent.replace(day=1)
    for back in range(5, -1, -1):
        month = services.add_months(this_month, -back)
        begins = space_day_start(partners, services.audit_date(day, month))
        if begins > demo.now:
            continue
        drafted = begins + dt.timedelta(minutes=10)
        audit = services.audit_draft(
            space=demo.space, month=month, end=begins, day=day, now=drafted
        )
        assert audit is not None  # each month once, in a space with no audits yet
        Audit.objects.filter(pk=audit.pk).update(drafted_at=drafted)
        next_day = services.audit_date(day, services.add_months(month, 1))
        order = [alex, sam] if rng.random() < 0.5 else [sam, alex]
        written = []
        for i, person in enumerate(order):
            when = _days(demo, begins, 20 + 24 * i + rng.randint(0, 20))
            reflection = build_reflection(
                audit,
                person,
                went_well=str(rng.choice(WENT_WELL)),
                differently=str(rng.choice(DIFFERENTLY)),
                need=str(rng.choice(NEED)),
                at=when,
            )
            written.append(reflection)
            build_activity(
                demo.space,
                person,
                "audit.reflected",
                audit,
                at=when,
                recipient=order[1 - i],
            )
        revealed = max(r.created for r in written)
        commitments = []
        for person in order:
            for text in rng.sample(COMMITMENTS, rng.choice([1, 2])):
                commitments.append(
                    build_commitment(
                        audit,
                        person,
                        text=str(text),
                        due_date=next_day - dt.timedelta(days=rng.randint(0, 6)),
                        at=revealed,
                    )
                )
        first_sign = _days(demo, revealed, 2)
        closed = _days(demo, revealed, 6 + rng.randint(0, 20))
        for reflection, signed in zip(written, (first_sign, closed), strict=True):
            Reflection.objects.filter(pk=reflection.pk).update(signed_off_at=signed)
        build_activity(
            demo.space,
            order[0],
            "audit.signed_off",
            audit,
            at=first_sign,
            recipient=order[1],
        )
        for commitment in commitments:
            promisee = sam if commitment.author_id == alex.pk else alex
            commitment.promise = _promise(demo, commitment, promisee, closed)
            commitment.save(update_fields=["promise"])
        Audit.objects.filter(pk=audit.pk).update(revealed_at=revealed, closed_at=closed)
        build_activity(
            demo.space, order[1], "audit.closed", audit, at=closed, recipient=order[0]
        )
