from django.urls import path

from troth.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.index, name="index"),
    path("how", views.how, name="how"),
]
