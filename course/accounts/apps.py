from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "course.accounts"
    label = "accounts"
    verbose_name = "People and enrollment"
