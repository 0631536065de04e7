from __future__ import annotations

from django import template

from troth.accounts.passkeys import PasskeyAddress, passkey_address

register = template.Library()


@register.simple_tag(takes_context=True)
def passkey_check(context) -> PasskeyAddress | None:
    request = context.get("request")
    return passkey_address(request) if request is not None else None
