from django.urls import path

from troth.conflicts import views

app_name = "conflicts"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.new, name="new"),
    path("how", views.how, name="how"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/my-view", views.add_view, name="add_view"),
    path("views/<int:pk>/edit", views.view_edit, name="view_edit"),
    path("views/<int:pk>/share", views.view_share, name="view_share"),
    path("views/<int:pk>/stop", views.view_stop, name="view_stop"),
    path("views/<int:pk>/delete", views.view_delete, name="view_delete"),
]
