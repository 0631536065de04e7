from django.urls import path

from troth.goals import views

app_name = "goals"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.new, name="new"),
    path("adventure", views.adventure_new, name="adventure_new"),
    path("memories", views.memories, name="memories"),
    path("how", views.how, name="how"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit", views.edit, name="edit"),
    path("<int:pk>/steps", views.milestone_add, name="milestone_add"),
    path("<int:pk>/finish", views.finish, name="finish"),
    path("<int:pk>/set-aside", views.set_aside, name="set_aside"),
    path("<int:pk>/resume", views.resume, name="resume"),
    path("<int:pk>/reflect", views.reflect, name="reflect"),
    path("steps/<int:pk>/done", views.milestone_done, name="milestone_done"),
    path("steps/<int:pk>/reopen", views.milestone_reopen, name="milestone_reopen"),
    path("steps/<int:pk>/remove", views.milestone_remove, name="milestone_remove"),
]
