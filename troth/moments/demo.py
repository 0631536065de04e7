"""Six months of moments for the demo couple: each notices the other a few
times a week, most are acknowledged (the last few days' are still waiting),
some moments about themselves (mostly private), and Sam's private bid log."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from troth.moments.builders import build_bid, build_moment
from troth.moments.models import About, Ack, Bid, Kind, Moment

NOTES = {
    Kind.KEPT_WORD: [
        _("You said you'd call the landlord and you did, first thing."),
        _("Picked me up at exactly the time you said."),
        _("You remembered the bins, like you promised."),
        "",
    ],
    Kind.VULNERABLE: [
        _("Thank you for telling me about your dad. I know that wasn't easy."),
        _("You said you felt left out at the party. I'm glad you told me."),
        "",
    ],
    Kind.LISTENED: [
        _("You let me finish the whole story about work without jumping in."),
        _("When I said the comment hurt, you just listened. It helped so much."),
        "",
    ],
    Kind.REPAIRED: [
        _("You came back after the walk and said sorry first."),
        _("The tea and the note after our argument about the budget."),
        "",
    ],
    Kind.SHOWED_UP: [
        _("You came to the appointment with me even though you were busy."),
        _("Left work early to be at my sister's thing."),
        "",
    ],
    Kind.APPRECIATION: [
        _("You thanked me for cooking, twice."),
        _("The message in the middle of the day just to say you were proud of me."),
        "",
    ],
    Kind.TURNED_TOWARD: [
        _("I showed you the bird outside and you came to look."),
        _("You put your phone down when I started talking."),
        "",
    ],
}

SELF_NOTES = [
    _("Said what I needed instead of sulking."),
    _("Asked about the interview before talking about my day."),
    "",
]

BID_NOTES = [
    _("Sent a funny video"),
    _("Asked about the weekend plans"),
    _("Wanted a hug after work"),
    _("Told a story about my day"),
    _("Suggested a walk"),
    "",
]


def populate(demo) -> None:
    rng = demo.rng
    space, alex, sam = demo.space, demo.alex, demo.sam
    kinds = list(Kind.values)
    moments = []
    days = (demo.now - demo.start).days
    for offset in range(days + 1):
        day_start = demo.start + timedelta(days=offset)
        for author, partner in ((alex, sam), (sam, alex)):
            local_day = day_start.astimezone(author.tz).date()
            if rng.random() < 0.42:
                kind = rng.choice(kinds)
                created = day_start + timedelta(hours=rng.randint(9, 22))
                days_ago = days - offset
                acknowledged = days_ago > 3 and rng.random() < 0.75
                moments.append(
                    build_moment(
                        space,
                        author,
                        subject=partner,
                        kind=kind,
                        note=str(rng.choice(NOTES[kind])),
                        occurred_on=local_day,
                        at=created,
                        save=False,
                        acknowledged_at=created + timedelta(hours=rng.randint(1, 30))
                        if acknowledged
                        else None,
                        ack=rng.choice(list(Ack.values)) if acknowledged else "",
                    )
                )
            if rng.random() < 0.08:
                shared = rng.random() < 0.35
                moments.append(
                    build_moment(
                        space,
                        author,
                        about=About.SELF,
                        subject=author,
                        kind=rng.choice(kinds),
                        note=str(rng.choice(SELF_NOTES)),
                        occurred_on=local_day,
                        shared=shared,
                        at=day_start + timedelta(hours=21),
                        save=False,
                    )
                )
    Moment.objects.bulk_create(moments)

    # Sam's bid log, private to Sam: ten weeks, mostly met by turning toward.
    bids = []
    for offset in range(70, -1, -1):
        day = demo.now - timedelta(days=offset)
        for _n in range(rng.choice([0, 0, 1, 1, 1, 2])):
            roll = rng.random()
            response = (
                Bid.Response.TOWARD
                if roll < 0.72
                else Bid.Response.AWAY
                if roll < 0.93
                else Bid.Response.AGAINST
            )
            at = day.replace(hour=rng.randint(7, 21), minute=rng.randint(0, 59))
            if at > demo.now:
                at = demo.now - timedelta(minutes=rng.randint(5, 90))
            bids.append(
                build_bid(
                    space,
                    sam,
                    occurred_at=at,
                    response=response,
                    note=str(rng.choice(BID_NOTES)),
                    at=day,
                    save=False,
                )
            )
    Bid.objects.bulk_create(bids)
    demo.extra["moments"] = len(moments)
