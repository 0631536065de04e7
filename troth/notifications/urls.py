from django.urls import path

from troth.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/open", views.open_notification, name="open"),
    path("read", views.mark_all_read, name="mark_all_read"),
    path("settings", views.notification_settings, name="settings"),
    path("unread", views.unread, name="unread"),
    path("push/", views.push_settings, name="push"),
    path("push/subscriptions", views.push_subscriptions, name="push_subscriptions"),
    path(
        "push/subscriptions/<int:pk>",
        views.push_subscription,
        name="push_subscription",
    ),
    path(
        "push/subscriptions/<int:pk>/delete",
        views.push_subscription_delete,
        name="push_subscription_delete",
    ),
]
