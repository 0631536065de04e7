"""The step: something one partner does that the other sees.

Every stateful thing in Troth (a promise, an agreement, a repair, a goal, a
dialogue…) moves by steps, and each kind declares its steps once, as data:

    STEPS = Steps(
        Step("mark_done", source=[State.OPEN], target=State.DONE,
             who=promiser, when=[not_past_due],
             event=EventKind.DONE, verb="promise.done"),
        ...,
        history=History(PromiseEvent, "promise"),
        recipient=lambda promise, by: promise.other_party(by),
    )

The declaration drives both sides, so they can't disagree:

- a service takes a step with `STEPS.take("mark_done", promise, by=user)`.
  In one transaction the row is locked (`lock`), the person is checked
  against the space (`require_partner`, the one partner guard), then the
  step's role, state and conditions; a step not allowed raises `Refused`
  and changes nothing. Inside the `with` block the service does what is
  particular to the step; on leaving it the state moves to the step's
  target, the row is saved, the history entry appended, the activity
  recorded for the partner, and the caller's object refreshed;
- views and templates ask `STEPS.allowed(promise, user)` for the names of
  the steps this person may take now and show those, and only those.

A refusal is a `Refused` (a `ValidationError` with a code), rendered one
way by `troth.spaces.stepviews`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.lib.content import Visibility
from troth.spaces.models import Membership, Space
from troth.spaces.services import activity_record, activity_record_private

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as Text
else:
    from django.utils.functional import Promise

    Text = str | Promise

Test = Callable[[Any, Any, dt.datetime], bool]
# What a person is told: words (perhaps translated lazily), or a function
# of the object giving them.
Message = Text | Callable[[Any], Text]


class Refused(ValidationError):
    """A step this person can't take now, with words for them and a code
    the views and tests rely on. Nothing was changed."""

    def __init__(self, message: str, code: str = "refused", params=None) -> None:
        super().__init__(message, code=code, params=params)


def refusal_text(error: ValidationError) -> str:
    """A refusal's words as one line, whatever shape the error has."""
    return " ".join(str(m) for m in error.messages)


# The partner guard and the row lock


def require_partner(space: Space, user) -> None:
    """Only a current partner of an open space may act in it. Read from the
    database, not from `space`, which may be older than a leave."""
    closed_at = list(
        Membership.objects.active()
        .filter(space_id=space.pk, user_id=user.pk)
        .values_list("space__closed_at", flat=True)[:1]
    )
    if not closed_at:
        raise Refused(_("Only the partners in this space can do that."), "not_member")
    if closed_at[0] is not None:
        raise Refused(
            _(
                "This space is closed: what was shared stays readable, but "
                "nothing in it can change any more."
            ),
            "closed",
        )


def require_both_partners(space: Space, user, *, missing: str):
    """`require_partner`, then the partner must have joined: the partner,
    or a refusal (`no_partner`) saying `missing`, why this needs both."""
    require_partner(space, user)
    partner = space.partner_of(user)
    if partner is None:
        raise Refused(missing, "no_partner")
    return partner


def lock[M: models.Model](obj: M, *related: str) -> M:
    """`obj` as it is now in the database, its row locked until the
    transaction ends, so two people (or a person and the clock) can't both
    move it at once."""
    model = type(obj)
    rows = model._default_manager.select_for_update(of=("self",))
    if related:
        rows = rows.select_related(*related)
    return rows.get(pk=obj.pk)


def copy_back(target: models.Model, source: models.Model) -> None:
    """Copy the saved fields of `source` onto the caller's `target`."""
    for f in type(source)._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))


# Declaring steps

# A step's activity that tells nobody (`step.recipient = NOBODY`), where
# the kind's steps otherwise tell the partner.
NOBODY = object()


@dataclass(frozen=True)
class Check:
    """A condition a step needs, and what a person is told when it fails."""

    test: Test
    message: Message
    code: str

    def refusal(self, obj) -> Refused:
        text = self.message(obj) if callable(self.message) else self.message
        return Refused(str(text), self.code)


def role(test: Callable[[Any, Any], bool], message: Message) -> Check:
    """A check on who takes the step (refused as `wrong_person`)."""
    return Check(lambda obj, user, now: test(obj, user), message, "wrong_person")


