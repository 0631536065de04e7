from tests.matrix import Case
from troth.accounts.sessions import SessionStore


def alices_session(world):
    """A live session of Alice's on another device."""
    from allauth.usersessions.models import UserSession
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = SessionStore()
    store[SESSION_KEY] = str(world.alice.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = world.alice.get_session_auth_hash()
    store.create()
    session = UserSession.objects.create(
        user=world.alice, session_key=store.session_key, ip="192.0.2.1", user_agent="x"
    )
    return {"pk": session.pk}


CASES = {
    # Only the account's owner may end its sessions; her partner may not.
    "accounts:session_end": [
        Case("alice's other session", alices_session, {"alice"}, method="POST"),
    ],
}
