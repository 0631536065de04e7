from django.apps import AppConfig


class PromisesConfig(AppConfig):
    name = "troth.promises"
    label = "promises"
