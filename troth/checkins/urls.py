from django.urls import path

from troth.checkins import views

app_name = "checkins"
urlpatterns = [
    path("", views.index, name="index"),
    path("partner-status", views.partner_status_fragment, name="partner_status"),
    path("status", views.status_send, name="status_send"),
    path("status/clear", views.status_clear, name="status_clear"),
    path("pulse", views.pulse, name="pulse"),
    path("pulse/settings", views.pulse_settings, name="pulse_settings"),
    path("pulse/trends", views.pulse_trends, name="pulse_trends"),
    path("pulse/how", views.pulse_how, name="pulse_how"),
]
