from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "troth.goals"
    label = "goals"
