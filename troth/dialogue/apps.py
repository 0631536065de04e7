from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "troth.dialogue"
    label = "dialogue"
