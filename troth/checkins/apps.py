from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "troth.checkins"
    label = "checkins"
