"""Sign-in throttling that one partner cannot turn against the other.

allauth limits failed sign-ins with its "login_failed" rate, configured in
settings.ACCOUNT_RATE_LIMITS as "10/m/ip,5/5m/key". Read in allauth's source
(allauth/core/internal/ratelimit.py, allauth/account/adapter.py): each part
is counted on its own. "ip" counts every failure from one address, whatever
the account; "key" counts failures for one account (for passwords the key
is the email address, for two-factor codes "mfa-auth-user-<id>"), from any
address. So as allauth ships it, five wrong passwords typed by a partner on
their own phone would pause the account for its owner everywhere for five
minutes, again and again.

Here the "key" part of that one rate also counts the client's address: five
failures for an account *from one address* pause that account *at that
address* only. The owner signing in from anywhere else is never affected,
and nothing ever locks the account itself. The per-address part still caps
how fast one address can guess against all accounts.

allauth has no setting for this, so `install()` wraps its cache-key
function once at start-up (AccountsConfig.ready). tests in
troth/accounts/tests/test_sign_in.py prove the behaviour, so an allauth
upgrade that moves the function fails the suite instead of silently
bringing the lock-out back.
"""

from __future__ import annotations

from functools import wraps

ACTION = "login_failed"


def install() -> None:
    from allauth.core.internal import ratelimit

    original = ratelimit.get_cache_key
    if getattr(original, "troth_per_address", False):
        return

    @wraps(original)
    def get_cache_key(request, *, app, action, rate, key=None, user=None):
        if action == ACTION and rate.per == "key" and key is not None:
            key = f"{key}|{ratelimit.get_ip(request)}"
        return original(request, app=app, action=action, rate=rate, key=key, user=user)

    get_cache_key.troth_per_address = True  # type: ignore[attr-defined]
    ratelimit.get_cache_key = get_cache_key
