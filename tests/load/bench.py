"""make bench: throughput of Lectern's real pages against the ceiling of this machine.

Seeds PostgreSQL (DATABASE_URL must point at one; Redis caches and holds sessions), serves
Lectern with gunicorn under the production settings, one worker per core, and drives it
from wrk, a separate process on loopback, for a fixed time per page. Every page is the real
page a signed-in student or instructor gets. The ceiling is /healthz: a view that returns
"ok" through the same middleware, measured again just before each page. Prints one line
per page, after the line of the ceiling it is compared with:

    bench: NAME rps=… p50_ms=… p95_ms=… errors=… ratio=…

The lesson page is measured under both of its designs (settings.PAGE_CACHE): "lesson"
under the default, the page cache's middleware; "lesson_standard" and
"lesson_standard_304" on a second server under "standard", with plain GETs (rendered around
the cached fragments) and with the ETag each reader last got (answered 304).

TARGET=cluster serves each of those servers as two nodes behind nginx (tests/load/cluster.py)
and drives everything, the ceiling too, through the proxy.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load.cluster import describe_target, serve
from tests.load.common import ROOT, production_env, setup_django
from tests.load.wrk import Request, Result, run

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WARMUP = int(os.environ.get("BENCH_WARMUP_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
STUDENTS = int(os.environ.get("BENCH_STUDENTS", "300"))
# A comma-separated subset of the pages, for working on one (the ceiling always runs).
ONLY = {name for name in os.environ.get("BENCH_ONLY", "").split(",") if name}


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


def report(name: str, result: Result, ceiling_rps: float) -> None:
    print(
        f"bench: {name} rps={result.rps:.0f} p50_ms={result.p50_ms:.1f} "
        f"p95_ms={result.p95_ms:.1f} errors={result.errors} ratio={result.rps / ceiling_rps:.2f}",
        flush=True,
    )


def fetch(base: str, request: Request) -> tuple[int, str]:
    """The status and ETag of one GET."""
    get = urllib.request.Request(base + request.path, headers=request.headers)
    try:
        with urllib.request.urlopen(get) as response:
            return response.status, response.headers.get("ETag", "")
    except urllib.error.HTTPError as error:  # a 304 is one to urllib
        return error.code, error.headers.get("ETag", "")


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

    def write_headers(person: object) -> dict[str, str]:
        return {
            "Cookie": person.cookie,  # type: ignore[attr-defined]
            "X-CSRFToken": person.csrf,  # type: ignore[attr-defined]
            "HX-Request": "true",
            "Content-Type": "application/x-www-form-urlencoded",
        }

    def check(person: object, position: int) -> Request:
        headers = write_headers(person)
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
        f"bench: machine cores={os.cpu_count()} {describe_target()} "
        f"wrk_connections={CONNECTIONS} seconds_per_page={SECONDS} "
        f"distinct_checks={len(checks)}"
    )
    with serve(env) as base:
        ceiling = scenarios.pop("ceiling")
        run(base, ceiling, seconds=WARMUP, connections=CONNECTIONS)  # warm up
        for name, requests in scenarios.items():
            if ONLY and name not in ONLY:
                continue
            if name == "check_answer":
                # A checked answer is final: warm up on a few, then start past them.
                run(base, requests[:50], seconds=2, connections=CONNECTIONS)
                requests = requests[200:] + requests[:200]
            else:
                # Warm up on every distinct request: a reader's first visit renders the
                # page and stores it; the measured visits are the steady state after it.
                run(base, requests, seconds=WARMUP, connections=CONNECTIONS)
            # The machine is shared and noisy: each page is compared with the ceiling
            # measured just before it, so a slow spell does not skew one ratio.
            top = run(base, ceiling, seconds=SECONDS, connections=CONNECTIONS)
            report("ceiling", top, top.rps)
            report(name, run(base, requests, seconds=SECONDS, connections=CONNECTIONS), top.rps)
    if not ONLY or "lesson" in ONLY:
        # The lesson page's standard design, on a server of its own with its own ceiling.
        with serve({**env, "PAGE_CACHE": "standard"}) as base:
            lesson = scenarios["lesson"]
            run(base, ceiling, seconds=WARMUP, connections=CONNECTIONS)
            run(base, lesson, seconds=WARMUP, connections=CONNECTIONS)  # stores the fragments
            # Each reader sends back the ETag their last visit carried.
            revalidate = [
                replace(r, headers={**r.headers, "If-None-Match": fetch(base, r)[1]})
                for r in lesson
            ]
            # wrk counts only 4xx and 5xx as errors: check the 304s are 304s.
            statuses = {fetch(base, request)[0] for request in revalidate[:20]}
            assert statuses == {304}, f"bench: revalidations answered {statuses}"
            for name, requests in (
                ("lesson_standard", lesson),
                ("lesson_standard_304", revalidate),
            ):
                top = run(base, ceiling, seconds=SECONDS, connections=CONNECTIONS)
                report("ceiling", top, top.rps)
                report(name, run(base, requests, seconds=SECONDS, connections=CONNECTIONS), top.rps)
    if not ONLY or "write_floor" in ONLY:
        # A separate server (one more URL), with its own ceiling: the least a durable write
        # costs here, the bound under which check_answer's ratio lies (tests/load/floor_urls.py).
        floor = [
            Request("POST", "/bench/write-floor", {**write_headers(p), "Content-Length": "0"})
            for p in students
        ]
        with serve({**env, "DJANGO_SETTINGS_MODULE": "tests.load.floor_settings"}) as base:
            run(base, ceiling, seconds=WARMUP, connections=CONNECTIONS)
            run(base, floor, seconds=WARMUP, connections=CONNECTIONS)
            top = run(base, ceiling, seconds=SECONDS, connections=CONNECTIONS)
            report("ceiling", top, top.rps)
            writes = run(base, floor, seconds=SECONDS, connections=CONNECTIONS)
            report("write_floor", writes, top.rps)
    print(f"bench: generator_reference ms={1000 * ref:.1f}")
    print(f"bench: generator_10x ms={1000 * ten:.1f} ratio={ten / ref:.1f}")


if __name__ == "__main__":
    main()
