"""Builders for question rounds, answers, follow-ups, reactions, a couple's
own questions and the deck's settings, for the demo and the tests alike (see
troth/spaces/builders.py for what a builder is). With `save=False` a
builder returns the row unsaved, for a bulk insert."""

from __future__ import annotations

import datetime as dt

from troth.lib.builders import build_content
from troth.questions.models import (
    Answer,
    DeckSettings,
    FollowUp,
    OwnQuestion,
    Reaction,
    Round,
)


def _saved(row, save: bool):
    if save:
        row.save()
    return row


def _when(at: dt.datetime | None) -> dict:
    return {"created": at} if at else {}


def build_round(
    space,
    day: dt.date,
    *,
    key: str,
    level: int,
    own: OwnQuestion | None = None,
    at: dt.datetime | None = None,
    save: bool = True,
    **fields,
) -> Round:
    """The question `key` asked on `day`; `fields` holds how it ended
    (`revealed_at`, or `passed_at` and `passed_by`)."""
    row = Round(
        space=space, day=day, key=key, own=own, level=level, **_when(at), **fields
    )
    return _saved(row, save)


def build_answer(
    round: Round, author, *, text: str, at: dt.datetime, save: bool = True
) -> Answer:
    """`author`'s answer to the round's question, written at `at`."""
    return build_content(
        Answer, round.space, author, at=at, save=save, round=round, text=text
    )


def build_followup(
    round: Round, author, *, text: str, at: dt.datetime, save: bool = True
) -> FollowUp:
    """Something `author` added after the answers were revealed."""
    return build_content(
        FollowUp, round.space, author, at=at, save=save, round=round, text=text
    )


def build_reaction(
    answer: Answer, author, *, kind: str, at: dt.datetime, save: bool = True
) -> Reaction:
    """`author`'s reaction to their partner's answer."""
    return build_content(
        Reaction, answer.space, author, at=at, save=save, answer=answer, kind=kind
    )


def build_own_question(
    space, author, *, text: str, level: int, at: dt.datetime
) -> OwnQuestion:
    """A question `author` wrote for the two of them."""
    return build_content(OwnQuestion, space, author, at=at, text=text, level=level)


def build_deck_settings(
    space, *, levels: list[int], by, at: dt.datetime, packs_off: tuple[str, ...] = ()
) -> DeckSettings:
    """The levels (and packs switched off) `by` chose for the couple's
    questions, at `at`."""
    return DeckSettings.objects.create(
        space=space,
        levels=levels,
        packs_off=list(packs_off),
        updated=at,
        updated_by=by,
    )
