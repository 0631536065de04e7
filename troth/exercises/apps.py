from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    name = "troth.exercises"
    label = "exercises"
