from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "troth.notifications"
    label = "notifications"
