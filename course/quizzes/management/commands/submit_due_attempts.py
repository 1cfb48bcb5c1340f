"""manage.py submit_due_attempts

Submits every open attempt whose time limit or close date has passed, with the answers
saved in time, whether or not its student has the page open. Pages submit their own
student's due attempts when they are visited; run this every minute (cron, a systemd
timer) so an attempt left open in a closed tab is graded on time too. Safe to run as often
as wanted, beside any number of requests: an attempt is graded once.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from course.quizzes.attempts import attempts_submit_due


class Command(BaseCommand):
    help = "Submit the open attempts whose deadline has passed, with the answers saved in time."

    def handle(self, *args: Any, **options: Any) -> None:
        submitted = attempts_submit_due()
        noun = "attempt" if len(submitted) == 1 else "attempts"
        self.stdout.write(f"Submitted {len(submitted)} {noun} past their deadline.")
