"""Six months of disagreements for the demo couple: a handful a month, most
with a view from both, many shared, most repaired."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from troth.conflicts.builders import build_conflict, build_view
from troth.conflicts.models import PATTERN_FIELDS, ConflictView, Opening

TOPICS = [
    _("Who does the washing-up on weeknights"),
    _("Being late for dinner with friends"),
    _("The holiday budget"),
    _("Phone at the table"),
    _("How often we see your parents"),
    _("Leaving the car on empty"),
    _("Plans changed at the last minute"),
    _("The noise when one of us works from home"),
    _("Money for the new sofa"),
    _("Forgetting to call back"),
    _("Whose turn it was to book the restaurant"),
    _("Sunday mornings: sleep in or go out"),
    _("Tone in a message that came across wrong"),
    _("Tidying before guests arrive"),
    _("How much screen time in the evening"),
    _("The gym bag in the hallway"),
]

NOTES = [
    _("I was tired and it came out sharper than I meant."),
    _("We sorted it over a walk."),
    _("Still thinking about what I actually need here."),
    _("Talking at breakfast instead of late at night helped."),
    "",
    "",
]

REPAIR_MINUTES = [15, 60, 60, 180, 180, 720, 1440, 4320]


def _view(demo, conflict, author, *, shared: bool) -> ConflictView:
    rng = demo.rng
    roll = rng.random()
    repaired = "yes" if roll < 0.78 else ("partly" if roll < 0.9 else "not_yet")
    patterns = {name for name in PATTERN_FIELDS if rng.random() < 0.2}
    intensity = rng.choice([1, 2, 2, 3, 3, 3, 4, 5])
    opening = rng.choice(
        [Opening.GENTLE, Opening.GENTLE, Opening.EDGE, Opening.PARTNER]
    )
    return build_view(
        conflict,
        author,
        shared=shared,
        intensity=intensity,
        opening=opening,
        repaired=repaired,
        repair_minutes=None if repaired == "not_yet" else rng.choice(REPAIR_MINUTES),
        note=str(rng.choice(NOTES)),
        patterns=patterns,
        at=conflict.occurred_at + timedelta(hours=rng.randint(2, 30)),
    )


def populate(demo) -> None:
    rng = demo.rng
    topics = list(TOPICS)
    rng.shuffle(topics)
    day = demo.start + timedelta(days=3)
    index = 0
    while day < demo.now - timedelta(days=2):
        logger, other = rng.sample(demo.partners, 2)
        occurred = day.replace(hour=rng.randint(7, 22), minute=rng.choice([0, 15, 30]))
        logger_shares = rng.random() < 0.8
        conflict = build_conflict(
            demo.space,
            logger,
            topic=str(topics[index % len(topics)]),
            occurred_at=occurred,
            shared=logger_shares,
            at=occurred + timedelta(hours=2),
        )
        _view(demo, conflict, logger, shared=logger_shares)
        # The partner can only add a view once the logger shared theirs.
        if logger_shares and rng.random() < 0.85:
            _view(demo, conflict, other, shared=rng.random() < 0.85)
        index += 1
        day += timedelta(days=rng.randint(4, 10))
