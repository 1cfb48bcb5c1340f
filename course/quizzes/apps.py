from __future__ import annotations

from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "course.quizzes"
    label = "quizzes"
    verbose_name = "Quizzes and the question bank"
