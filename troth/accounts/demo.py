"""Sign-in history for the demo couple: a phone and a laptop each, over the
last few weeks, and one mistyped password, so Settings → Sign-in history
has something true-looking to show."""

from __future__ import annotations

from datetime import timedelta

from troth.accounts.builders import build_sign_in
from troth.accounts.devices import device_hash
from troth.accounts.models import SignIn

DEVICES = {
    "alex": [
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "192.0.2.24",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "198.51.100.40",
        ),
    ],
    "sam": [
        (
            "Mozilla/5.0 (Linux; Android 15; Pixel 7) AppleWebKit/537.36 "
            "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
            "203.0.113.77",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:132.0) Gecko/20100101 "
            "Firefox/132.0",
            "192.0.2.150",
        ),
    ],
}


def populate(demo) -> None:
    rows = []
    for name, user in (("alex", demo.alex), ("sam", demo.sam)):
        for day in range(60, 0, -1):
            if demo.rng.random() < 0.55:
                continue
            ua, ip = DEVICES[name][demo.rng.random() < 0.3]
            at = demo.now - timedelta(days=day, hours=demo.rng.randint(0, 14))
            rows.append(
                build_sign_in(
                    user,
                    at=at,
                    method="password",
                    ip=ip,
                    user_agent=ua,
                    device=device_hash(f"demo-{name}-{ua[:20]}"),
                    save=False,
                )
            )
        ua, ip = DEVICES[name][0]
        rows.append(
            build_sign_in(
                user,
                at=demo.now - timedelta(days=12, minutes=3),
                outcome=SignIn.Outcome.WRONG_PASSWORD,
                ip=ip,
                user_agent=ua,
                save=False,
            )
        )
    SignIn.objects.bulk_create(rows)
