from __future__ import annotations

from django.urls import include, path

from troth import views
from troth.spaces import views as space_views

# Each feature's routes, by the prefix DESIGN.md gives it. Every one is
# included as it stands: a misspelt module stops the site at start, rather
# than leaving a feature silently without pages.
FEATURE_ROUTES = {
    "space/": "troth.spaces.urls",
    "settings/": "troth.accounts.urls",
    "notifications/": "troth.notifications.urls",
    "promises/": "troth.promises.urls",
    "checkins/": "troth.checkins.urls",
    "calendar/": "troth.schedule.urls",
    "self/": "troth.selfmap.urls",
    "questions/": "troth.questions.urls",
    "moments/": "troth.moments.urls",
    "agreements/": "troth.agreements.urls",
    "repair/": "troth.repair.urls",
    "dialogue/": "troth.dialogue.urls",
    "conflicts/": "troth.conflicts.urls",
    "goals/": "troth.goals.urls",
    "exercises/": "troth.exercises.urls",
    "audits/": "troth.audits.urls",
    "insights/": "troth.insights.urls",
    "counsel/": "troth.counsel.urls",
    "safety/": "troth.safety.urls",
}

urlpatterns = [
    path("", space_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("exit", views.quick_exit, name="quick_exit"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline", views.offline, name="offline"),
    path("more/", views.more, name="more"),
    path("docs/figures/<slug:slug>", views.figure_derivation, name="figure_derivation"),
    path("accounts/", include("allauth.urls")),
    *[path(prefix, include(module)) for prefix, module in FEATURE_ROUTES.items()],
]

handler404 = "troth.views.page_not_found"
handler500 = "troth.views.server_error"
