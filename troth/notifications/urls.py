from django.urls import path

from troth.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/open", views.open_notification, name="open"),
    path("read", views.mark_all_read, name="mark_all_read"),
    path("settings", views.notification_settings, name="settings"),
]
