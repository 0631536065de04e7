from django.urls import path

from troth.audits import views

app_name = "audits"
urlpatterns = [
    path("", views.index, name="index"),
    path("day", views.audit_settings, name="settings"),
    path("start", views.start, name="start"),
    path("how", views.how, name="how"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/print", views.printable, name="print"),
    path("<int:pk>/export.md", views.export_markdown, name="export"),
    path("<int:pk>/reflection", views.reflection, name="reflection"),
    path("<int:pk>/commitments", views.commitment_add, name="commitment_add"),
    path("<int:pk>/sign-off", views.sign_off, name="sign_off"),
    path(
        "<int:pk>/sign-off/withdraw", views.sign_off_withdraw, name="sign_off_withdraw"
    ),
    path(
        "commitments/<int:pk>/remove",
        views.commitment_remove,
        name="commitment_remove",
    ),
]
