"""{{ session.user_agent|device_name }}: "Firefox on macOS", as the sessions
page says it, for allauth's sessions list."""

from __future__ import annotations

from django import template

from troth.accounts import devices

register = template.Library()


@register.filter
def device_name(user_agent: str) -> str:
    return devices.describe(user_agent or "")
