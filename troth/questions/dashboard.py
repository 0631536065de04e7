"""Today's question on the dashboard: the question, and whether each of you
has answered. Never an answer, its length or its time before the reveal."""

from __future__ import annotations

from django.db.models import Exists
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.lib.needs import Need
from troth.questions.models import Answer, Round
from troth.questions.services import round_for_day, space_day
from troth.spaces.firstrun import Step


def cards(request, membership) -> list[dict]:
    user = request.user
    space = membership.space
    waiting = space.is_open and len(space.partners) < 2
    today = None
    if space.is_open and not waiting:
        rounds = (
            Round.objects.visible_to(user).with_progress(user).select_related("own")
        )
        day = space_day(space)
        today = rounds.filter(space=space, day=day, origin=Round.Origin.DAILY).first()
        if today is None:
            made = round_for_day(space=space, day=day)
            today = rounds.filter(pk=made.pk).first() if made else None
    if not space.is_open:
        return []
    return [
        {
            "template": "questions/card.html",
            "order": 20,
            "place": "lead" if today is not None else "tile",
            "round": today,
            "partner": space.partner_of(user),
            "waiting": waiting,
            "needs": [
                Need(
                    _("Today's question is waiting for your answer"),
                    today.get_absolute_url(),
                )
            ]
            if today is not None and today.is_open and not today.i_answered
            else [],
        }
    ]


def first_steps(membership) -> list[Step]:
    """For the first-run checklist: a first answer to the question of the day."""
    answered = Answer.objects.filter(author_id=membership.user_id)
    return [
        Step(
            "question",
            gettext_lazy("Today's question"),
            "questions:index",
            30,
            Exists(answered),
        )
    ]
