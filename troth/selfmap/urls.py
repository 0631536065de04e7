from django.urls import path

from troth.selfmap import views

app_name = "selfmap"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.entry_new, name="new"),
    path("partner/", views.partner, name="partner"),
    path("<int:pk>/", views.entry_detail, name="entry"),
    path("<int:pk>/edit", views.entry_edit, name="edit"),
    path("<int:pk>/share", views.entry_share, name="share"),
    path("<int:pk>/unshare", views.entry_unshare, name="unshare"),
    path("<int:pk>/delete", views.entry_delete, name="delete"),
    path("<int:pk>/respond", views.respond, name="respond"),
    path("responses/<int:pk>/resolve", views.response_resolve, name="resolve"),
    path("kinds/<str:kind>/share", views.kind_share, name="kind_share"),
    path("kinds/<str:kind>/unshare", views.kind_unshare, name="kind_unshare"),
]
