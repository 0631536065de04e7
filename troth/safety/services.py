"""What a person shares, stopping it, and the emergency reset.

Every feature that lets a person share something says what and how to stop
it in its own `sharing.py` (the contract is in troth/lib/sharing.py); this
module only gathers them. Nothing here tells the partner anything: no
Activity, no notification, no email. They may still notice that something
is no longer shared, and the pages say so. Notifications they already hold
about what is now private are withdrawn, as each feature does for its own
(`partner_notifications_withdraw`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from types import ModuleType

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from troth.accounts.services import sessions_end_others
from troth.lib.hooks import app_modules
from troth.lib.sharing import SharedItem, SharedList
from troth.notifications.models import Notification
from troth.notifications.push import push_subscriptions_delete
from troth.spaces.models import Activity, Membership

logger = logging.getLogger("troth.safety")


# "What I share" shows each feature's first few items and its count; the
# rest are a page away, so the page weighs the same after ten years.
PREVIEW = 5
PAGE_SIZE = 25


@dataclass
class SharingGroup:
    app: str  # the app's label, passed back to stop one item
    title: str  # the feature, as the person knows it
    items: list[SharedItem] = field(default_factory=list)  # the first few
    total: int = 0  # everything shared in this group, `items` included

    @property
    def more(self) -> bool:
        return self.total > len(self.items)


@dataclass
class ResetOutcome:
    stopped: int = 0
    sessions_ended: int = 0
    failed: list[str] = field(default_factory=list)  # features that could not stop


def sharing_modules() -> dict[str, ModuleType]:
    """Each app's sharing hook, by app label, in INSTALLED_APPS order."""
    found = {}
    for module in app_modules("sharing"):
        config = apps.get_containing_app_config(module.__name__)
        assert config is not None  # app_modules looks only in installed apps
        found[config.label] = module
    return found


def current_space(user):
    membership = (
        Membership.objects.active().filter(user=user).select_related("space").first()
    )
    return membership.space if membership else None


def shared_in(module, user, space) -> SharedList | list[SharedItem]:
    """A feature's shared items: read a window at a time where the feature
    offers that (`shared`), else its whole list (a feature that shares a
    handful of things at most)."""
    shared = getattr(module, "shared", None)
    return shared(user, space) if shared else module.shared_by(user, space)


def _groups(app: str, shared, first: int) -> list[SharingGroup]:
    """`shared` as the page's groups, each with its total and its first
    `first` items."""
    if isinstance(shared, SharedList):
        items = shared[:first]
        if not items:
            return []
        return [
            SharingGroup(
                app=app, title=str(items[0].group), items=items, total=shared.count()
            )
        ]
    groups: dict[str, SharingGroup] = {}
    for item in shared:
        group = groups.setdefault(
            str(item.group), SharingGroup(app=app, title=str(item.group))
        )
        group.total += 1
        if len(group.items) < first:
            group.items.append(item)
    return list(groups.values())


def sharing_list(*, user, space=None, first: int = PREVIEW) -> list[SharingGroup]:
    """Everything `user` shares with their partner now, grouped by feature:
    how much each holds and its first few (the rest: `sharing_page`).
    `space`: the person's current space, if the caller has read it already
    (a page has: `current_membership`); else it is looked up."""
    space = space or current_space(user)
    if space is None:
        return []
    groups: list[SharingGroup] = []
    for label, module in sharing_modules().items():
        groups.extend(_groups(label, shared_in(module, user, space), first))
    return groups


def sharing_page(
    *, user, app: str, number, space=None
) -> tuple[Page, list[SharingGroup]] | None:
    """One page of what `user` shares through one feature, every item
    reachable page by page; None for a feature that shares nothing.
    `space` as for `sharing_list`."""
    module = sharing_modules().get(app)
    space = space or current_space(user)
    if module is None or space is None:
        return None
    page = Paginator(shared_in(module, user, space), PAGE_SIZE).get_page(number)
    return page, _groups(app, list(page), PAGE_SIZE)


def sharing_stop(*, user, app: str, key: str) -> None:
    """Stop sharing one item. The partner is not told."""
    module = sharing_modules().get(app)
    space = current_space(user)
    if module is None or space is None:
        raise ValidationError(_("That is not shared any more."))
    with transaction.atomic():
        if not module.stop(user, space, key):
            raise ValidationError(_("That is not shared any more."))
        partner_notifications_withdraw(user=user, space=space)


def sharing_stop_all(*, user) -> ResetOutcome:
    """Stop everything that can be stopped, feature by feature.

    Each feature stops in its own savepoint: if one fails, the others still
    stop, and the outcome names the one that did not."""
    outcome = ResetOutcome()
    space = current_space(user)
    if space is None:
        return outcome
    for label, module in sharing_modules().items():
        try:
            with transaction.atomic():
                outcome.stopped += module.stop_all(user, space)
        except Exception:
            logger.exception("Stopping all sharing failed in %s", label)
            outcome.failed.append(str(apps.get_app_config(label).verbose_name))
    partner_notifications_withdraw(user=user, space=space)
    return outcome


def partner_notifications_withdraw(*, user, space) -> int:
    """Withdraw the partner's notifications from `user` or this space that
    now lead nowhere: what they are about (or the activity they came from)
    is no longer visible to the partner, so opening one would be a 404.
    Deleted silently, as a feature withdraws its own (the conflict view's
    `_withdraw_traces` in troth/conflicts/services.py). Returns how many."""

    withdrawn = 0
    partners = Membership.objects.active().filter(space=space).exclude(user=user)
    for membership in partners.select_related("user"):
        partner = membership.user
        held = list(
            Notification.objects.filter(user=partner)
            .filter(Q(space=space) | Q(actor=user))
            .select_related("target_type")
        )
        unreachable: set[int] = set()
        # By the activity a notification came from ("activity:<id>").
        from_activity = {
            int(n.key.removeprefix("activity:")): n.pk
            for n in held
            if n.key.startswith("activity:") and n.key[9:].isdigit()
        }
        seen = set(
            Activity.objects.visible_to(partner)
            .filter(pk__in=from_activity)
            .values_list("pk", flat=True)
        )
        unreachable |= {pk for aid, pk in from_activity.items() if aid not in seen}
        # By what it is about, through that kind's own visible_to.
        by_kind: dict = {}
        for n in held:
            if n.target_type_id and n.target_id:
                by_kind.setdefault(n.target_type, []).append(n)
        for kind, notes in by_kind.items():
            model = kind.model_class()
            manager = getattr(model, "_default_manager", None)
            if manager is None or not hasattr(manager, "visible_to"):
                continue  # no rule to judge by: left alone
            seen = set(
                manager.visible_to(partner)
                .filter(pk__in=[n.target_id for n in notes])
                .values_list("pk", flat=True)
            )
            unreachable |= {n.pk for n in notes if n.target_id not in seen}
        if unreachable:
            withdrawn += Notification.objects.filter(pk__in=unreachable).delete()[0]
    return withdrawn


def emergency_reset(*, request) -> ResetOutcome:
    """Stop all sharing that can be stopped (calendar feeds and any other
    links included: each feature's stop_all revokes its own), and end every
    other session of the account, and turn push off on every device. The
    partner is not notified.

    Checking the password, two-factor and email comes after, on the page
    that follows: those need the person, not a button."""

    outcome = sharing_stop_all(user=request.user)
    outcome.sessions_ended = sessions_end_others(request=request)
    push_subscriptions_delete(user=request.user)
    return outcome
