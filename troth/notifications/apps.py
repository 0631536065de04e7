from django.apps import AppConfig

from troth.spaces.signals import activity_recorded


class NotificationsConfig(AppConfig):
    name = "troth.notifications"
    label = "notifications"

    def ready(self) -> None:
        # Here, not at the top: Django imports an AppConfig's module before
        # any model is loaded, and the receivers load models.
        from troth.notifications import receivers

        # Spaces sends this when it records an activity; listening here
        # (rather than spaces calling the task) keeps spaces from importing
        # notifications, which already imports spaces' Activity.
        activity_recorded.connect(
            receivers.activity_recorded,
            dispatch_uid="troth.notifications.activity_recorded",
        )
