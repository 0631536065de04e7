from django.urls import path

from troth.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("appearance", views.appearance, name="appearance"),
    path("install", views.install, name="install"),
    path("sessions", views.sessions, name="sessions"),
    path("sessions/<int:pk>/end", views.session_end, name="session_end"),
    path("sessions/end-others", views.sessions_end_others, name="sessions_end_others"),
    path("history", views.history, name="history"),
    path("export", views.export, name="export"),
    path("export/troth-export.json", views.export_json, name="export_json"),
    path("export/calendar.ics", views.export_ics, name="export_ics"),
    path("delete", views.delete, name="delete"),
]
