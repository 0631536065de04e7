from django.urls import path

from troth.questions import views

app_name = "questions"
urlpatterns = [
    path("", views.index, name="index"),
    path("history/", views.history, name="history"),
    path("deck/", views.deck, name="deck"),
    path("deck/level", views.levels_set, name="level"),
    path("deck/packs", views.packs_set, name="packs"),
    path("deck/own", views.own_question_create, name="own_create"),
    path("deck/own/<int:pk>/retire", views.own_question_retire, name="own_retire"),
    path("pick", views.pick, name="pick"),
    path("<int:pk>/", views.round_detail, name="round"),
    path("<int:pk>/status", views.round_status, name="status"),
    path("<int:pk>/answer", views.answer_create, name="answer"),
    path("<int:pk>/answer/edit", views.answer_edit, name="answer_edit"),
    path("<int:pk>/pass", views.round_pass, name="pass"),
    path("<int:pk>/followups", views.followup_create, name="followup"),
    path("answers/<int:pk>/react", views.react, name="react"),
]
