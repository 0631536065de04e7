from __future__ import annotations

from django.urls import path

from troth.counsel import counsellor_views, summary_urls, views

app_name = "counsel"
urlpatterns = [
    path("", views.index, name="index"),
    path("propose", views.propose, name="propose"),
    # The session summary (troth/counsel/summary_urls.py).
    *summary_urls.urlpatterns,
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/log", views.log, name="log"),
    path("<int:pk>/accept", views.accept, name="accept"),
    path("<int:pk>/decline", views.decline, name="decline"),
    path("<int:pk>/withdraw", views.withdraw, name="withdraw"),
    path("<int:pk>/close", views.close, name="close"),
    path("<int:pk>/renewal", views.renewal_propose, name="renewal_propose"),
    path("<int:pk>/renewal/accept", views.renewal_accept, name="renewal_accept"),
    path("<int:pk>/renewal/decline", views.renewal_decline, name="renewal_decline"),
    # The counsellor's side.
    path("join/<str:token>/", counsellor_views.join, name="join"),
    path("clients/", counsellor_views.clients, name="clients"),
    path("w/<int:pk>/", counsellor_views.home, name="home"),
    path("w/<int:pk>/note", counsellor_views.note, name="note"),
    path("w/<int:pk>/suggest", counsellor_views.suggest, name="suggest"),
    path("w/<int:pk>/<slug:area>", counsellor_views.area, name="area"),
]
