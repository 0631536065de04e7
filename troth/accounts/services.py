"""Operations on a person's account: sign-in history, sessions, export and
deletion.

Each function does its whole job in one transaction. None of them records an
Activity or notifies anyone but the account's owner: what a person does to
their own account is theirs alone.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import cast

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from troth.accounts import devices
from troth.accounts.models import SignIn, User
from troth.accounts.sessions import same_session
from troth.lib.content import Content
from troth.lib.export import when
from troth.lib.hooks import app_modules
from troth.notifications.models import Notification
from troth.spaces.membership import active_membership
from troth.spaces.models import Activity, Membership, Space
from troth.spaces.services import space_leave

logger = logging.getLogger("troth.accounts")

EXPORT_FORMAT = "troth-export"
EXPORT_VERSION = 1


def client_ip(request) -> str | None:
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter().get_client_ip(request)
    except PermissionDenied:
        return None


def user_agent(request) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:300]


# Sign-in history ----------------------------------------------------------


def sign_in_record(
    *, user, outcome: str, request, method: str = "", device: str = ""
) -> SignIn:
    """Add one attempt to the account's sign-in history."""
    return SignIn.objects.create(
        user=user,
        outcome=outcome,
        method=method,
        ip=client_ip(request),
        user_agent=user_agent(request),
        device=device,
    )


def sign_in_failed(*, request, outcome: str, email: str = "", user=None) -> None:
    """Record a failed attempt on an existing account; nothing for unknown
    addresses, so the table cannot be filled with made-up accounts."""
    if user is None:
        email = (email or "").strip().lower()
        if not email:
            return
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            return
    sign_in_record(user=user, outcome=outcome, request=request)


def sign_in_method(request, user) -> str:
    """How this sign-in was proven, from allauth's records in the session."""
    from allauth.account.internal.flows.login import get_authentication_records

    records = get_authentication_records(request, user)
    kinds = {r.get("method") for r in records}
    if any(r.get("method") == "mfa" and r.get("passwordless") for r in records):
        return "passkey"
    if "password" in kinds and "mfa" in kinds:
        return "password+code"
    if "password" in kinds:
        return "password"
    return ""


METHOD_LABELS = {
    "password": gettext_lazy("Password"),
    "password+code": gettext_lazy("Password and two-factor code"),
    "passkey": gettext_lazy("Passkey"),
    "signup": gettext_lazy("New account"),
}


@dataclass
class SignedIn:
    device_token: str
    new_device: bool


def sign_in_succeeded(*, request, user, signup: bool) -> SignedIn:
    """Record a successful sign-in and tell the owner by email when it came
    from a device this account has not used in the last 90 days.

    The device is known by a random cookie (troth/accounts/devices.py);
    the caller sets it on the response."""
    token = request.COOKIES.get(devices.cookie_name(), "")
    known = bool(token) and (
        SignIn.objects.recent()
        .filter(
            user=user,
            outcome=SignIn.Outcome.SIGNED_IN,
            device=devices.device_hash(token),
        )
        .exists()
    )
    if not token:
        token = devices.new_device_token()
    with transaction.atomic():
        sign_in_record(
            user=user,
            outcome=SignIn.Outcome.SIGNED_IN,
            request=request,
            method="signup" if signup else sign_in_method(request, user),
            device=devices.device_hash(token),
        )
    new_device = not known and not signup
    if new_device:
        new_device_alert(request=request, user=user)
    return SignedIn(device_token=token, new_device=new_device)


def new_device_alert(*, request, user) -> None:
    """Email the owner (only the owner) about a sign-in from a new device."""
    from allauth.account.adapter import get_adapter

    ip = client_ip(request)
    try:
        get_adapter().send_notification_mail(
            "account/email/new_sign_in",
            user,
            {
                "device": devices.describe(user_agent(request)),
                "place": devices.place(ip),
                "settings_link": settings.BASE_URL + "/settings/sessions",
            },
        )
    except Exception:
        # A mail server being down must not stop someone signing in.
        logger.exception("Could not send the new sign-in email to user %s", user.pk)


def sign_ins_prune(*, now=None) -> int:
    """Forget sign-in attempts older than 90 days."""
    now = now or timezone.now()
    deleted, _ = SignIn.objects.filter(at__lt=now - SignIn.KEEP_FOR).delete()
    return deleted


# Sessions ------------------------------------------------------------------


