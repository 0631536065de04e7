"""`{% allowed_steps obj as allowed %}`: the names of the steps the person
viewing the page may take on `obj` now, for a page that shows many objects
(a page about one object puts `allowed` in its context instead)."""

from __future__ import annotations

from django import template

from troth.spaces.steps import steps_for

register = template.Library()


@register.simple_tag(takes_context=True)
def allowed_steps(context, obj) -> frozenset[str]:
    return steps_for(obj).allowed(obj, context["request"].user)
