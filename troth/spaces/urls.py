from django.urls import path

from troth.spaces import firstrun, views

app_name = "spaces"
urlpatterns = [
    path("new", views.space_create, name="create"),
    path("invite", views.invite, name="invite"),
    path(
        "invitations/<int:pk>/revoke", views.invitation_revoke, name="invitation_revoke"
    ),
    path("join/<str:token>/", views.join, name="join"),
    path("leave", views.leave, name="leave"),
    path("first-steps/tick", firstrun.tick, name="firstrun_tick"),
    path("first-steps/dismiss", firstrun.dismiss, name="firstrun_dismiss"),
]
