"""The demo space: two partners and months of realistic activity.

`demo_create` wipes the two demo accounts (and so their space) and builds
them again; each feature app adds its part in `troth/<app>/demo.py` with a
`populate(demo)` function, called in INSTALLED_APPS order.

Everything the couple wrote is marked for translation and made under
`translation.override(language)`, so `troth demo --language es` gives a
couple who write in Spanish. Each app turns its texts into `str` before
saving, while the override is still active.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone, translation

from troth.accounts.builders import build_user
from troth.accounts.models import User
from troth.lib.hooks import app_modules
from troth.spaces.builders import build_space
from troth.spaces.models import Space

PASSWORD = "troth-demo"
ALEX = "alex@example.com"
SAM = "sam@example.com"


@dataclass
class Demo:
    space: object
    alex: object
    sam: object
    now: datetime
    rng: random.Random
    password: str = PASSWORD
    extra: dict = field(default_factory=dict)

    @property
    def partners(self) -> list:
        return [self.alex, self.sam]

    @property
    def start(self) -> datetime:
        """When the couple started using Troth: six months ago."""
        return self.now - timedelta(days=182)


def demo_create(now: datetime | None = None, *, language: str = "en") -> Demo:
    """The demo couple, both set to `language`, writing in it."""
    now = now or timezone.now()
    started = now - timedelta(days=182)
    with transaction.atomic(), translation.override(language):
        old = User.objects.filter(email__in=[ALEX, SAM])
        Space.objects.filter(memberships__user__in=old).delete()
        old.delete()
        alex, sam = (
            build_user(
                email,
                PASSWORD,
                display_name=name,
                timezone=zone,
                date_joined=started,
                verified=True,
                language=language,
            )
            for email, name, zone in (
                (ALEX, "Alex", "Europe/London"),
                (SAM, "Sam", "Europe/Berlin"),
            )
        )
        space = build_space(
            alex,
            sam,
            created=started,
            joined_at=[started, started + timedelta(hours=3)],
        )
        demo = Demo(
            space=space, alex=alex, sam=sam, now=now, rng=random.Random(20261127)
        )  # noqa: S311
        for module in app_modules("demo"):
            module.populate(demo)
    return demo
