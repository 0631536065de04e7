"""The session summary's pages: the form and the printable summary, and
the same summary as a Markdown file. Partners of the space only; no
object id in the URL, so there is nothing of another couple to ask for."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from troth.counsel.summary import (
    SummaryForm,
    summary_build,
    summary_initial,
    summary_markdown,
)
from troth.lib.downloads import password_first, password_prompt
from troth.lib.http import AuthedRequest
from troth.lib.time import local_today
from troth.spaces.membership import space_page
from troth.spaces.models import Membership

TEMPLATE = "counsel/summary.html"


def _built(request: AuthedRequest, membership: Membership, form: SummaryForm):
    """The summary the valid `form` asks for, of the person's own space."""
    data = form.cleaned_data
    mine = frozenset({request.user.pk}) if data["include_pulse"] else frozenset()
    return summary_build(
        membership.space,
        start=data["start"],
        end=data["end"],
        keys=data["areas"],
        pulse_from=mine,
    )


def _form(request: AuthedRequest) -> SummaryForm:
    """Bound to the query when it has one; else the last 30 days."""
    if request.GET:
        return SummaryForm(request.GET)
    return SummaryForm(initial=summary_initial(local_today(request.user.tz)))


@space_page
def summary(request: AuthedRequest, membership: Membership) -> HttpResponse:
    """The form, and once it is filled in, the summary below it: a page to
    print, with the link to the same summary as Markdown."""
    form = _form(request)
    if not form.is_bound:
        return render(request, TEMPLATE, {"form": form})
    if not form.is_valid():
        return render(request, TEMPLATE, {"form": form}, status=400)
    built = _built(request, membership, form)
    query = request.GET.urlencode()
    context = {
        "form": form,
        "summary": built,
        # Each area's own fragment, as a counsellor's window shows it.
        "parts": [
            render_to_string(part.area.template, part.context, request=request)
            for part in built.parts
        ],
        "markdown_url": f"{reverse('counsel:summary_markdown')}?{query}",
        "prompt": password_prompt(request),
    }
    return render(request, TEMPLATE, context)


@space_page
def summary_markdown_file(
    request: AuthedRequest, membership: Membership
) -> HttpResponse:
    """The summary as a Markdown file, after the password like every
    download of a person's data (troth/lib/downloads.py). The file's name
    holds the period only."""
    back = f"{reverse('counsel:summary')}?{request.GET.urlencode()}"
    asked = password_first(request, back=back)
    if asked is not None:
        return asked
    form = _form(request)
    if not form.is_bound or not form.is_valid():
        return render(request, TEMPLATE, {"form": form}, status=400)
    built = _built(request, membership, form)
    response = HttpResponse(
        summary_markdown(built), content_type="text/markdown; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{built.filename}"'
    return response
