"""The counsellor's notes and suggestions as a window's pages show them:
newest first, each list a page at a time, so a window of months keeps
every note in reach (the partners' window page and the counsellor's own)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

from troth.counsel.models import Note, Suggestion, Window
from troth.exercises import library

PAGE_SIZE = 20
# The query parameter each list's page number travels in (the template's
# `{% pager ... param=... %}` names it too).
NOTES = "notes"
SUGGESTIONS = "suggestions"


def notes_context(request, window: Window) -> dict:
    """`notes` and `suggestions` (each exercise looked up) for the pages the
    request asks (a bad or missing number reads as the first, past the
    end as the last); the template's `{% pager %}` links the pages either
    side, keeping the other list's."""
    notes = _page(request, NOTES, Note.objects.filter(window=window))
    suggestions = _page(request, SUGGESTIONS, Suggestion.objects.filter(window=window))
    return {
        "notes": list(notes.object_list),
        "notes_page": notes,
        "suggestions": [
            {"suggestion": s, "exercise": library.get(s.exercise)}
            for s in suggestions.object_list
        ],
        "suggestions_page": suggestions,
    }


def _page(request, name: str, rows) -> Page:
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get(name))
