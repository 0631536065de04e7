from django.apps import AppConfig


class ConflictsConfig(AppConfig):
    name = "troth.conflicts"
    label = "conflicts"
