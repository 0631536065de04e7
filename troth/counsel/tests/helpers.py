"""Windows as the tests need them, made through the services (so their
checks and history are what is tested), and a counsellor attached as the
invitation link would."""

from __future__ import annotations

from conftest import make_user
from troth.accounts.models import User
from troth.counsel import services
from troth.counsel.areas import AREAS
from troth.counsel.models import Window

EVERY_AREA = tuple(AREAS)


def counsellor(name: str = "kim") -> User:
    """The counsellor called `name`, made the first time it is asked for."""
    found = User.objects.filter(email=f"{name}@example.com").first()
    return found or make_user(name)


def proposed(space, by, *, areas=EVERY_AREA, days=30, **extra) -> Window:
    return services.window_propose(
        space=space,
        by=by,
        email=extra.pop("email", "kim@example.com"),
        areas=list(areas),
        days=days,
        **extra,
    )


def opened(space, by, other, *, held_by=None, **extra) -> Window:
    """A window `by` proposed and `other` accepted; `held_by` has taken the
    invitation (attached as `window_join` does)."""
    window = proposed(space, by, **extra)
    services.window_accept(window=window, by=other)
    if held_by is not None:
        Window.objects.filter(pk=window.pk).update(counsellor=held_by)
        window.refresh_from_db()
    return window


def fresh_open(space, by, other, held_by) -> Window:
    """A new open window on `space`, after closing any live one (a space
    has at most one)."""
    services.windows_close_in(space=space)
    return opened(space, by, other, held_by=held_by)
