"""make cluster: two Lectern nodes behind nginx, and the checks that they act as one site.

Starts two gunicorn servers (node A and node B, each on its own port, `CLUSTER_WORKERS`
workers each, default one per two cores) against the same PostgreSQL (DATABASE_URL) and
Redis (REDIS_URL), under the production settings with BEHIND_PROXY on, and nginx from
Debian's packages in front of them: round robin, no stickiness, a POST already sent to one
node never replayed on the other. Then checks, through the nodes one by one and through the proxy:

- a session made on one node works on the other (signed in on A through the real log-in
  form, the dashboard read on B; requests through the proxy land on both);
- an instructor's edit on node A is on the page a student reads on node B at once, though
  that page was in the page cache (versions live in Redis, not in a process).

Prints `cluster: … ok` lines and exits non-zero on the first failure. With
CLUSTER_SERVE=1 it then keeps serving at the printed address until interrupted.
`make bench TARGET=cluster` and `make soak TARGET=cluster` drive their pages through the
same proxy (`serve` below).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load.common import ROOT, free_port, gunicorn, production_env, setup_django

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The header nginx adds to every answer through it, naming the node that served it: the
# checks see the requests spread over both nodes. Only this test cluster's configuration
# has it; a deployment has no reason to tell clients its internal addresses.
NODE_HEADER = "X-Lectern-Node"

NGINX_CONF = """
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {run}/body;
  proxy_temp_path {run}/proxy;
  fastcgi_temp_path {run}/fastcgi;
  uwsgi_temp_path {run}/uwsgi;
  scgi_temp_path {run}/scgi;
  upstream lectern {{
    {servers}
    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{port};
    client_max_body_size 2m;
    location / {{
      proxy_pass http://lectern;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # A node that fails is skipped, but a POST already sent to it is never sent again
      # to the other one (no "non_idempotent" here): a checked answer is graded once.
      proxy_next_upstream error;
      add_header {node_header} $upstream_addr always;
    }}
  }}
}}
"""


@dataclass(frozen=True)
class Cluster:
    proxy: str  # the base URL clients use
    nodes: tuple[str, ...]  # each node's own base URL


def cluster_env(env: dict[str, str]) -> dict[str, str]:
    """The nodes' settings: one SECRET_KEY (sessions and CSRF tokens made on one node are
    read on the other), and the proxy trusted for X-Forwarded-*."""
    return {**env, "BEHIND_PROXY": "true", "TRUSTED_PROXY_COUNT": "1"}


@contextmanager
def nginx(upstreams: list[str]) -> Iterator[str]:
    """nginx in front of these base URLs, in the foreground, from a throwaway directory."""
    if not Path(NGINX).exists():
        sys.exit("cluster: nginx is not installed (make cluster installs Debian's package)")
    port = free_port()
    servers = "\n    ".join(f"server {urlparse(u).netloc} max_fails=0;" for u in upstreams)
    with tempfile.TemporaryDirectory(prefix="lectern-nginx-") as run:
        Path(run).chmod(0o755)  # nginx's workers drop root, where it has it
        conf = Path(run) / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(run=run, servers=servers, port=port, node_header=NODE_HEADER)
        )
        process = subprocess.Popen(
            [NGINX, "-p", run, "-e", f"{run}/error.log", "-c", str(conf), "-g", "daemon off;"]
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                        if response.status == 200:
                            break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("nginx did not start: " + (Path(run) / "error.log").read_text())
            yield base
        finally:
            process.send_signal(signal.SIGQUIT)  # graceful: finish the requests in flight
            process.wait(timeout=30)


def _node_workers() -> int:
    return int(os.environ.get("CLUSTER_WORKERS", "0")) or max(1, (os.cpu_count() or 2) // 2)


def describe_target() -> str:
    """What `serve` runs, for the benchmark's first line."""
    if os.environ.get("TARGET", "single") == "cluster":
        return f"target=cluster nodes=2 gunicorn_workers_per_node={_node_workers()} proxy=nginx"
    return f"target=single gunicorn_workers={os.cpu_count()}"


@contextmanager
def cluster(env: dict[str, str], nodes: int = 2) -> Iterator[Cluster]:
    workers = _node_workers()
    env = cluster_env(env)
    with ExitStack() as stack:
        bases = [stack.enter_context(gunicorn(env, workers=workers)) for _ in range(nodes)]
        proxy = stack.enter_context(nginx(bases))
        yield Cluster(proxy=proxy, nodes=tuple(bases))


@contextmanager
def serve(env: dict[str, str]) -> Iterator[str]:
    """Lectern for the benchmark and the soak: one gunicorn, or with TARGET=cluster the
    proxy in front of two nodes. Yields the base URL to drive."""
    target = os.environ.get("TARGET", "single")
    if target == "cluster":
        with cluster(env) as running:
            yield running.proxy
    elif target == "single":
        with gunicorn(env) as base:
            yield base
    else:
        sys.exit(f"load: TARGET must be 'single' or 'cluster', not {target!r}")


