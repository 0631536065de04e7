"""Questions in a person's export: every question put to their space with
their own answer, the partner's answer only once revealed, follow-ups and
reactions they may see, and the couple's own questions. Never a partner's
unrevealed answer: every row comes through `visible_to`.

Keys:
- `rounds` (oldest first): `day`, `question`, `level` (1-3), `picked`,
  `revealed_at`, `passed_at`, `my_answer` (null, or `text`, `written`,
  `changed`, `reactions_received`: `from`, `reaction`), `partner_answers`
  (empty unless revealed: `by`, `text`, `my_reaction`), `follow_ups` (`by`,
  `text`, `at`; only after a reveal).
- `our_questions`: questions either partner wrote into the deck: `by`,
  `text`, `level`, `written`, `in_deck`.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q

from troth.lib.export import when
from troth.lib.prefetch import prefetch_visible
from troth.questions.models import Answer, FollowUp, OwnQuestion, Reaction, Round


def export(user) -> dict:
    rounds = [_round_row(round, user) for round in _rounds(user)]
    own = [
        {
            "by": str(q.author),
            "text": q.text,
            "level": q.level,
            "written": when(q.created),
            "in_deck": q.retired_at is None,
        }
        for q in OwnQuestion.objects.visible_to(user)
        .select_related("author")
        .order_by("created")
    ]
    return {"rounds": rounds, "our_questions": own}


def _rounds(user):
    """The rounds of the person's space, and any round they answered (they
    keep their own words after leaving a space), with what they may see of
    each prefetched."""
    answers = (
        Answer.objects.visible_to(user)
        .select_related("author")
        .prefetch_related(
            prefetch_visible("reactions", Reaction, user, to_attr="visible_reactions")
        )
    )
    return (
        Round.objects.filter(
            Q(pk__in=Round.objects.visible_to(user).values("pk"))
            | Q(pk__in=Answer.objects.visible_to(user).by(user).values("round_id"))
        )
        .select_related("own")
        # One Prefetch per call: django-stubs types several in one call as
        # a list of their common base.
        .prefetch_related(
            Prefetch("answers", queryset=answers, to_attr="visible_answers")
        )
        .prefetch_related(
            prefetch_visible("followups", FollowUp, user, to_attr="visible_followups"),
        )
        .order_by("day", "id")
    )


def _round_row(round, user) -> dict:
    mine = next((a for a in round.visible_answers if a.author_id == user.pk), None)
    theirs = [a for a in round.visible_answers if a.author_id != user.pk]
    return {
        "day": when(round.day),
        "question": round.text,
        "level": round.level,
        "picked": round.origin == Round.Origin.PICKED,
        "revealed_at": when(round.revealed_at),
        "passed_at": when(round.passed_at),
        "my_answer": None if mine is None else _my_answer(mine, user),
        "partner_answers": [
            {
                "by": str(a.author),
                "text": a.text,
                "my_reaction": next(
                    (r.kind for r in a.visible_reactions if r.author_id == user.pk),
                    None,
                ),
            }
            for a in theirs
        ],
        "follow_ups": [
            {"by": str(f.author), "text": f.text, "at": when(f.created)}
            for f in round.visible_followups
        ],
    }


def _my_answer(mine, user) -> dict:
    return {
        "text": mine.text,
        "written": when(mine.created),
        "changed": when(mine.updated),
        "reactions_received": [
            {"from": str(r.author), "reaction": r.kind}
            for r in mine.visible_reactions
            if r.author_id != user.pk
        ],
    }
