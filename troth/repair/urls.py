from django.urls import path

from troth.repair import views

app_name = "repair"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.new, name="new"),
    path("support", views.support, name="support"),
    path("how", views.how, name="how"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/account", views.account, name="account"),
    path("<int:pk>/mirror", views.mirror, name="mirror"),
    path("<int:pk>/mirror/answer", views.mirror_answer, name="mirror_answer"),
    path("<int:pk>/apology", views.apology, name="apology"),
    path("<int:pk>/apology/check", views.apology_check, name="apology_check"),
    path("<int:pk>/apology/answer", views.apology_answer, name="apology_answer"),
    path("<int:pk>/phase", views.phase, name="phase"),
    path("<int:pk>/close", views.resolve, name="resolve"),
    path("<int:pk>/reopen", views.reopen, name="reopen"),
    path("<int:pk>/plan", views.plan, name="plan"),
    path("<int:pk>/plan/promise", views.plan_promise, name="plan_promise"),
    path("<int:pk>/plan/agreement", views.plan_agreement, name="plan_agreement"),
    path("<int:pk>/private", views.private, name="private"),
    path("<int:pk>/private/notes", views.note_add, name="note_add"),
    path("<int:pk>/private/therapy", views.therapy_add, name="therapy_add"),
    path("<int:pk>/forgiveness", views.forgiveness, name="forgiveness"),
    path("notes/<int:pk>/delete", views.note_delete, name="note_delete"),
    path("therapy/<int:pk>/delete", views.therapy_delete, name="therapy_delete"),
    path("checkins/<int:pk>/delete", views.checkin_delete, name="checkin_delete"),
]
