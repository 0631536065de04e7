"""Pieces every list page shares.

    {% load pages %}
    {% pager page %}           Newer · Older
    {% pager page plain=True %}  Previous · Next
    {% pager page count=True %}  Newer · Page 2 of 5 · Older

The links keep the page's other query parameters (the tab, a search) and
change only `page`.
"""

from django import template

register = template.Library()


def _link(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.inclusion_tag("includes/pager.html", takes_context=True)
def pager(context, page, plain: bool = False, count: bool = False) -> dict:
    request = context["request"]
    return {
        "page": page,
        "plain": plain,
        "count": count,
        "previous": _link(request, page.previous_page_number())
        if page.has_previous()
        else "",
        "next": _link(request, page.next_page_number()) if page.has_next() else "",
    }
