"""Pieces every list page shares.

    {% load pages %}
    {% pager page %}           Newer · Older
    {% pager page plain=True %}  Previous · Next
    {% pager page count=True %}  Newer · Page 2 of 5 · Older
    {% pager notes param="notes" labelledby="notes-title" %}
                               one of several lists on a page: its own
                               parameter, named by its heading, and its
                               links lead back to that heading

The links keep the page's other query parameters (the tab, a search, the
other lists' pages) and change only the list's own (`page` by default).
"""

from django import template

register = template.Library()


def _link(request, param: str, number: int, heading: str) -> str:
    query = request.GET.copy()
    query[param] = number
    return "?" + query.urlencode() + (f"#{heading}" if heading else "")


@register.inclusion_tag("includes/pager.html", takes_context=True)
def pager(
    context,
    page,
    plain: bool = False,
    count: bool = False,
    param: str = "page",
    labelledby: str = "",
) -> dict:
    request = context["request"]

    def link(number: int) -> str:
        return _link(request, param, number, labelledby)

    return {
        "page": page,
        "plain": plain,
        "count": count,
        "labelledby": labelledby,
        "previous": link(page.previous_page_number()) if page.has_previous() else "",
        "next": link(page.next_page_number()) if page.has_next() else "",
    }
