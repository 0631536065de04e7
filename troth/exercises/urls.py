from django.urls import path

from troth.exercises import views

app_name = "exercises"
urlpatterns = [
    path("", views.index, name="index"),
    path("planned/", views.sessions, name="sessions"),
    path("planned/<int:pk>/", views.session_detail, name="session"),
    path("planned/<int:pk>/log", views.log, name="log"),
    path("planned/<int:pk>/cancel", views.cancel, name="cancel"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/schedule", views.schedule, name="schedule"),
]
