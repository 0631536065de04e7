from django.urls import path

from troth.safety import views

app_name = "safety"
urlpatterns = [
    path("", views.index, name="index"),
    path("shared/<slug:app>/", views.shared, name="shared"),
    path("stop", views.stop, name="stop"),
    path("stop-all", views.stop_all, name="stop_all"),
    path("reset", views.reset, name="reset"),
    path("reset/next", views.reset_next, name="reset_next"),
]