def sessions_of(user) -> list:
    """The account's live sessions, oldest first.

    Rows whose session has ended, expired or no longer matches the account
    (after a password change or "sign out everywhere") are dropped. Unlike
    allauth's own listing this takes the same few queries however many
    sessions there are."""
    from allauth.usersessions.models import UserSession
    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.models import Session
    from django.utils.crypto import constant_time_compare

    rows = list(UserSession.objects.filter(user=user).order_by("created_at", "pk"))
    stored = {
        s.session_key: s
        for s in Session.objects.filter(
            session_key__in=[r.session_key for r in rows],
            expire_date__gt=timezone.now(),
        )
    }
    expected = user.get_session_auth_hash()
    live, gone = [], []
    for row in rows:
        session = stored.get(row.session_key)
        data = session.get_decoded() if session else {}
        if str(data.get(SESSION_KEY)) == str(user.pk) and constant_time_compare(
            data.get(HASH_SESSION_KEY, ""), expected
        ):
            live.append(row)
        else:
            gone.append(row.pk)
    if gone:
        UserSession.objects.filter(pk__in=gone).delete()
    return live


def session_end(*, request, session) -> bool:
    """End one of the requester's own sessions. Returns True when it was the
    current one (the person is then signed out)."""
    from allauth.usersessions.internal.flows.sessions import end_sessions

    if session.user_id != request.user.pk:
        raise PermissionDenied

    current = same_session(session.session_key, request.session.session_key)
    with transaction.atomic():
        end_sessions(request, [session])
    return current


def sessions_end_others(*, request) -> int:
    """End every session of the account but this one, including any that no
    list shows: the account's session epoch changes, so every other session
    fails Django's check on its next request. Returns how many listed
    sessions ended."""
    from allauth.usersessions.adapter import get_adapter
    from allauth.usersessions.models import UserSession

    user = request.user
    current_key = request.session.session_key
    with transaction.atomic():
        others = list(
            UserSession.objects.filter(user=user).exclude(session_key=current_key)
        )
        get_adapter().end_sessions(others)
        User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
        user.refresh_from_db(fields=["session_epoch"])
        # Keep this session: store the new hash (this also gives it a new key).
        update_session_auth_hash(request, user)
        if current_key:
            UserSession.objects.filter(session_key=current_key).update(
                session_key=request.session.session_key
            )
    return len(others)


# A row of allauth's session list younger than this is left alone: its
# session row may still be on its way (they are written in one request).
SESSION_LIST_GRACE = timedelta(hours=1)
# Well over the five minutes between a live session's saves
# (SessionLifetimeMiddleware.WRITE_EVERY).
SESSION_IDLE_MARGIN = timedelta(minutes=10)


def sessions_prune() -> tuple[int, int]:
    """Delete expired and idle sessions, and the rows of the sessions list
    whose session is gone. Returns (sessions, list rows) deleted.

    Expired sessions go the way `manage.py clearsessions` does it: the
    session engine's own `clear_expired`. A session ended by signing out is
    deleted at once; one that only expired stays in its table until this
    runs, and allauth's list row for it (device, address, last seen) stays
    until the owner opens the list, so both are pruned here. A list row's
    session is looked up by its key (Exists), not by a NOT IN that would read
    every session of every couple each tick.

    A session idle for longer than SESSION_IDLE_TIMEOUT can never be used
    again (troth.accounts.middleware.SessionLifetimeMiddleware ends it), though
    its row would stay until its expiry date. Every save sets that date to
    SESSION_COOKIE_AGE ahead, and a session in use is saved at least every
    five minutes, so a row whose date is less than AGE - IDLE ahead (with a
    margin) was last used more than IDLE ago: it goes too."""
    from importlib import import_module

    from allauth.usersessions.models import UserSession

    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore
    model = store.get_model_class()
    now = timezone.now()
    dead = Q(expire_date__lt=now)
    idle_for = settings.SESSION_COOKIE_AGE - settings.SESSION_IDLE_TIMEOUT
    if idle_for > 0:
        dead |= Q(
            expire_date__lt=now + timedelta(seconds=idle_for) - SESSION_IDLE_MARGIN
        )
    expired = model.objects.filter(dead).count()
    store.clear_expired()
    if idle_for > 0:
        model.objects.filter(dead).delete()
    listed, _ = (
        UserSession.objects.filter(last_seen_at__lt=now - SESSION_LIST_GRACE)
        .exclude(Exists(model.objects.filter(session_key=OuterRef("session_key"))))
        .delete()
    )
    return expired, listed


# Export --------------------------------------------------------------------


def account_export(*, user) -> dict:
    """Everything `user` wrote and everything shared with them, as one
    JSON-ready dict. The format is documented in docs/export.md."""
    spaces = _export_spaces(user)
    activity = _export_activity(user)
    notifications = _export_notifications(user)
    features = _export_features(user)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": when(timezone.now()),
        "account": _export_account(user),
        "sign_ins": [
            {
                "at": when(s.at),
                "outcome": s.outcome,
                "method": s.method,
                "ip": s.ip,
                "browser": s.user_agent,
            }
            for s in SignIn.objects.visible_to(user).recent()
        ],
        "sessions": [
            {
                "started_at": when(s.created_at),
                "last_seen_at": when(s.last_seen_at),
                "ip": s.ip,
                "browser": s.user_agent,
            }
            for s in sessions_of(user)
        ],
        "spaces": spaces,
        "activity": activity,
        "notifications": notifications,
        "features": features,
    }


