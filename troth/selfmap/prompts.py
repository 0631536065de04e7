"""Guided prompts: a question to start from, so no entry starts on a blank
page. Our own wording. Each prompt has a stable key so a link can name it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from troth.selfmap.models import Kind


@dataclass(frozen=True)
class Prompt:
    key: str
    kind: str
    question: Promise
    example_title: Promise


PROMPTS: tuple[Prompt, ...] = (
    # Boundaries
    Prompt(
        "b1",
        Kind.BOUNDARY,
        _("When do you need time to yourself, and how can your partner tell?"),
        _("Quiet time after work"),
    ),
    Prompt(
        "b2",
        Kind.BOUNDARY,
        _("What is private for you, even inside your relationship?"),
        _("My journal is mine"),
    ),
    Prompt(
        "b3",
        Kind.BOUNDARY,
        _("How do you want disagreements to be raised, and when not?"),
        _("No serious talks after 11 at night"),
    ),
    Prompt(
        "b4",
        Kind.BOUNDARY,
        _(
            "What about your body, your things or your phone should be asked about first?"
        ),
        _("Ask before reading my messages"),
    ),
    Prompt(
        "b5",
        Kind.BOUNDARY,
        _("Which jokes or topics feel hurtful rather than playful to you?"),
        _("Jokes about my family"),
    ),
    Prompt(
        "b6",
        Kind.BOUNDARY,
        _("What do you need to keep for friends, family or work, apart from us?"),
        _("Thursday evenings with my sister"),
    ),
    # Triggers
    Prompt(
        "t1",
        Kind.TRIGGER,
        _("What tone of voice or words make you close up, and what do you feel then?"),
        _("Being talked to like a child"),
    ),
    Prompt(
        "t2",
        Kind.TRIGGER,
        _("What situation brings back an old hurt, and where does it come from?"),
        _("Plans cancelled at the last minute"),
    ),
    Prompt(
        "t3",
        Kind.TRIGGER,
        _("When do you feel left out or forgotten, and how does it show in you?"),
        _("Long silences when we are apart"),
    ),
    Prompt(
        "t4",
        Kind.TRIGGER,
        _("What makes you feel criticised even when nobody meant it?"),
        _("Comments about how I do the housework"),
    ),
    Prompt(
        "t5",
        Kind.TRIGGER,
        _("When your body tenses before you know why, what was happening?"),
        _("Raised voices in the next room"),
    ),
    # Values
    Prompt(
        "v1",
        Kind.VALUE,
        _("What do you want people to be able to count on you for?"),
        _("Keeping my word"),
    ),
    Prompt(
        "v2",
        Kind.VALUE,
        _("What would you stand up for even when it costs you something?"),
        _("Telling the truth kindly"),
    ),
    Prompt(
        "v3",
        Kind.VALUE,
        _("What makes a day feel well spent to you?"),
        _("Time outdoors together"),
    ),
    Prompt(
        "v4",
        Kind.VALUE,
        _(
            "Which value did you take from your family, and which did you choose yourself?"
        ),
        _("Generosity with time"),
    ),
    Prompt(
        "v5",
        Kind.VALUE,
        _("What do you hope our home feels like to someone who walks in?"),
        _("A place where people are welcome"),
    ),
    # Needs
    Prompt(
        "n1",
        Kind.NEED,
        _(
            "When you are low, what helps most: words, company, space or something practical?"
        ),
        _("Company without questions"),
    ),
    Prompt(
        "n2",
        Kind.NEED,
        _("What makes you feel most loved by your partner?"),
        _("Being asked about my day and listened to"),
    ),
    Prompt(
        "n3",
        Kind.NEED,
        _("What do you need to feel safe bringing up something hard?"),
        _("Knowing we will not shout"),
    ),
    Prompt(
        "n4",
        Kind.NEED,
        _("What small, regular thing keeps you steady?"),
        _("A walk every morning"),
    ),
    Prompt(
        "n5",
        Kind.NEED,
        _("After a disagreement, what do you need before you can reconnect?"),
        _("An hour to calm down first"),
    ),
)


def prompts_for(kind: str) -> list[Prompt]:
    return [p for p in PROMPTS if p.kind == kind]


def prompt_by_key(key: str | None) -> Prompt | None:
    return next((p for p in PROMPTS if p.key == key), None)


def prompt_of_the_day(
    user_id: int, day_ordinal: int, kind: str | None = None
) -> Prompt:
    """A prompt that changes daily and differs between partners."""
    pool = prompts_for(kind) if kind else list(PROMPTS)
    return pool[(user_id * 7 + day_ordinal) % len(pool)]
