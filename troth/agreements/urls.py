from __future__ import annotations

from django.urls import path

from troth.agreements import views


def clause_path(step: str, view):
    """A step on one clause of an agreement, named `clause_<step>`."""
    return path(f"<int:pk>/clauses/<int:clause_pk>/{step}", view, name=f"clause_{step}")


app_name = "agreements"
urlpatterns = [
    path("", views.index, name="index"),
    path("new", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/history", views.history, name="history"),
    path("<int:pk>/accept-all", views.accept_all, name="accept_all"),
    path("<int:pk>/clauses/add", views.clause_add, name="clause_add"),
    clause_path("accept", views.clause_accept),
    clause_path("change", views.clause_change),
    clause_path("decline", views.clause_decline),
    clause_path("withdraw", views.clause_withdraw),
    clause_path("remove", views.clause_remove),
    path("<int:pk>/consent/withdraw", views.consent_withdraw, name="consent_withdraw"),
    path("<int:pk>/consent/give", views.consent_give, name="consent_give"),
    path("<int:pk>/set-aside", views.set_aside, name="set_aside"),
    path("<int:pk>/end", views.end, name="end"),
    path("<int:pk>/review", views.review, name="review"),
    path("<int:pk>/renewal", views.renewal_propose, name="renewal_propose"),
    path("<int:pk>/renewal/accept", views.renewal_accept, name="renewal_accept"),
    path("<int:pk>/renewal/decline", views.renewal_decline, name="renewal_decline"),
    path("<int:pk>/renewal/withdraw", views.renewal_withdraw, name="renewal_withdraw"),
]