def _export_spaces(user) -> list[dict]:
    """Each space the person was in, with the partners they had there."""
    memberships = Membership.objects.filter(user=user).select_related("space")
    spaces = []
    for m in memberships.order_by("joined_at"):
        others = [
            other
            for other in m.space.memberships.select_related("user").order_by(
                "joined_at"
            )
            if other.user_id != user.pk
        ]
        spaces.append(
            {
                "space": m.space_id,
                "joined_at": when(m.joined_at),
                "left_at": when(m.left_at),
                "closed_at": when(m.space.closed_at),
                "partners": [
                    {
                        "name": str(o.user),
                        "joined_at": when(o.joined_at),
                        "left_at": when(o.left_at),
                    }
                    for o in others
                ],
            }
        )
    return spaces


def _export_activity(user) -> list[dict]:
    return [
        {
            "at": when(a.created),
            "space": a.space_id,
            "actor": str(a.author),
            "by_me": a.author_id == user.pk,
            "what": a.verb,
            "about": a.target_type.model if a.target_type else None,
            "about_id": a.target_id,
            "to": str(a.recipient) if a.recipient_id else None,
            "visibility": a.visibility,
        }
        for a in Activity.objects.visible_to(user)
        .select_related("author", "recipient", "target_type")
        .order_by("created", "id")
    ]


def _export_notifications(user) -> list[dict]:
    return [
        {
            "at": when(n.created),
            "kind": n.kind,
            "text": n.message,
            "link": n.url,
            "read_at": when(n.read_at),
        }
        for n in Notification.objects.filter(user=user)
        .select_related("actor")
        .order_by("created", "id")
    ]


def _export_features(user) -> dict:
    """Each app's own part; one that fails says so instead of sinking the
    whole export."""
    features = {}
    for module in app_modules("export"):
        config = apps.get_containing_app_config(module.__name__)
        assert config is not None  # app_modules looks only in installed apps
        label = config.label
        try:
            features[label] = module.export(user)
        except Exception:
            logger.exception("The %s export failed for user %s", label, user.pk)
            features[label] = {
                "error": "This part could not be exported. Please tell whoever "
                "runs this Troth."
            }
    return features


