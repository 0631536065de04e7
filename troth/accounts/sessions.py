"""Sessions that a copy of the database cannot use.

The browser's session cookie holds a random key; the database holds only a
digest of it (the first 40 hex digits of its SHA-256: both key columns are
40 characters wide). The key is 32 random characters, so the digest needs no
secret: nobody can work back from it, and someone holding a copy of the
database (or a backup of it) has nothing to put in a cookie.

Three pieces make that hold everywhere a key is stored:

- `SessionStore` (settings.SESSION_ENGINE) reads and writes session rows by
  digest. A key that came from a cookie is always digested; a key that
  already is a digest (40 characters, as allauth's UserSession rows hold
  them) is used as it is, so allauth can still look a session up, check
  whose it is and end it.
- `SessionMiddleware` (in settings.MIDDLEWARE instead of Django's) builds
  the request's session with `from_cookie=True`, so a digest copied into a
  cookie is digested again and finds nothing.
- `install()` (AccountsConfig.ready) makes allauth's UserSession store the
  digest too: allauth writes the cookie's key into it on every request, and
  has no setting for this. tests in troth/accounts/tests/test_session_storage.py
  fail if an allauth upgrade moves what is wrapped here.
"""

from __future__ import annotations

import hashlib
from types import MethodType

from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.middleware import SessionMiddleware as DjangoMiddleware
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

DIGEST_LENGTH = 40


def digest(key: str) -> str:
    """What the database stores for the session key `key`."""
    return hashlib.sha256(key.encode()).hexdigest()[:DIGEST_LENGTH]


def stored_key(key: str) -> str:
    """The stored form of a key that may already be stored (Django's own
    keys are 32 characters long, the stored form 40)."""
    return key if len(key) == DIGEST_LENGTH else digest(key)


def same_session(stored: str | None, key: str | None) -> bool:
    """Whether a stored key (a UserSession's) is the session `key`."""
    if not stored or not key:
        return False
    return stored_key(stored) == stored_key(key)


class SessionStore(db.SessionStore):
    def __init__(self, session_key=None, *, from_cookie: bool = False):
        self._from_cookie = from_cookie
        super().__init__(session_key)

    def _row(self, key: str) -> str:
        # Whatever a browser sends is a key, never a stored form.
        return digest(key) if self._from_cookie else stored_key(key)

    def _get_session_from_db(self):
        try:
            return self.model.objects.get(
                session_key=self._row(self.session_key),
                expire_date__gt=timezone.now(),
            )
        except (self.model.DoesNotExist, SuspiciousOperation):
            self._session_key = None

    async def _aget_session_from_db(self):
        try:
            return await self.model.objects.aget(
                session_key=self._row(self.session_key),
                expire_date__gt=timezone.now(),
            )
        except (self.model.DoesNotExist, SuspiciousOperation):
            self._session_key = None

    def exists(self, session_key):
        return self.model.objects.filter(session_key=self._row(session_key)).exists()

    async def aexists(self, session_key):
        return await self.model.objects.filter(
            session_key=self._row(session_key)
        ).aexists()

    def create_model_instance(self, data):
        obj = super().create_model_instance(data)
        obj.session_key = self._row(obj.session_key)
        return obj

    async def acreate_model_instance(self, data):
        obj = await super().acreate_model_instance(data)
        obj.session_key = self._row(obj.session_key)
        return obj

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        self.model.objects.filter(session_key=self._row(session_key)).delete()

    async def adelete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        await self.model.objects.filter(session_key=self._row(session_key)).adelete()


class SessionMiddleware(DjangoMiddleware):
    """Django's, except that the cookie's key is always digested."""

    def process_request(self, request):
        key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        request.session = self.SessionStore(key, from_cookie=True)


def install() -> None:
    """Make allauth's UserSession keep the digest instead of the key.

    allauth creates and finds its rows by `request.session.session_key`
    (allauth/usersessions/models.py). Every value the column is given, in a
    save, a filter or an update, passes through the field's
    get_prep_value, so digesting there covers all of them; values read back
    are digests, which `SessionStore` accepts. `is_current` compares a row
    with the request's key, so it compares digests instead."""
    from allauth.core import context
    from allauth.usersessions.models import UserSession

    field = UserSession._meta.get_field("session_key")
    if getattr(field, "troth_digests", False):
        return
    prep = field.get_prep_value

    def get_prep_value(self, value):
        value = prep(value)
        return stored_key(value) if value else value

    field.get_prep_value = MethodType(get_prep_value, field)  # type: ignore[method-assign]
    field.troth_digests = True  # type: ignore[attr-defined]

    def is_current(self) -> bool:
        return same_session(self.session_key, context.request.session.session_key)

    UserSession.is_current = is_current  # type: ignore[method-assign]
