from django.urls import path

from troth.dialogue import views

app_name = "dialogue"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/step", views.step, name="step"),
    path("<int:pk>/break", views.take_break, name="break"),
    path("<int:pk>/resume", views.resume, name="resume"),
    path("<int:pk>/stop", views.stop, name="stop"),
    path("<int:pk>/summary", views.summary, name="summary"),
    path("summaries/<int:pk>/keep", views.summary_keep, name="summary_keep"),
    path("summaries/<int:pk>/let-go", views.summary_let_go, name="summary_let_go"),
    path("summaries/<int:pk>/delete", views.summary_delete, name="summary_delete"),
]