def author(message: Message) -> Check:
    """Only the person who wrote it (refused as `wrong_person`)."""
    return role(lambda obj, user: obj.author_id == user.pk, message)


@dataclass(frozen=True)
class Step:
    """One step: from which states, by whom, when, to which state, and what
    it leaves behind (a history entry of kind `event`, an activity `verb`).
    `source` empty means from any state; `target` None means the state
    stays. A `private` step's activity is the actor's own: the partner is
    not told. An `anytime` step may be taken in a closed space too, by a
    former partner who still sees the thing (making one's own thing private
    again); `who` says who."""

    name: str
    source: Iterable[str] = ()
    target: str | None = None
    who: Check | None = None
    when: tuple[Check, ...] | list[Check] = ()
    event: str | None = None
    verb: str | None = None
    private: bool = False
    anytime: bool = False


def stop_sharing(who: Check, verb: str, name: str = "stop") -> Step:
    """Shared → private: a thing one wrote and shared becomes one's own
    again, anytime (even in a closed space); the partner isn't told. For
    things whose state is their `visibility`."""
    return Step(
        name,
        source=[Visibility.SHARED],
        target=Visibility.PRIVATE,
        who=who,
        verb=verb,
        private=True,
        anytime=True,
    )


def sharing_steps(
    *,
    who: Check,
    when: tuple[Check, ...] = (),
    already_shared: Text,
    already_private: Text,
    verbs: tuple[str, str],
) -> tuple[Step, Step]:
    """The two steps of something a person keeps to themselves or shares:
    `share` (the partner is told, with the first of `verbs`) and `unshare`
    (private again, anytime, even in a closed space; the partner isn't
    told). `when` holds what both need besides; the words say why a step
    isn't open because it is already done."""
    shared_verb, unshared_verb = verbs
    return (
        Step(
            "share",
            who=who,
            when=(
                *when,
                Check(
                    lambda o, u, now: not o.is_shared, already_shared, "already_shared"
                ),
            ),
            verb=shared_verb,
        ),
        Step(
            "unshare",
            who=who,
            when=(
                *when,
                Check(
                    lambda o, u, now: o.is_shared, already_private, "already_private"
                ),
            ),
            verb=unshared_verb,
            private=True,
            anytime=True,
        ),
    )


@dataclass(frozen=True)
class History:
    """How a kind of thing appends to its history: `model(fk=obj,
    actor=by, kind=kind, **fields)`, stamped `at` with the step's time."""

    model: type[models.Model]
    fk: str
    actor: str = "actor"
    at: str | None = "created"

    def append(self, obj, *, by, kind: str, now: dt.datetime, **fields):
        values = {self.fk: obj, self.actor: by, "kind": kind, **fields}
        if self.at:
            values.setdefault(self.at, now)
        return self.model._default_manager.create(**values)


@dataclass
class Taking:
    """A step being taken: the locked, fresh object and what the step will
    leave behind. The service may add history fields, name another history
    kind, verb, recipient (or `NOBODY`) or activity target (a row the step
    made), make the activity private, or say the row needs no save
    (unchanged, or deleted)."""

    obj: Any
    by: Any
    now: dt.datetime
    step: Step
    event_fields: dict = field(default_factory=dict)
    event: str | None = None
    verb: str | None = None
    recipient: Any = None
    target: Any = None
    private: bool = False
    save: bool = True

    def record(self, **fields) -> None:
        """Add fields to the history entry this step appends."""
        self.event_fields.update(fields)


def _space_of(obj) -> Space:
    return obj.space


# Each model's steps, for the `allowed_steps` template tag.
REGISTRY: dict[type[models.Model], Steps] = {}


def steps_for(obj) -> Steps:
    """The steps declared for `obj`'s model."""
    return REGISTRY[type(obj)]


