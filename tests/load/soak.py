"""make soak: 50 simulated students take quizzes at once for two minutes against gunicorn and
PostgreSQL. Afterwards every answer they saved must be stored, attempt counts must be exact
and no request may have failed. TARGET=cluster runs it through nginx in front of two nodes
(tests/load/cluster.py). Prints:

    soak: requests=… errors=… lost_answers=…
"""

from __future__ import annotations

import http.client
import os
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load.cluster import serve
from tests.load.common import ROOT, production_env, setup_django

STUDENTS = int(os.environ.get("SOAK_STUDENTS", "50"))
SECONDS = int(os.environ.get("SOAK_SECONDS", "120"))


def main() -> None:
    import subprocess

    env = production_env()
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)  # fmt: skip
    setup_django(env)
    from django.db.models import Count

    from course.quizzes.models import Attempt, AttemptItem, Quiz, QuizQuestion
    from tests.load.seed import seed

    world = seed(students=STUDENTS)
    # A quiz of free-text questions only, so every saved answer can be compared exactly.
    from course.catalog.models import Course

    course = Course.objects.get(slug=world.slug)
    Attempt.objects.filter(quiz__course=course).delete()  # the seed's open attempts
    quiz = Quiz.objects.create(
        course=course,
        title="Soak quiz",
        status=Quiz.Status.PUBLISHED,
        attempts_allowed=0,
        feedback_mode=Quiz.Feedback.DEFERRED,
    )
    texts = list(course.questions.filter(type__in=["cloze", "short_answer"]).in_order()[:6])
    for position, question in enumerate(texts, start=1):
        QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
    start_path = f"/courses/{world.slug}/quizzes/{quiz.pk}/start/"

    saved: dict[tuple[int, int], str] = {}
    started: dict[str, int] = {}
    counters = {"requests": 0, "errors": 0}
    lock = threading.Lock()
    stop_at = time.monotonic() + SECONDS

    def student(person: object, base: str) -> None:
        host = urlparse(base)
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        headers = {"Cookie": person.cookie, "X-CSRFToken": person.csrf,  # type: ignore[attr-defined]
                   "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip

        def call(method: str, path: str, body: str = "") -> http.client.HTTPResponse:
            conn.request(method, path, body=body or None, headers=headers)
            response = conn.getresponse()
            response.read()
            with lock:
                counters["requests"] += 1
                if response.status >= 400:
                    counters["errors"] += 1
            return response

        n = 0
        while time.monotonic() < stop_at:
            try:
                response = call("POST", start_path)
                if response.status != 302:
                    continue
                attempt_id = int(response.getheader("Location").rstrip("/").split("/")[-1])
                with lock:
                    started[person.username] = started.get(person.username, 0) + 1  # type: ignore[attr-defined]
                call("GET", f"/attempts/{attempt_id}/")
                for position in range(1, len(texts) + 1):
                    n += 1
                    answer = f"answer {person.username} {attempt_id} {position} {n}"  # type: ignore[attr-defined]
                    body = urlencode({"action": "save", "answer": answer})
                    if (
                        call("POST", f"/attempts/{attempt_id}/questions/{position}/", body).status
                        < 400
                    ):
                        with lock:
                            saved[(attempt_id, position)] = answer
                call("POST", f"/attempts/{attempt_id}/submit/")
            except (OSError, http.client.HTTPException):
                with lock:
                    counters["errors"] += 1
                conn.close()
                conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)

    with serve(env) as base:
        threads = [threading.Thread(target=student, args=(p, base)) for p in world.students]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    stored = {
        (attempt_id, position): response
        for attempt_id, position, response in AttemptItem.objects.filter(
            attempt__quiz=quiz
        ).values_list("attempt_id", "position", "response")
    }
    lost = sum(1 for key, answer in saved.items() if stored.get(key) != answer)
    counts = dict(
        Attempt.objects.filter(quiz=quiz)
        .values("user__username")
        .annotate(n=Count("pk"))
        .values_list("user__username", "n")
    )
    wrong_counts = sum(1 for name, n in started.items() if counts.get(name) != n)
    open_left = Attempt.objects.filter(quiz=quiz, state=Attempt.State.OPEN).count()
    print(
        f"soak: target={os.environ.get('TARGET', 'single')} students={STUDENTS} seconds={SECONDS} "
        f"attempts={sum(started.values())} "
        f"answers={len(saved)} wrong_attempt_counts={wrong_counts} open_attempts_left={open_left}"
    )
    print(f"soak: requests={counters['requests']} errors={counters['errors']} lost_answers={lost}")
    if counters["errors"] or lost or wrong_counts:
        sys.exit(1)


if __name__ == "__main__":
    main()
