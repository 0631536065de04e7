"""The dashboard's own cards: who is in the space and how the invitation
stands, and the recent-activity timeline.

The timeline lists the latest Activity rows the viewer may see
(`visible_to`), newest first, in words written for a timeline: who did what
kind of thing, never what anyone wrote. Only verbs worded below are shown:
an allow-list, so a new verb (or one that must stay quiet, such as someone
stopping sharing) never appears by accident. Repair steps are left out on
purpose: the home page is the most glanced-at page, and a repair path is
nobody's business but the two people in it, on its own pages. One query.

Also the facts every card asks in a word (`today_facts`): one query for
the whole page instead of one or two per card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from troth.lib.hooks import app_modules
from troth.spaces.models import Activity

SHOWN = 3
# Where each kind of activity is read about: the feature's own page.
PAGES = {
    "space": "spaces:invite",
    "promise": "promises:index",
    "status": "checkins:index",
    "pulse": "checkins:pulse",
    "ritual": "schedule:index",
    "event": "schedule:index",
    "selfmap": "selfmap:index",
    "questions": "questions:index",
    "moments": "moments:index",
    "agreement": "agreements:index",
    "conflict": "conflicts:index",
    "goal": "goals:index",
    "adventure": "goals:index",
    "milestone": "goals:index",
    "exercise": "exercises:index",
    "audit": "audits:index",
}

# verb: (when the viewer did it, when the partner did it, with {actor})
WORDS = {
    "space.created": (_("You made your space"), _("{actor} made your space")),
    "space.joined": (_("You joined the space"), _("{actor} joined your space")),
    "promise.made": (_("You made a promise"), _("{actor} made you a promise")),
    "promise.done": (
        _("You marked a promise as done"),
        _("{actor} marked a promise as done"),
    ),
    "promise.kept": (
        _("You confirmed a promise was kept"),
        _("{actor} confirmed you kept a promise"),
    ),
    "promise.not_quite": (
        _("You said a promise was not quite kept"),
        _("{actor} said a promise was not quite kept"),
    ),
    "promise.responded": (
        _("You responded to a note on a promise"),
        _("{actor} responded to your note on a promise"),
    ),
    "promise.proposed": (
        _("You proposed new terms for a promise"),
        _("{actor} proposed new terms for a promise"),
    ),
    "promise.renegotiated": (
        _("You accepted new terms for a promise"),
        _("{actor} accepted your new terms for a promise"),
    ),
    "promise.cancelled": (
        _("You agreed to cancel a promise"),
        _("{actor} agreed to cancel a promise"),
    ),
    "status.sent": (_("You sent a status"), _("{actor} sent a status")),
    "ritual.created": (_("You set up a ritual"), _("{actor} set up a ritual")),
    "ritual.marked": (
        _("You said whether a ritual happened"),
        _("{actor} said whether a ritual happened"),
    ),
    "event.shared": (
        _("You shared an event on the calendar"),
        _("{actor} shared an event on the calendar"),
    ),
    "selfmap.entry_shared": (
        _("You shared something from your self map"),
        _("{actor} shared something from their self map"),
    ),
    "selfmap.thanked": (
        _("You thanked your partner for sharing"),
        _("{actor} thanked you for sharing"),
    ),
    "questions.answered": (
        _("You answered a question"),
        _("{actor} answered a question"),
    ),
    "questions.revealed": (
        _("Your answers to a question were revealed"),
        _("Your answers to a question were revealed"),
    ),
    "questions.reacted": (
        _("You reacted to an answer"),
        _("{actor} reacted to your answer"),
    ),
    "questions.picked": (_("You picked a question"), _("{actor} picked a question")),
    "moments.noticed": (
        _("You noticed a moment"),
        _("{actor} noticed something you did"),
    ),
    "moments.shared": (_("You shared a moment"), _("{actor} shared a moment")),
    "moments.acknowledged": (
        _("You acknowledged a moment"),
        _("{actor} acknowledged a moment you noticed"),
    ),
    "agreement.proposed": (
        _("You proposed an agreement"),
        _("{actor} proposed an agreement"),
    ),
    "agreement.active": (
        _("An agreement came into effect"),
        _("An agreement came into effect"),
    ),
    "agreement.reviewed": (
        _("You reviewed an agreement"),
        _("{actor} reviewed an agreement"),
    ),
    "agreement.change_proposed": (
        _("You proposed a change to an agreement"),
        _("{actor} proposed a change to an agreement"),
    ),
    "agreement.renewed": (
        _("You renewed an agreement"),
        _("{actor} renewed an agreement"),
    ),
    "conflict.logged": (
        _("You logged a disagreement"),
        _("{actor} shared a disagreement they logged"),
    ),
    "conflict.view_added": (
        _("You added your view of a disagreement"),
        _("{actor} added their view of a disagreement"),
    ),
    "goal.created": (_("You started a goal"), _("{actor} started a goal")),
    "adventure.planned": (
        _("You planned an adventure"),
        _("{actor} planned an adventure"),
    ),
    "milestone.done": (
        _("You ticked off a step of a goal"),
        _("{actor} ticked off a step of a goal"),
    ),
    "goal.finished": (
        _("You marked a goal as finished"),
        _("{actor} marked a goal as finished"),
    ),
    "exercise.scheduled": (
        _("You scheduled an exercise"),
        _("{actor} scheduled an exercise"),
    ),
    "exercise.logged": (
        _("You noted how an exercise went"),
        _("{actor} noted how an exercise went"),
    ),
    "audit.day_set": (
        _("You chose your audit day"),
        _("{actor} chose your audit day"),
    ),
    "audit.started": (
        _("You started this month's audit"),
        _("{actor} started this month's audit"),
    ),
    "audit.reflected": (
        _("You wrote your audit reflection"),
        _("{actor} wrote their audit reflection"),
    ),
    "audit.committed": (
        _("You proposed a commitment for next month"),
        _("{actor} proposed a commitment for next month"),
    ),
    "audit.signed_off": (
        _("You signed off the audit"),
        _("{actor} signed off the audit"),
    ),
    "audit.closed": (
        _("You both signed off: the audit is closed"),
        _("You both signed off: the audit is closed"),
    ),
}


def _page(verb: str) -> str:
    name = PAGES.get(verb.split(".", 1)[0])
    if name is None:
        return ""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def timeline(request, membership) -> list[dict]:
    """The latest activities the viewer may see, worded for a timeline."""
    user = request.user
    rows = (
        Activity.objects.visible_to(user)
        .filter(space=membership.space, verb__in=list(WORDS))
        .select_related("author")
        .order_by("-created", "-id")[:SHOWN]
    )
    entries = []
    for activity in rows:
        mine, theirs = WORDS[activity.verb]
        if activity.author_id == user.pk:
            text = str(mine)
        else:
            text = str(theirs).format(actor=activity.author)
        entries.append(
            {"text": text, "when": activity.created, "url": _page(activity.verb)}
        )
    return entries


def cards(request, membership) -> list[dict]:
    space = membership.space
    partner = space.partner_of(request.user)
    former = None
    if not space.is_open:
        former = (
            space.memberships.exclude(user=request.user)
            .select_related("user")
            .order_by("-left_at")
            .first()
        )
    pending = None
    if space.is_open and partner is None:
        pending = space.invitations.pending().order_by("-created").first()
    # The space card leads while something is to do about the space itself
    # (inviting, or a closed space); once both are in, it is a small tile.
    settled = space.is_open and partner is not None
    return [
        {
            "template": "spaces/card_space.html",
            "order": 95 if settled else 0,
            "place": "tile" if settled else "top",
            # While the checklist is up, its first step stands in for this card.
            "firstrun_step": "invite" if space.is_open and not settled else None,
            "settled": settled,
            "partner": partner,
            "former": former,
            "pending": pending,
        },
        {
            "template": "spaces/dashboard.html#timeline",
            "order": 90,
            "place": "end",
            "entries": timeline(request, membership),
        },
    ]


def built_once(request, name: str, build: Callable[[], QuerySet]) -> QuerySet:
    """The queryset `build()` makes, built once per request: a card whose
    fact and rows ask of the same rows builds them once (building querysets
    is most of Today's time, docs/benchmarks.md). A queryset is only a
    question: each use clones it and reads the database afresh."""
    built = request.__dict__.setdefault("_today_built", {})
    if name not in built:
        built[name] = build()
    return built[name]


class Fact(NamedTuple):
    """One question for `today_facts`: `rows` and what is asked of them."""

    # "exists", "count", "value" (of the first row's field) or "row" (the
    # first row's fields, as a dict)
    ask: str
    rows: QuerySet
    fields: tuple[str, ...] = ("pk",)


def exists(rows: QuerySet) -> Fact:
    return Fact("exists", rows)


def count_of(rows: QuerySet) -> Fact:
    return Fact("count", rows)


def value_of(rows: QuerySet, field: str) -> Fact:
    """`field` of the first of `rows` (in their order), or None."""
    return Fact("value", rows, (field,))


def row_of(rows: QuerySet, *fields: str) -> Fact:
    """The first of `rows` (in their order) as {field: value}, read as the
    ORM reads them, or None if there is none. The first field must never be
    NULL (the key, say): a NULL there reads as no row. For a card that shows
    one small row, so that it costs no query of its own."""
    return Fact("row", rows, fields)


def _reader(column) -> Callable[[Any], Any]:
    """How the ORM would read a value of `column` (a date, a decrypted text)."""
    converters = [
        *connection.ops.get_db_converters(column),
        *column.get_db_converters(connection),
    ]

    def read(value: Any) -> Any:
        if value is None:
            return None
        for convert in converters:
            value = convert(value, column, connection)
        return value

    return read


def _sql(fact: Fact) -> tuple[list[str], tuple, list[Callable[[Any], Any]]]:
    """The fact as scalar subqueries (one per field asked), and how to read
    each answer."""
    if fact.ask in ("value", "row"):
        compiler = fact.rows.values(*fact.fields)[:1].query.get_compiler(
            connection=connection
        )
        sql, params = compiler.as_sql()
        readers = [_reader(column) for column, _, _ in compiler.select]
        if fact.ask == "value":
            return [f"({sql})"], params, readers
        # A column each of the same first row: the row's query is compiled
        # once and asked once per column (by its key: cheap for the database).
        quote = connection.ops.quote_name
        parts = [
            f"(SELECT {quote(alias)} FROM ({sql}) picked)"  # nosec B608
            for alias in _aliases(compiler)
        ]
        return parts, params * len(parts), readers
    sql, params = fact.rows.order_by().values("pk").query.sql_with_params()
    if fact.ask == "exists":
        return [f"EXISTS({sql})"], params, [bool]
    # `sql` is the ORM's own compiled query; the values stay in `params`.
    return [f"(SELECT COUNT(*) FROM ({sql}) counted)"], params, [int]  # nosec B608


def _aliases(compiler) -> list[str]:
    """The names the columns of `compiler`'s SELECT go by, to read them from
    it as a derived table: the alias the ORM gave a column (`"id" AS "pk"`),
    else its own name."""
    names = [alias or column.target.column for column, _, alias in compiler.select]
    if len(set(names)) != len(names):
        raise ValueError(f"row_of: two fields share a column name in {names}")
    return names


def today_facts(request, membership) -> dict[str, Any]:
    """What Today's cards need to know in a word (a yes or no, a count, a
    day), asked in one query, once per request.

    Each app's dashboard.py may offer `facts(request, membership) ->
    {name: Fact}` (`exists`, `count_of`, `value_of`, `row_of` over a queryset built
    the usual way, `visible_to` and all), names starting with the app's
    own; its `cards` then reads the answers here and fetches rows only for
    what there is to show, so a card with nothing to say costs no query of
    its own. Each queryset is compiled on its own, as it would be for a
    query of its own (nested as subqueries of one queryset, the ORM took
    half as long again to build them as the queries they replace), and the
    statements go together as one SELECT of scalar subqueries."""
    cached = getattr(request, "_today_facts", None)
    if cached is not None and cached[0] == membership.pk:
        return cached[1]
    asked: dict[str, Fact] = {}
    for module in app_modules("dashboard"):
        offer = getattr(module, "facts", None)
        if offer is not None:
            asked.update(offer(request, membership))
    answers: dict[str, Any] = {}
    if asked:
        parts: list[str] = []
        params: list[Any] = []
        readers: list[list[Callable[[Any], Any]]] = []
        for fact in asked.values():
            sql, more, read = _sql(fact)
            parts.extend(sql)
            params.extend(more)
            readers.append(read)
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            values = iter(cursor.fetchone())
        for (name, fact), read in zip(asked.items(), readers, strict=True):
            got = [convert(next(values)) for convert in read]
            if fact.ask == "row":
                # No row: every column NULL, the key included.
                answers[name] = (
                    None if got[0] is None else dict(zip(fact.fields, got, strict=True))
                )
            else:
                answers[name] = got[0]
    request._today_facts = (membership.pk, answers)
    return answers