class Steps:
    """The steps a kind of thing (`model`) can take, by name; see the
    module's docstring."""

    def __init__(
        self,
        *steps: Step,
        model: type[models.Model] | None = None,
        state: str = "state",
        space: Callable[[Any], Space] = _space_of,
        related: tuple[str, ...] = (),
        history: History | None = None,
        recipient: Callable[[Any, Any], Any] | None = None,
        state_message: Message | None = None,
    ) -> None:
        self.steps = {s.name: s for s in steps}
        if model is not None:
            REGISTRY[model] = self
        self.state = state
        self.space = space
        self.related = related
        self.history = history
        self.recipient = recipient
        self.state_message = state_message or gettext_lazy(
            "That can't be done at this stage."
        )

    def __contains__(self, name: str) -> bool:
        return name in self.steps

    def refusal(
        self, name: str, obj, user, now: dt.datetime | None = None
    ) -> Refused | None:
        """Why `user` can't take step `name` on `obj` now (partner guard
        aside), or None when they can."""
        step = self.steps[name]
        now = now or timezone.now()
        if step.who is not None and not step.who.test(obj, user, now):
            return step.who.refusal(obj)
        if step.source and getattr(obj, self.state) not in step.source:
            text = self.state_message
            return Refused(str(text(obj) if callable(text) else text), "wrong_state")
        for check in step.when:
            if not check.test(obj, user, now):
                return check.refusal(obj)
        return None

    def allowed(self, obj, user, now: dt.datetime | None = None) -> frozenset[str]:
        """The names of the steps `user` may take on `obj` now. Only
        `anytime` steps can be taken in a closed space; the views show
        objects only to the people who may see them."""
        is_open = self.space(obj).is_open
        now = now or timezone.now()
        return frozenset(
            name
            for name, step in self.steps.items()
            if (is_open or step.anytime) and self.refusal(name, obj, user, now) is None
        )

    def check(self, name: str, obj, user, now: dt.datetime | None = None) -> None:
        """Refuse unless `user` may take step `name` on `obj` now."""
        refusal = self.refusal(name, obj, user, now)
        if refusal is not None:
            raise refusal

    @contextmanager
    def take(
        self, name: str, obj, *, by, now: dt.datetime | None = None
    ) -> Iterator[Taking]:
        """Take step `name` on `obj` as `by`, in one transaction; see the
        module's docstring. Yields the `Taking`, whose `obj` is the fresh,
        locked row to change."""
        step = self.steps[name]
        now = now or timezone.now()
        with transaction.atomic():
            fresh = lock(obj, *self.related)
            space = self.space(fresh)
            if not step.anytime:
                require_partner(space, by)
            self.check(name, fresh, by, now)
            taking = Taking(
                obj=fresh,
                by=by,
                now=now,
                step=step,
                event=step.event,
                verb=step.verb,
                private=step.private,
            )
            yield taking
            self._finish(taking, space)
        if fresh.pk is not None:
            copy_back(obj, fresh)

    def _finish(self, taking: Taking, space: Space) -> None:
        fresh, step = taking.obj, taking.step
        if step.target is not None:
            setattr(fresh, self.state, step.target)
        if taking.save:
            fresh.save()
        if taking.event and self.history is not None:
            self.history.append(
                fresh,
                by=taking.by,
                kind=taking.event,
                now=taking.now,
                **taking.event_fields,
            )
        # A row the step deleted is no activity's target any more.
        target = taking.target or (fresh if fresh.pk is not None else None)
        if taking.verb and taking.private:
            activity_record_private(
                space=space, actor=taking.by, verb=taking.verb, target=target
            )
        elif taking.verb:
            recipient = taking.recipient
            if recipient is NOBODY:
                recipient = None
            elif recipient is None and self.recipient is not None:
                recipient = self.recipient(fresh, taking.by)
            activity_record(
                space=space,
                actor=taking.by,
                verb=taking.verb,
                target=target,
                recipient=recipient,
            )


def taking_back_steps(verb: str, *, not_shared: Message) -> Steps:
    """The steps of something a person wrote and shared that only they can
    take back (a session's log, a goal's reflection): `stop`, with activity
    `verb`; `not_shared` says why it can't be taken back again."""
    return Steps(
        stop_sharing(
            author(
                gettext_lazy("Only the person who wrote it can change who sees it.")
            ),
            verb,
        ),
        state="visibility",
        related=("space",),
        state_message=not_shared,
    )
