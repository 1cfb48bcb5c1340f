"""make bench: throughput of Lectern's real pages against the ceiling of this machine.

Seeds PostgreSQL (DATABASE_URL must point at one; Redis caches and holds sessions), serves
Lectern with gunicorn under the production settings, one worker per core, and drives it
from wrk, a separate process on loopback, for a fixed time per page. Every page is the real
page a signed-in student or instructor gets. The ceiling is /healthz: a view that returns
"ok" through the same middleware. Prints one line per page:

    bench: NAME rps=… p50_ms=… p95_ms=… errors=… ratio=…
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load.common import ROOT, gunicorn, production_env, setup_django
from tests.load.wrk import Request, run

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
STUDENTS = int(os.environ.get("BENCH_STUDENTS", "300"))


def generator_timings() -> tuple[float, float]:
    """Seconds to build a draft from the reference abstract and from a text ten times longer
    (the reference's sentences, each made distinct, ten times over)."""
    from course.generator import build_draft

    reference = (ROOT / "course" / "catalog" / "demo" / "abstract.txt").read_text(encoding="utf-8")
    sentences = build_draft(reference).sentences
    longer = "\n\n".join(
        " ".join(f"In case {k}, {s[0].lower()}{s[1:]}" for s in sentences) for k in range(1, 11)
    )
    results = []
    for text in (reference, longer):
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            build_draft(text)
            best = min(best, time.perf_counter() - started)
        results.append(best)
    return results[0], results[1]


def main() -> None:
    env = production_env()
    print(f"bench: seeding {STUDENTS} students on {re.sub(r'//[^@]*@', '//', env['DATABASE_URL'])}")
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)  # fmt: skip
    setup_django(env)
    from tests.load.seed import seed

    world = seed(students=STUDENTS)
    ref, ten = generator_timings()
    students = world.students

    def get(path: str, person: object) -> Request:
        return Request("GET", path, {"Cookie": person.cookie})  # type: ignore[attr-defined]

    body = (
        "action=check&choice=0&answer=guess&rank-0=1&rank-1=2&rank-2=3&rank-3=4&match-0=0&match-1=1"
    )

    def check(person: object, position: int) -> Request:
        headers = {
            "Cookie": person.cookie,  # type: ignore[attr-defined]
            "X-CSRFToken": person.csrf,  # type: ignore[attr-defined]
            "HX-Request": "true",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        path = f"/attempts/{person.attempt_id}/questions/{position}/"  # type: ignore[attr-defined]
        return Request("POST", path, headers, body)

    # Every (student, question) pair once: a checked answer is final, so each request is
    # a first check that grades, saves and updates mastery.
    checks = [check(p, pos) for pos in range(1, 13) for p in students if pos in p.positions]
    scenarios = {
        "ceiling": [Request("GET", "/healthz", {})],
        "catalog": [get("/", p) for p in students],
        "lesson": [get(world.lesson_path, p) for p in students],
        "check_answer": checks,
        "dashboard": [get("/dashboard/", p) for p in students],
        "roster": [get(f"/courses/{world.slug}/students/", world.instructor)],
    }
    print(
        f"bench: machine cores={os.cpu_count()} gunicorn_workers={os.cpu_count()} "
        f"wrk_connections={CONNECTIONS} seconds_per_page={SECONDS} "
        f"distinct_checks={len(checks)}"
    )
    with gunicorn(env) as base:
        ceiling = None
        for name, requests in scenarios.items():
            run(base, requests[:50], seconds=2, connections=CONNECTIONS)  # warm up
            if name == "check_answer":
                # The warm-up checked some answers (final after a check); start past them.
                requests = requests[200:] + requests[:200]
            result = run(base, requests, seconds=SECONDS, connections=CONNECTIONS)
            ceiling = ceiling or result.rps
            print(
                f"bench: {name} rps={result.rps:.0f} p50_ms={result.p50_ms:.1f} "
                f"p95_ms={result.p95_ms:.1f} errors={result.errors} "
                f"ratio={result.rps / ceiling:.2f}",
                flush=True,
            )
    print(f"bench: generator_reference ms={1000 * ref:.1f}")
    print(f"bench: generator_10x ms={1000 * ten:.1f} ratio={ten / ref:.1f}")


if __name__ == "__main__":
    main()
