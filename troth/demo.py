"""The demo space: two partners and months of realistic activity.

`demo_create` wipes the two demo accounts (and so their space) and builds
them again; each feature app adds its part in `troth/<app>/demo.py` with a
`populate(demo)` function, called in INSTALLED_APPS order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from troth.accounts.models import User
from troth.lib.hooks import app_modules
from troth.spaces.models import Membership, Space

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


def demo_create(now: datetime | None = None) -> Demo:
    from allauth.account.models import EmailAddress

    now = now or timezone.now()
    with transaction.atomic():
        old = User.objects.filter(email__in=[ALEX, SAM])
        Space.objects.filter(memberships__user__in=old).delete()
        old.delete()
        alex = User.objects.create_user(
            ALEX, PASSWORD, display_name="Alex", timezone="Europe/London"
        )
        sam = User.objects.create_user(
            SAM, PASSWORD, display_name="Sam", timezone="Europe/Berlin"
        )
        started = now - timedelta(days=182)
        space = Space.objects.create(created=started)
        Membership.objects.create(space=space, user=alex, joined_at=started)
        Membership.objects.create(
            space=space, user=sam, joined_at=started + timedelta(hours=3)
        )
        User.objects.filter(pk__in=[alex.pk, sam.pk]).update(date_joined=started)
        alex.date_joined = sam.date_joined = started
        for user in (alex, sam):
            EmailAddress.objects.create(
                user=user, email=user.email, verified=True, primary=True
            )
        demo = Demo(
            space=space, alex=alex, sam=sam, now=now, rng=random.Random(20261127)
        )  # noqa: S311
        for module in app_modules("demo"):
            module.populate(demo)
    return demo
