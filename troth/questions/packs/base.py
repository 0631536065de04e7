"""What a pack of questions is made of.

Each module in this package defines `PACK = Pack(...)`. A card's key is
"<pack key>.<number>", numbered from 1 in the order written and never
reused or renumbered (rounds store it). Levels: 1 warming up, 2 going
deeper, 3 close to the heart. A follow-up is an optional second prompt for
after both have answered, kept for the deepest questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class Card:
    key: str
    level: int
    text: Promise
    follow_up: Promise | None = None


@dataclass(frozen=True)
class Pack:
    key: str
    name: Promise
    about: Promise
    cards: tuple[Card, ...] = field(default_factory=tuple)
