"""Self maps for the demo couple: some entries shared, some kept private,
a few rewritten over time, with thank-yous and one request to talk."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from troth.selfmap.builders import build_entry, build_kind_share, build_response
from troth.selfmap.models import Entry, Response, Wording

# (kind, shared, [(title, text, helps), ...later wordings], days after start)
ALEX = [
    (
        "boundary",
        True,
        [
            (
                _("Quiet time after work"),
                _(
                    "When I get home I need about half an hour before I can really talk. "
                    "It isn't about you: my head is still full of the day."
                ),
                _(
                    "A hello and a hug, then letting me change and make tea before we catch up."
                ),
            )
        ],
        6,
    ),
    (
        "boundary",
        False,
        [
            (
                _("My phone is mine"),
                _(
                    "I don't mind you seeing my phone, but I want to be asked first. "
                    "Being checked on makes me feel like a suspect."
                ),
                "",
            )
        ],
        20,
    ),
    (
        "trigger",
        True,
        [
            (
                _("Plans cancelled at the last minute"),
                _(
                    "When plans fall through at the last minute I get a sinking feeling, "
                    "as if I wasn't important."
                ),
                _("Telling me early, even if it's only a maybe."),
            ),
            (
                _("Plans cancelled at the last minute"),
                _(
                    "When plans fall through at the last minute I get a sinking feeling, "
                    "as if I wasn't important. It goes back to a dad who often didn't "
                    "turn up. I know you are not him, and I'm working on not reacting "
                    "as if you were."
                ),
                _(
                    "Telling me early, even if it's only a maybe, and suggesting another day."
                ),
            ),
        ],
        15,
    ),
    (
        "value",
        True,
        [
            (
                _("Keeping my word"),
                _(
                    "If I say I'll do something, I want it done. I'd rather promise less "
                    "and keep all of it."
                ),
                "",
            )
        ],
        30,
    ),
    (
        "value",
        True,
        [
            (
                _("Time outdoors together"),
                _(
                    "A day outside with you, walking and not talking much, is one of the "
                    "best kinds of day I know."
                ),
                "",
            )
        ],
        70,
    ),
    (
        "need",
        False,
        [
            (
                _("Company without questions"),
                _(
                    "When I'm low I want you near me, not asking what's wrong every few "
                    "minutes. I'll talk when I can."
                ),
                _("Sitting with me, putting a film on, making dinner."),
            )
        ],
        44,
    ),
    (
        "need",
        True,
        [
            (
                _("Being asked about my day"),
                _(
                    "It matters to me when you ask about the small things: the meeting I "
                    "was nervous about, the call with my sister."
                ),
                "",
            )
        ],
        95,
    ),
]

SAM = [
    (
        "boundary",
        True,
        [
            (
                _("No serious talks after 11"),
                _(
                    "After eleven at night I can't think straight and everything feels "
                    "bigger than it is. If something important comes up, let's save it "
                    "for the morning."
                ),
                _("Saying 'let's talk at breakfast' and then really doing it."),
            )
        ],
        9,
    ),
    (
        "trigger",
        True,
        [
            (
                _("Raised voices"),
                _(
                    "Loud voices, even happy ones, put me on edge. I grew up in a house "
                    "where shouting came before something bad."
                ),
                _("Lowering your voice, and reminding me we're on the same side."),
            )
        ],
        25,
    ),
    (
        "trigger",
        False,
        [
            (
                _("Being compared to my brother"),
                _(
                    "Any comparison with my brother, even a joke, takes me straight back "
                    "to being the one who was never quite enough."
                ),
                "",
            )
        ],
        60,
    ),
    (
        "value",
        True,
        [
            (
                _("Telling the truth kindly"),
                _(
                    "I would always rather hear a hard truth than a kind lie. I try to "
                    "tell it with care."
                ),
                "",
            )
        ],
        38,
    ),
    (
        "need",
        True,
        [
            (
                _("A walk every morning"),
                _(
                    "Twenty minutes outside before work keeps me steady for the whole day."
                ),
                _("Not booking anything before nine on weekdays."),
            )
        ],
        12,
    ),
    (
        "need",
        None,  # written privately first, shared later (see below)
        [
            (
                _("Time to calm down"),
                _("After an argument I need some time alone."),
                "",
            ),
            (
                _("An hour to calm down first"),
                _(
                    "After a disagreement I need about an hour on my own before I can "
                    "talk without getting defensive. It isn't me leaving: I always come "
                    "back."
                ),
                _("Letting me go for a walk, and a message saying we're OK."),
            ),
        ],
        50,
    ),
]


def _entries(demo, author, plan) -> list[Entry]:
    made = []
    for kind, shared, wordings, offset in plan:
        when = demo.start + timedelta(days=offset, hours=demo.rng.randint(8, 21))
        written = []
        for _wording in wordings:
            written.append(when)
            when = when + timedelta(days=demo.rng.randint(12, 40))
        made.append(
            build_entry(
                demo.space,
                author,
                kind=kind,
                wordings=[Wording(*map(str, w)) for w in wordings],
                written=written,
                shared=shared,
                updated=when - timedelta(days=1),
            )
        )
    return made


def populate(demo) -> None:
    alex_entries = _entries(demo, demo.alex, ALEX)
    sam_entries = _entries(demo, demo.sam, SAM)
    build_kind_share(demo.space, demo.alex, kind="value", at=demo.start)
    # Thank-yous on several shared entries, and one open request to talk.
    for responder, entries in ((demo.sam, alex_entries), (demo.alex, sam_entries)):
        for entry in entries:
            entry.refresh_from_db()
            if not entry.is_shared or demo.rng.random() < 0.3:
                continue
            latest = entry.versions.order_by("-number").first()
            assert latest is not None  # every entry has its first version
            build_response(
                entry,
                responder,
                kind=Response.Kind.THANKS,
                version_number=latest.number,
                at=(entry.shown_at or entry.created) + timedelta(hours=5),
            )
    trigger = next(e for e in alex_entries if e.kind == "trigger")
    build_response(
        trigger,
        demo.sam,
        kind=Response.Kind.TALK,
        version_number=2,
        at=demo.now - timedelta(days=3),
    )
    demo.extra["selfmap_entries"] = len(alex_entries) + len(sam_entries)
