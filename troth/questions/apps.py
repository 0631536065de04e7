from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "troth.questions"
    label = "questions"
