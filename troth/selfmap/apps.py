from django.apps import AppConfig


class SelfmapConfig(AppConfig):
    name = "troth.selfmap"
    label = "selfmap"
