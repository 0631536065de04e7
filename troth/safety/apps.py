from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "troth.safety"
    label = "safety"
