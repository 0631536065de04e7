"""Two dialogues: one together on Sam's phone about weekends, two months
ago, with a summary both kept; and a written one about the household that
is in progress, waiting for Sam to mirror Alex.

Rows are written directly with past timestamps, so the demo raises no
fresh notifications.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from troth.dialogue.builders import build_dialogue, build_summary, build_turn
from troth.dialogue.models import Mode, Status, Step


def populate(demo) -> None:
    alex, sam, space = demo.alex, demo.sam, demo.space
    together_at = demo.now - dt.timedelta(days=61, hours=3)
    finished_at = together_at + dt.timedelta(minutes=40)
    weekends = build_dialogue(
        space,
        sam,
        to=alex,
        mode=Mode.TOGETHER,
        topic=_("Weekends"),
        at=together_at,
        round=2,
        step=Step.DONE,
        status=Status.FINISHED,
        finished_at=finished_at,
    )
    summary = build_summary(
        weekends,
        sam,
        text=(
            _(
                "Sam heard that Alex needs one slow morning at the weekend to "
                "recover from the week, and that it isn't about avoiding Sam. "
                "Alex heard that Sam feels lonely when every Saturday fills up with "
                "errands. We'll keep Sunday mornings slow and plan one thing "
                "together on Saturdays."
            )
        ),
        at=finished_at + dt.timedelta(minutes=10),
        kept_at=finished_at + dt.timedelta(hours=2),
    )

    written_at = demo.now - dt.timedelta(hours=26)
    household = build_dialogue(
        space,
        alex,
        to=sam,
        mode=Mode.WRITTEN,
        topic=_("Who notices what needs doing at home"),
        at=written_at,
        round=1,
        step=Step.MIRROR,
        status=Status.ACTIVE,
    )
    build_turn(
        household,
        alex,
        round=1,
        step=Step.SEND,
        text=(
            _(
                "I feel worn out when I'm the one who notices that we're out of "
                "things, that the bins need taking down, that a bill is due. It "
                "isn't the doing, it's the keeping track. What I'd like is for "
                "some of that to be yours, without me asking."
            )
        ),
        at=written_at + dt.timedelta(minutes=20),
    )
    demo.extra["dialogue_summary"] = summary