# --- the checks ----------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    text: str


def call(base: str, method: str, path: str, headers: dict[str, str], body: str = "") -> Answer:
    """One request, redirects not followed."""
    host = urlparse(base)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    try:
        conn.request(method, path, body=body or None, headers=headers)
        response = conn.getresponse()
        return Answer(response.status, response.headers, response.read().decode())
    finally:
        conn.close()


def _cookies(answer: Answer) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for value in answer.headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return {name: morsel.value for name, morsel in jar.items()}


def _fail(message: str) -> None:
    print(f"cluster: FAILED {message}", flush=True)
    sys.exit(1)


def check_sessions(running: Cluster) -> None:
    """Sign in on node A through the log-in form fetched from node B; read the dashboard on
    B, then through the proxy on both nodes."""
    from course.accounts.models import User

    a, b = running.nodes[:2]
    password = "cluster-check-" + os.urandom(8).hex()
    user, _ = User.objects.get_or_create(
        username="cluster-check", defaults={"email": "cluster-check@example.org"}
    )
    user.set_password(password)
    user.save()
    form = call(b, "GET", "/accounts/login/", {})
    csrf_cookie = _cookies(form).get("csrftoken", "")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    if form.status != 200 or not csrf_cookie or token is None:
        _fail(f"log-in form from node B: {form.status}")
        return
    signed_in = call(
        a,
        "POST",
        "/accounts/login/",
        {"Cookie": f"csrftoken={csrf_cookie}", "Content-Type": "application/x-www-form-urlencoded"},
        urlencode({"username": user.username, "password": password,
                   "csrfmiddlewaretoken": token.group(1)}),
    )  # fmt: skip
    session = _cookies(signed_in).get("sessionid")
    if signed_in.status != 302 or not session:
        _fail(f"log-in on node A answered {signed_in.status} without a session")
    cookie = {"Cookie": f"sessionid={session}; csrftoken={csrf_cookie}"}
    dashboard = call(b, "GET", "/dashboard/", cookie)
    if dashboard.status != 200 or user.username not in dashboard.text:
        _fail(f"the session from node A on node B: {dashboard.status}")
    print("cluster: session made on node A read on node B ok", flush=True)
    served_by = set()
    for _ in range(8):
        through = call(running.proxy, "GET", "/dashboard/", cookie)
        if through.status != 200 or user.username not in through.text:
            _fail(f"the session through the proxy: {through.status}")
        served_by.add(through.headers.get(NODE_HEADER))
    if len(served_by) < 2:
        _fail(f"the proxy sent every request to one node: {served_by}")
    print(f"cluster: signed in through the proxy on {len(served_by)} nodes, no stickiness ok")


def check_edit_seen_at_once(running: Cluster) -> None:
    """An instructor's edit of a lesson on node A; the student's cached page on node B."""
    from course.catalog.models import Lesson
    from tests.load.seed import seed

    world = seed(students=3)
    student, instructor = world.students[0], world.instructor
    a, b = running.nodes[:2]
    lesson = Lesson.objects.get(course__slug=world.slug, pk=int(world.lesson_path.split("/")[-2]))
    reader = {"Cookie": student.cookie}
    for _ in range(2):  # the first visit renders and stores it; the second is a hit
        before = call(b, "GET", world.lesson_path, reader)
    if before.status != 200 or lesson.title not in before.text:
        _fail(f"the lesson page on node B: {before.status}")
    title = f"Edited on node A {os.urandom(4).hex()}"
    edit = call(
        a,
        "POST",
        f"/courses/{world.slug}/review/lessons/{lesson.pk}/",
        {"Cookie": instructor.cookie, "X-CSRFToken": instructor.csrf,
         "Content-Type": "application/x-www-form-urlencoded"},
        urlencode({"title": title, "objective": lesson.objective, "body": lesson.body}),
    )  # fmt: skip
    if edit.status not in (200, 302):
        _fail(f"the instructor's edit on node A answered {edit.status}")
    after = call(b, "GET", world.lesson_path, reader)
    if after.status != 200 or title not in after.text:
        _fail("node B served the lesson page from before the edit on node A")
    print("cluster: an edit on node A is on node B's cached page at once ok", flush=True)


def main() -> None:
    env = production_env()
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)  # fmt: skip
    setup_django(env)
    with cluster(env) as running:
        print(f"cluster: proxy {running.proxy} in front of {', '.join(running.nodes)}", flush=True)
        check_sessions(running)
        check_edit_seen_at_once(running)
        if os.environ.get("CLUSTER_SERVE") == "1":
            print(f"cluster: serving at {running.proxy} until interrupted", flush=True)
            with suppress(KeyboardInterrupt):
                signal.pause()


if __name__ == "__main__":
    main()
