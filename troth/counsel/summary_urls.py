"""The session summary's URLs, for troth/counsel/urls.py to include in the
counsel namespace: /counsel/summary and /counsel/summary.md."""

from __future__ import annotations

from django.urls import path

from troth.counsel import summary_views

urlpatterns = [
    path("summary", summary_views.summary, name="summary"),
    path("summary.md", summary_views.summary_markdown_file, name="summary_markdown"),
]