def _export_account(user) -> dict:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    return {
        "email": user.email,
        "name": user.display_name,
        "time_zone": user.timezone,
        "language": user.language,
        "theme": user.theme,
        "joined_at": when(user.date_joined),
        "last_sign_in": when(user.last_login),
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "two_factor": [
            {
                "type": a.type,
                "added_at": when(a.created_at),
                "last_used_at": when(a.last_used_at),
            }
            for a in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
    }


def calendar_export_available() -> bool:
    return any(hasattr(m, "export_ics") for m in app_modules("export"))


def calendar_export(*, user) -> bytes | None:
    """The person's calendar as ICS, from whichever app offers one."""
    for module in app_modules("export"):
        export_ics = getattr(module, "export_ics", None)
        if export_ics is not None:
            return export_ics(user)
    return None


# Deletion ------------------------------------------------------------------


def user_references() -> list[tuple[type[models.Model], models.Field]]:
    """Every (model, field) that points at a person, in every app, including
    Django's and allauth's and many-to-many link tables."""
    User = get_user_model()
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if (
                field.concrete
                and field.is_relation
                and (field.many_to_one or field.one_to_one)
                and field.related_model is User
            ):
                found.append((model, field))
    return found


def rows_referencing(user) -> dict[str, int]:
    """How many rows still point at `user`, by model and field."""
    counts = {}
    for model, field in user_references():
        n = model._base_manager.filter(**{field.name: user.pk}).count()
        if n:
            counts[f"{model._meta.label}.{field.name}"] = n
    return counts


def _kept_for_partners(
    user, shared_spaces: set[int]
) -> dict[type[models.Model], set[int]]:
    """What stays for the former partner: exactly what they can read now,
    by each kind's own visibility rule (a shared entry, a calendar event
    shown as busy, a revealed answer), worked out before anything is deleted
    because one kind's rule can read another's rows."""
    kept: dict[type[models.Model], set[int]] = {}
    readers = list(
        User.objects.filter(memberships__space_id__in=shared_spaces)
        .exclude(pk=user.pk)
        .distinct()
    )
    for model, field in user_references():
        if issubclass(model, Content) and field.name == "author":
            kept[model] = {
                pk
                for reader in readers
                for pk in model._default_manager.visible_to(reader)
                .filter(author=user, space_id__in=shared_spaces)
                .values_list("pk", flat=True)
            }
        elif record_of := getattr(model, "RECORD_OF", None):
            # A step in the record of something the partner still
            # reads (a promise's history, an agreement's wording, a
            # ritual's marks) stays with it, whoever wrote the thing.
            parent = cast(
                "type[Content]", model._meta.get_field(record_of).related_model
            )
            kept.setdefault(model, set()).update(
                pk
                for reader in readers
                for pk in model._base_manager.filter(
                    **{
                        field.name: user.pk,
                        f"{record_of}__in": parent._default_manager.visible_to(
                            reader
                        ).filter(space_id__in=shared_spaces),
                    }
                ).values_list("pk", flat=True)
            )
    return kept


def _forget(
    user,
    *,
    kept: dict[type[models.Model], set[int]],
    keep_shared: bool,
    shared_spaces: set[int],
) -> None:
    """Delete every row that points at the person, or forget them in it,
    but for what is kept."""
    for model, field in user_references():
        if model is get_user_model():
            continue
        # The base manager on purpose: forgetting a person is the one way
        # past an append-only record's guard (troth.lib.appendonly).
        rows = model._base_manager.filter(**{field.name: user.pk})
        if issubclass(model, Content) and field.name != "author":
            continue  # someone else's entry that mentions them
        rows = rows.exclude(pk__in=kept.get(model, ()))
        if keep_shared and model is Membership:
            # Having been a partner there is the space's history: it
            # names who wrote what was kept ("Former partner"), and the
            # pages that show the former partner's entries find them by it.
            rows = rows.exclude(space_id__in=shared_spaces)
        if getattr(field.remote_field, "on_delete", None) is models.SET_NULL:
            # A row that only mentions them (who picked a question, who
            # started an audit) is shared by both: forget the person, keep
            # the row and everything hanging from it.
            rows.update(**{field.name: None})
            continue
        rows.delete()


def _make_former_partner(user, *, keep_shared: bool) -> None:
    """Keep the account row as an inactive "Former partner" that can never
    sign in again."""
    former = User.objects.get(pk=user.pk)
    former.email = f"former-{uuid.uuid4().hex}@deleted.invalid"
    former.display_name = _("Former partner")[:60]
    former.set_unusable_password()
    former.is_active = False
    former.is_staff = False
    former.is_superuser = False
    former.last_login = None
    if not keep_shared:
        # Kept entries (a goal's date, a ritual's time) are read in
        # their author's zone; with nothing kept it is just a trace.
        former.timezone = "UTC"
    former.session_epoch += 1
    former.save()


def account_delete(*, request, keep_shared: bool) -> bool:
    """Delete the signed-in person's account.

    Private data, sessions, two-factor devices, email addresses, sign-in
    history, notifications and memberships go. What they shared follows their
    choice, as when leaving a space: kept, it stays readable to their former
    partner as history and the account becomes an inactive "Former partner"
    with no email, password, two-factor or sessions; withdrawn, it is deleted.
    Entries their partner wrote stay their partner's.

    Returns True when the account row itself was deleted (nothing of anyone
    else's needed it), False when it was kept as a former partner.
    """
    from allauth.account.adapter import get_adapter as get_account_adapter
    from allauth.usersessions.adapter import get_adapter as get_sessions_adapter
    from allauth.usersessions.models import UserSession

    user = request.user
    with transaction.atomic():
        membership = active_membership(user)
        if membership is not None:
            space_leave(membership=membership, withdraw=not keep_shared)
        # Spaces where someone else was a partner: only there does a kept
        # entry have anyone to be kept for.
        shared_spaces = set(
            Membership.objects.filter(space__memberships__user=user)
            .exclude(user=user)
            .values_list("space_id", flat=True)
        )
        my_spaces = set(
            Membership.objects.filter(user=user).values_list("space_id", flat=True)
        )
        get_sessions_adapter().end_sessions(list(UserSession.objects.filter(user=user)))
        # Worked out before anything is deleted: one kind's visibility rule
        # can read another's rows.
        kept = _kept_for_partners(user, shared_spaces) if keep_shared else {}
        _forget(user, kept=kept, keep_shared=keep_shared, shared_spaces=shared_spaces)
        # A space nobody belongs to any more is nobody's.
        Space.objects.filter(pk__in=my_spaces, memberships__isnull=True).delete()

        deleted = not rows_referencing(user)
        if deleted:
            User.objects.filter(pk=user.pk).delete()
        else:
            _make_former_partner(user, keep_shared=keep_shared)
    get_account_adapter().logout(request)
    return deleted
