"""How long drafting one month's trust audit takes for a couple with three
years of history.

    .venv/bin/python benchmarks/audit.py [--runs 20]

Builds a fresh SQLite database in a temporary directory (nothing else is
touched), fills it with three years of a busy couple's data, then times
`troth.audits.figures.draft_figures` for the last month over repeated runs
and counts its queries. It also times the computations behind the insights
page for the same couple. Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

YEARS = 3


def setup(data_dir: str) -> None:
    os.environ["TROTH_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "troth.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(now: dt.datetime, rng: random.Random):
    """Three years of promises, pulses, moments, questions, disagreements,
    a weekly ritual, goals and agreements for one couple. Returns the space."""
    from troth.accounts.models import User
    from troth.agreements.models import Agreement, AgreementEvent, EventKind
    from troth.checkins.models import Pulse, PulseSettings
    from troth.conflicts.models import Conflict, ConflictView
    from troth.goals.models import Goal, Milestone
    from troth.lib.content import Visibility
    from troth.moments.models import Moment
    from troth.promises.models import Promise, State
    from troth.questions.models import Round
    from troth.schedule.models import Event, EventVisibility, RitualMark
    from troth.spaces.models import Membership, Space

    shared = Visibility.SHARED
    start = now - dt.timedelta(days=365 * YEARS)
    alex = User.objects.create_user(
        "alex@example.com", "x", display_name="Alex", timezone="Europe/London"
    )
    sam = User.objects.create_user(
        "sam@example.com", "x", display_name="Sam", timezone="Europe/Berlin"
    )
    space = Space.objects.create(created=start)
    for person in (alex, sam):
        Membership.objects.create(space=space, user=person, joined_at=start)
    PulseSettings.objects.create(user=sam, share=True)
    days = (now.date() - start.date()).days
    first_day = start.date()

    promises = []
    for person, other in ((alex, sam), (sam, alex)):
        for n in range(0, days, 2):
            day = first_day + dt.timedelta(days=n)
            p = Promise(
                space=space,
                author=person,
                promisee=other,
                created=start,
                state=rng.choice([State.KEPT] * 6 + [State.NOT_QUITE, State.MISSED]),
                renegotiations=1 if rng.random() < 0.05 else 0,
            )
            p.set_terms(
                text="Take the recycling down",
                due_date=day,
                due_time=None,
                tz=person.timezone,
            )
            promises.append(p)
    Promise.objects.bulk_create(promises, batch_size=500)

    pulses = []
    for person in (alex, sam):
        for n in range(days):
            if rng.random() < 0.8:
                pulses.append(
                    Pulse(
                        space=space,
                        author=person,
                        day=first_day + dt.timedelta(days=n),
                        predictability=rng.randint(3, 7),
                        dependability=rng.randint(3, 7),
                        faith=rng.randint(3, 7),
                        understood=rng.randint(3, 7),
                        cared_for=rng.randint(3, 7),
                        visibility=shared if person == sam else Visibility.PRIVATE,
                    )
                )
    Pulse.objects.bulk_create(pulses, batch_size=500)

    moments = []
    for n in range(days):
        for person, other in ((alex, sam), (sam, alex)):
            if rng.random() < 0.4:
                moments.append(
                    Moment(
                        space=space,
                        author=person,
                        about="partner",
                        subject=other,
                        kind="listened",
                        occurred_on=first_day + dt.timedelta(days=n),
                        visibility=shared,
                    )
                )
    Moment.objects.bulk_create(moments, batch_size=500)

    Round.objects.bulk_create(
        [
            Round(
                space=space,
                day=first_day + dt.timedelta(days=n),
                key=f"bench-{n}",
                level=1,
                revealed_at=start + dt.timedelta(days=n, hours=20)
                if rng.random() < 0.7
                else None,
            )
            for n in range(days)
        ],
        batch_size=500,
    )

    conflicts = Conflict.objects.bulk_create(
        [
            Conflict(
                space=space,
                author=alex,
                topic="The holiday budget",
                occurred_at=start
                + dt.timedelta(days=rng.randint(0, days - 1), hours=19),
                visibility=shared,
            )
            for _n in range(YEARS * 12 * 5)
        ],
        batch_size=500,
    )
    views = []
    for c in conflicts:
        for person in (alex, sam):
            views.append(
                ConflictView(
                    space=space,
                    author=person,
                    conflict=c,
                    visibility=shared,
                    intensity=3,
                    opening="gentle",
                    repaired=rng.choice(["yes", "yes", "partly"]),
                    repair_minutes=180,
                )
            )
    ConflictView.objects.bulk_create(views, batch_size=500)

    ritual = Event.objects.create(
        space=space,
        author=alex,
        kind=Event.Kind.RITUAL,
        visibility=EventVisibility.SHARED,
        title="Sunday breakfast",
        start=start.replace(hour=9, minute=0, second=0, microsecond=0),
        end=start.replace(hour=10, minute=0, second=0, microsecond=0),
        time_zone="UTC",
        rrule="FREQ=WEEKLY",
    )
    marks = []
    for week in range(days // 7):
        original = ritual.start + dt.timedelta(weeks=week)
        for person in (alex, sam):
            marks.append(
                RitualMark(
                    event=ritual,
                    original=original,
                    user=person,
                    happened=rng.random() < 0.85,
                )
            )
    RitualMark.objects.bulk_create(marks, batch_size=500)

    for g in range(YEARS * 6):
        goal = Goal.objects.create(
            space=space,
            author=alex,
            title=f"Goal {g}",
            status="finished",
            finished_at=start + dt.timedelta(days=60 * g + 50),
        )
        Milestone.objects.bulk_create(
            [
                Milestone(
                    space=space,
                    author=alex,
                    goal=goal,
                    title="Step",
                    owner=rng.choice([alex, sam]),
                    done_at=start + dt.timedelta(days=60 * g + 5 * s),
                )
                for s in range(8)
            ]
        )

    for a in range(8):
        agreement = Agreement.objects.create(
            space=space,
            author=sam,
            title=f"Agreement {a}",
            status="active",
            created=start + dt.timedelta(days=30 * a),
            review_on=(now + dt.timedelta(days=10 * a)).date(),
        )
        AgreementEvent.objects.create(
            agreement=agreement,
            kind=EventKind.ACTIVATED,
            created=start + dt.timedelta(days=30 * a + 2),
        )
    return space


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="troth-bench-") as data_dir:
        setup(data_dir)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone

        from troth.audits.figures import draft_figures
        from troth.audits.services import day_start, space_today
        from troth.insights import trends
        from troth.insights.sections import Period, contributors

        now = timezone.now()
        started = time.perf_counter()
        space = build(now, random.Random(3))
        built = time.perf_counter() - started
        partners = space.partners
        end = day_start(partners, space_today(partners, now))
        begin = end - dt.timedelta(days=30)

        from troth.checkins.models import Pulse
        from troth.conflicts.models import ConflictView
        from troth.moments.models import Moment
        from troth.promises.models import Promise
        from troth.questions.models import Round
        from troth.schedule.models import RitualMark

        counts = ", ".join(
            f"{model.objects.count()} {label}"
            for model, label in (
                (Promise, "promises"),
                (Pulse, "pulses"),
                (Moment, "moments"),
                (Round, "questions"),
                (ConflictView, "disagreement views"),
                (RitualMark, "ritual answers"),
            )
        )
        print(f"Built {YEARS} years of data in {built:.1f} s: {counts}")
        with CaptureQueriesContext(connection) as captured:
            figures = draft_figures(space, start=begin, end=end)
        print(
            f"One draft runs {len(captured)} queries; "
            f"promises due this month: {sum(p['due'] for p in figures['promises'].values())}"
        )

        def timed(fn) -> list[float]:
            fn()  # warm up
            samples = []
            for _n in range(args.runs):
                t = time.perf_counter()
                fn()
                samples.append((time.perf_counter() - t) * 1000)
            return samples

        def report(label: str, samples: list[float]) -> None:
            print(
                f"{label}: median {statistics.median(samples):.1f} ms, "
                f"min {min(samples):.1f} ms, max {max(samples):.1f} ms over {len(samples)} runs"
            )

        report(
            "Audit draft (one month)",
            timed(lambda: draft_figures(space, start=begin, end=end)),
        )
        viewer = partners[0]
        months = trends.recent_months(now, viewer.tz, 12)

        period = Period(
            user=viewer,
            space=space,
            partner=space.partner_of(viewer),
            months=months,
            now=now,
        )

        def insights() -> None:
            for module in contributors():
                module.section(period)

        report("Insights figures (12 months)", timed(insights))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
