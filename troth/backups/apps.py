from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "troth.backups"
    label = "backups"
