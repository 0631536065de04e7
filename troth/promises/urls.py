from django.urls import path

from troth.promises import views

app_name = "promises"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.new, name="new"),
    path("figures", views.figures, name="figures"),
    path("figures/how", views.how, name="how"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/done", views.mark_done, name="done"),
    path("<int:pk>/confirm", views.confirm, name="confirm"),
    path("<int:pk>/respond", views.respond, name="respond"),
    path("<int:pk>/propose", views.propose, name="propose"),
    path("<int:pk>/proposal/accept", views.proposal_accept, name="proposal_accept"),
    path("<int:pk>/proposal/decline", views.proposal_decline, name="proposal_decline"),
    path(
        "<int:pk>/proposal/withdraw", views.proposal_withdraw, name="proposal_withdraw"
    ),
    path("<int:pk>/cancel", views.cancel_request, name="cancel_request"),
    path("<int:pk>/cancel/agree", views.cancel_agree, name="cancel_agree"),
    path("<int:pk>/cancel/decline", views.cancel_decline, name="cancel_decline"),
    path("<int:pk>/cancel/withdraw", views.cancel_withdraw, name="cancel_withdraw"),
]
