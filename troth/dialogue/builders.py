"""Builders for dialogues, their turns and summaries, for the demo and the
tests alike (see troth/spaces/builders.py for what a builder is). Rows are
made directly with their own dates, so building raises no notifications."""

from __future__ import annotations

from datetime import datetime

from troth.dialogue.models import Dialogue, Summary, Turn
from troth.lib.content import Visibility


def build_dialogue(
    space, author, *, to, mode: str, topic: str, at: datetime, **fields
) -> Dialogue:
    """A dialogue `author` started at `at`, speaking first to `to`; `fields`
    holds where it has got to (`round`, `step`, `status`, `finished_at`)."""
    return Dialogue.objects.create(
        space=space,
        author=author,
        mode=mode,
        topic=topic,
        first_sender=author,
        first_receiver=to,
        created=at,
        **fields,
    )


def build_turn(
    dialogue: Dialogue, author, *, round: int, step: str, text: str, at: datetime
) -> Turn:
    """What `author` wrote at one step of one round."""
    return dialogue.add(Turn, author, at=at, round=round, step=step, text=text)


def build_summary(
    dialogue: Dialogue,
    author,
    *,
    text: str,
    at: datetime,
    kept_at: datetime | None = None,
) -> Summary:
    """The shared summary of a finished dialogue, kept by both at `kept_at`."""
    return dialogue.add(
        Summary,
        author,
        at=at,
        text=text,
        visibility=Visibility.SHARED,
        kept_at=kept_at,
    )
