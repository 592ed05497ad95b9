"""Helpers for the class-session tests: a real server in its own process, games as real subprocesses."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "trainer-token-for-tests"


def needed(what: str, missing: bool, why: str) -> None:
    """A test that needs a service or a tool: it fails in CI (CI=true), skips with the reason elsewhere."""
    if not missing:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is needed in CI: {why}")
    pytest.skip(f"{what} is not available here: {why}", allow_module_level=True)


def server_stack() -> None:
    """The server's dependencies (the `classroom` extra, in the `test` extra too)."""
    import importlib.util

    missing = [m for m in ("aiosqlite", "sqlalchemy", "starlette", "uvicorn") if importlib.util.find_spec(m) is None]
    needed("The `classroom` extra", bool(missing), f"pip install -e '.[test]' (missing: {', '.join(missing)})")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pg_dsn() -> str:
    dsn = os.environ.get("PARTENAIRES_TEST_PG", "")
    needed("PostgreSQL", not dsn, "set PARTENAIRES_TEST_PG=postgresql://user:pass@127.0.0.1/db (.ci/run does)")
    import psycopg

    try:
        with psycopg.connect(dsn, autocommit=True) as conn:  # a clean database for each test
            conn.execute("DROP TABLE IF EXISTS lines, seats, games, classes CASCADE")
    except psycopg.OperationalError as exc:
        needed("PostgreSQL", True, f"cannot connect to PARTENAIRES_TEST_PG ({exc})")
    return dsn


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else "")
    needed("Chromium", not found, "apt-get install chromium (.ci/run does)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        needed("Playwright", True, "pip install playwright (the `test` extra)")
    return found


class Server:
    """`partenaires class serve` on 127.0.0.1 and a free port, stopped and started like a trainer would."""

    def __init__(self, db: str, folder: Path, extra: list[str] | None = None) -> None:
        self.db = db
        self.extra = extra or []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        argv = [sys.executable, "-m", "game", "class", "serve", "--port", str(self.port), "--db", self.db]
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [*argv, "--token", TOKEN, *self.extra], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if self.call("GET", "/api/health")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
            assert self.proc.poll() is None, self.log.read_text()
        raise AssertionError("the class server did not start: " + self.log.read_text())

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def call(self, method: str, path: str, body: Any = None, auth: str | None = TOKEN, raw: bytes | None = None):
        """(status, decoded JSON or bytes) of one request."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Content-Type": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {auth}"
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            payload = response.read()
        finally:
            conn.close()
        if not response.getheader("content-type", "").startswith("application/json"):
            return response.status, payload
        try:
            return response.status, json.loads(payload)
        except ValueError:
            return response.status, payload

    def new_class(self, name: str = "DEIS 2 — mardi", *extra: str) -> str:
        proc = cli("class", "new", "--server", self.url, "--token", TOKEN, "--name", name, *extra)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.strip()

    def games(self, code: str) -> list[dict[str, Any]]:
        status, data = self.call("GET", f"/api/classes/{code}")
        assert status == 200, data
        return data["games"]


def cli(*argv: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *argv], input=stdin, capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def play_argv(link: str, out: Path, name: str, seed: int, scenario: str = "demo", group: str = "DEIS2") -> list[str]:
    return ["play", "--text", scenario, "--class", link, "--name", name, "--group", group, "--seed", str(seed),
            "--out", str(out)]  # fmt: skip


class Game:
    """A text-mode game in its own process, fed one choice at a time through a pipe."""

    def __init__(self, argv: list[str]) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", *argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )

    def choose(self, *answers: str) -> None:
        assert self.proc.stdin is not None
        for answer in answers:
            self.proc.stdin.write(answer + "\n")
            self.proc.stdin.flush()

    def finish(self, timeout: float = 60) -> tuple[int, str, str]:
        out, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out, err

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.communicate(timeout=10)


def wait_for(predicate: Any, timeout: float = 20, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def decisions_in(path: Path) -> int:
    return sum(1 for line in path.read_bytes().splitlines() if b'"type":"decision"' in line)


def records(folder: Path) -> dict[str, bytes]:
    """Records of a folder by session id, as bytes."""
    out = {}
    for path in sorted(folder.glob("*.jsonl")):
        data = path.read_bytes()
        out[json.loads(data.split(b"\n", 1)[0])["session_id"]] = data
    return out
