"""Drive a URL mix with wrk from a separate process; parse what its Lua `done` prints."""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

LUA = r"""
local requests = {}
%(entries)s
local i = 0
request = function()
  i = i %% #requests + 1
  return requests[i]
end
done = function(summary, latency, reqs)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "errors": %%d, "p50_us": %%d, "p95_us": %%d}\n',
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95)))
end
"""


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: str = ""


@dataclass
class Result:
    rps: float
    p50_ms: float
    p95_ms: float
    errors: int
    requests: int


def _lua_string(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def run(base: str, requests: list[Request], *, seconds: int, connections: int) -> Result:
    # wrk.format at the script's top level runs before wrk knows the host, and sends no Host
    # header: gunicorn lets that pass, nginx refuses it (400), so each request names it.
    host = {"Host": urlparse(base).netloc}
    entries = []
    for r in requests:
        headers = (
            "{"
            + ", ".join(
                f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in {**host, **r.headers}.items()
            )
            + "}"
        )
        body = _lua_string(r.body) if r.body else "nil"
        entries.append(
            f"requests[#requests + 1] = wrk.format({_lua_string(r.method)}, "
            f"{_lua_string(r.path)}, {headers}, {body})"
        )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % {"entries": "\n".join(entries)})
    try:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", script.name, base],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        Path(script.name).unlink()
    line = next(ln for ln in out.splitlines() if ln.startswith("{"))
    data = json.loads(line)
    return Result(
        rps=data["requests"] / data["seconds"],
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        errors=data["errors"],
        requests=data["requests"],
    )
