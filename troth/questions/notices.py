"""Notification words for questions. They never carry a question's answer,
and nothing is sent when one partner answers: only when both have."""

from django.utils.translation import gettext_lazy as _

from troth.notifications.categories import Category

NOTICES = {
    "questions.revealed": (
        Category.CLOSENESS,
        _("{actor} answered too: you can read each other's answers now."),
    ),
    "questions.passed": (
        Category.CLOSENESS,
        _("{actor} passed on a question. It is closed, and nothing was revealed."),
    ),
    "questions.picked": (
        Category.CLOSENESS,
        _("{actor} picked a question for you both."),
    ),
    "questions.reacted": (
        Category.CLOSENESS,
        _("{actor} responded to your answer."),
    ),
    "questions.followed_up": (
        Category.CLOSENESS,
        _("{actor} added a follow-up to a question you both answered."),
    ),
    "questions.own_added": (
        Category.CLOSENESS,
        _("{actor} added a question to your deck."),
    ),
    "questions.level_changed": (
        Category.CLOSENESS,
        _("{actor} changed how deep your daily questions go."),
    ),
    "questions.packs_changed": (
        Category.CLOSENESS,
        _("{actor} changed which packs your daily questions come from."),
    ),
}
