"""What the guide says at each step, to the person who holds the phone (or
whose turn it is). Our own words, after the structure of Imago dialogue:
mirror, validate, empathise (RESEARCH.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from troth.dialogue.models import Step

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PROMPTS: dict[str, dict[str, StrOrPromise]] = {
    Step.SEND: {
        "title": _("{sender}, say what's on your mind"),
        "prompt": _(
            "Start with “I”: how you feel, and what you need. One thing at a "
            "time, a few sentences at most, so {receiver} can hold on to it."
        ),
        "example": _("I feel … when … because … What I'd like is …"),
        "listener": _("{receiver}, just listen. You'll say it back in a moment."),
        "written_label": _("What I want to say"),
    },
    Step.MIRROR: {
        "title": _("{receiver}, say back what you heard"),
        "prompt": _(
            "As closely as you can, without adding, explaining or defending. "
            "Then ask: “Did I get that? Is there more?”"
        ),
        "example": _("What I heard is … Did I get that? Is there more?"),
        "listener": _("{sender}, listen to whether you were heard."),
        "written_label": _("What I heard you say"),
    },
    Step.MORE: {
        "title": _("{sender}, is there more?"),
        "prompt": _(
            "If there's more, or something wasn't quite heard, say it. If "
            "that's it for now, say so."
        ),
        "example": "",
        "listener": "",
        "written_label": "",
    },
    Step.SUMMARISE: {
        "title": _("{receiver}, sum it all up"),
        "prompt": _("Put everything {sender} said together, in a few sentences."),
        "example": _("So, all together, what you're saying is …"),
        "listener": _("{sender}, listen."),
        "written_label": _("All together, what you're saying is"),
    },
    Step.VALIDATE: {
        "title": _("{receiver}, say how it makes sense"),
        "prompt": _(
            "From where {sender} stands, how does it make sense? You don't have "
            "to agree: this is about their side."
        ),
        "example": _("That makes sense to me, because …"),
        "listener": _("{sender}, listen."),
        "written_label": _("That makes sense, because"),
    },
    Step.EMPATHISE: {
        "title": _("{receiver}, guess how {sender} feels"),
        "prompt": _(
            "Name a feeling or two. It's a guess; {sender} will say if it fits."
        ),
        "example": _("I imagine you might feel …"),
        "listener": _("{sender}, listen to the guess."),
        "written_label": _("I imagine you might feel"),
    },
    Step.CHECK: {
        "title": _("{sender}, is that how you feel?"),
        "prompt": _("If it's close, say so. If not, say what it's closer to."),
        "example": "",
        "listener": "",
        "written_label": _("What it's closer to (optional)"),
    },
    Step.PASS: {
        "title": _("Now swap"),
        "prompt": _("Pass the phone to {receiver}, who listens now. {sender} speaks."),
        "example": "",
        "listener": "",
        "written_label": "",
    },
}


def prompt_for(dialogue) -> dict:
    """The step's words with the two names filled in."""
    words = PROMPTS.get(dialogue.step)
    if words is None:
        return {}
    names = {"sender": str(dialogue.sender), "receiver": str(dialogue.receiver)}
    return {
        key: str(value).format(**names) if value else "" for key, value in words.items()
    }
