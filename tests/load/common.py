"""Shared by the benchmark and the soak: production settings, seeding, gunicorn."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env() -> dict[str, str]:
    """The settings a deployment runs with, on plain HTTP over loopback."""
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit(
            "load: DATABASE_URL is not set to a PostgreSQL database; this measures the real "
            "deployment. Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/lectern_bench"
        )
    ensure_database(os.environ["DATABASE_URL"])
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",  # loopback HTTP; TLS is the proxy's job
        DJANGO_SETTINGS_MODULE="course.settings",
        REDIS_URL=env.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
        DATABASE_CONN_MAX_AGE="600",
        LOG_LEVEL="WARNING",
    )
    return env


def ensure_database(url: str) -> None:
    """Create the database `url` names if the server does not have it yet (a new machine's
    server has only its default ones), connecting to the server's `postgres` database."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(url)
    name = str(params.get("dbname") or "")
    with psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if name and found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"load: created the database {name}", flush=True)


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], workers: int | None = None) -> Iterator[str]:
    """Serve Lectern with gunicorn, one worker per core, and yield its base URL."""
    port = free_port()
    workers = workers or os.cpu_count() or 2
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "course.wsgi", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--keep-alive", "30"],
        cwd=ROOT, env=env,
    )  # fmt: skip
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
            raise RuntimeError("gunicorn did not start")
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
