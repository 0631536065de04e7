from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "troth.spaces"
    label = "spaces"
